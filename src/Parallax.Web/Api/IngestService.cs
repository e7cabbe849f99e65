using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Web.Api;

/// <summary>
/// Writes through the engine, one ingest at a time: the engine's in-memory indexes (near-duplicates, story centroids,
/// speakers) assume a single writer. The engine is opened on the first write (warming it reads every stored article)
/// and kept, as <c>parallax watch</c> keeps its engine.
/// </summary>
internal sealed class IngestService(
    IArticleStore store, IArticleQueries queries, StoryResponseCache stories, ServeOptions options, IHostApplicationLifetime lifetime) : IDisposable
{
    /// <summary>Longest file name kept from an upload: the name becomes the article id, and ids stay short.</summary>
    private const int MaxUploadNameLength = 100;

    private readonly SemaphoreSlim _writes = new(1, 1);
    private Engine? _engine;
    private HttpFetcher? _fetcher;

    public async Task<IngestResponse> IngestFilesAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "parallax-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>(files.Count);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                var name = SafeName(file.FileName);
                for (var i = 2; !used.Add(name); i++)
                {
                    name = $"{i}-{SafeName(file.FileName)}";
                }

                var path = Path.Combine(folder, name);
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                await using (stream.ConfigureAwait(false))
                {
                    await file.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                }

                paths.Add(path);
            }

            var source = new UploadSource(new FileSource(paths, new FileSourceOptions()), folder + Path.DirectorySeparatorChar);
            return await RunAsync(source).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; the next reboot clears it.
            }
        }
    }

    public async Task<IngestResponse> IngestUrlsAsync(IReadOnlyList<Uri> urls)
    {
        var fetcher = LazyInitializer.EnsureInitialized(ref _fetcher, () => new HttpFetcher(options.Fetcher));
        return await RunAsync(new UrlFetchSource(urls, fetcher)).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs to the end even when the client goes away: an ingest stopped between articles would leave the engine's
    /// memory ahead of the store. Only the server stopping cancels it.
    /// </summary>
    private async Task<IngestResponse> RunAsync(IDocumentSource source)
    {
        var stopping = lifetime.ApplicationStopping;
        await _writes.WaitAsync(stopping).ConfigureAwait(false);
        try
        {
            _engine ??= await Engine.OpenAsync(store, options.Engine, stopping).ConfigureAwait(false);
            var items = new List<IngestItem>();
            var summary = await _engine.IngestAsync(source, new Collect(items), stopping).ConfigureAwait(false);
            await RefreshStoriesAsync(items, stopping).ConfigureAwait(false);
            return new IngestResponse(summary.Stored, summary.AlreadyStored, summary.Rejected, summary.Quotes, items);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Analyses the stories this ingest changed now, so their readers do not wait for it.</summary>
    private async Task RefreshStoriesAsync(List<IngestItem> items, CancellationToken cancellationToken)
    {
        foreach (var id in items.Where(i => i.Status == "stored").Select(i => i.Story).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await queries.GetStoryReportAsync(id, EngineInfo.Version, cancellationToken).ConfigureAwait(false) is { } report)
            {
                await stories.GetOrAddAsync(report, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static string SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars).TrimStart('.');
        if (safe.Length > MaxUploadNameLength)
        {
            safe = safe[^MaxUploadNameLength..];
        }

        return safe.Length == 0 ? "upload" : safe;
    }

    public void Dispose()
    {
        _fetcher?.Dispose();
        _writes.Dispose();
    }

    // Progress<T> posts to the thread pool; outcomes are collected inline, in order.
    private sealed class Collect(List<IngestItem> items) : IProgress<IngestOutcome>
    {
        public void Report(IngestOutcome value) => items.Add(new IngestItem(
            value.Source,
            value.Status switch
            {
                IngestStatus.Stored => "stored",
                IngestStatus.AlreadyStored => "already_stored",
                _ => "rejected",
            },
            value.Article?.Id,
            value.Article?.Story,
            value.Article?.Title,
            value.Rejection?.Reason,
            value.Rejection?.Detail));
    }

    /// <summary>Uploaded files are read from a temp folder; what is stored names them <c>upload/NAME</c>, not that folder.</summary>
    private sealed class UploadSource(IDocumentSource inner, string folder) : IDocumentSource
    {
        public bool AllowsReadAhead => inner.AllowsReadAhead;

        public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in inner.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new SourceItem(
                    item.Document is { } document ? document with { Source = Rename(document.Source) } : null,
                    item.Rejection is { } rejection ? rejection with { Source = Rename(rejection.Source), Detail = RenameDetail(rejection.Detail) } : null);
            }
        }

        private string Rename(string source) =>
            source.StartsWith(folder, StringComparison.Ordinal) ? "upload/" + source[folder.Length..] : source;

        private string? RenameDetail(string? detail) => detail?.Replace(folder, "upload/", StringComparison.Ordinal);
    }
}
