using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parallax.Compare;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Web.Api;

/// <summary>
/// A story's coverage analysis and its JSON, kept per story while the story's stored content is unchanged; the API's
/// story JSON and the UI's story page both read it. Reading a story costs a few indexed queries (milliseconds);
/// analysing its coverage (aligning every claim across its articles) costs tens to hundreds of milliseconds, so it is
/// done once per version of a story: on ingest through this server, by <see cref="StoryWarmer"/> for the latest
/// stories at start, else on first view (API or UI). The key is a hash of the report as read, so a commit from this
/// server or any other process (a speaker renamed, an article joining) changes it: an entry is never stale, only unused.
/// </summary>
internal sealed class StoryResponseCache : IDisposable
{
    /// <summary>Stories kept: a story's JSON is some tens of kilobytes, so 2,000 hold a few days of news in about 100 MB.</summary>
    private const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Analyses at a time: one per core, so that under load cheap requests (searches, lists, kept stories) still get
    /// CPU while first views queue here.
    /// </summary>
    private readonly SemaphoreSlim _analyses = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The story JSON of <paramref name="report"/> (one story), coverage included.</summary>
    public async Task<byte[]> GetOrAddAsync(Report report, CancellationToken cancellationToken) =>
        (await GetEntryAsync(report, cancellationToken).ConfigureAwait(false)).Json;

    /// <summary>The coverage of the one story of <paramref name="report"/>, analysed once per version of the story.</summary>
    public async Task<StoryCoverage> GetCoverageAsync(Report report, CancellationToken cancellationToken) =>
        (await GetEntryAsync(report, cancellationToken).ConfigureAwait(false)).Coverage[0];

    public int Count => _entries.Count;

    public void Dispose() => _analyses.Dispose();

    private async Task<Entry> GetEntryAsync(Report report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var story = ToResponse(report);
        var key = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(story, ApiJsonContext.Api.StoryResponse));
        var id = report.Stories[0].Id;
        if (TryGet(id, key) is { } kept)
        {
            return kept;
        }

        await _analyses.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have analysed the same version while this one waited.
            if (TryGet(id, key) is { } analysed)
            {
                return analysed;
            }

            var coverage = CoverageReport.Analyze(report);
            var json = JsonSerializer.SerializeToUtf8Bytes(story with { Coverage = coverage }, ApiJsonContext.Api.StoryResponse);
            if (_entries.Count >= MaxEntries && !_entries.ContainsKey(id))
            {
                // Crude but bounded: forget everything rather than track recency on every read.
                _entries.Clear();
            }

            var entry = new Entry(key, json, coverage);
            _entries[id] = entry;
            return entry;
        }
        finally
        {
            _analyses.Release();
        }
    }

    private Entry? TryGet(string id, byte[] key) =>
        _entries.TryGetValue(id, out var entry) && entry.Key.AsSpan().SequenceEqual(key) ? entry : null;

    private static StoryResponse ToResponse(Report report) => new()
    {
        Parallax = report.Parallax,
        Articles = report.Articles,
        Stories = report.Stories,
        Speakers = report.Speakers,
        Quotes = report.Quotes,
        Alignments = report.Alignments,
        Rejected = report.Rejected,
    };

    /// <summary>One analysed version of a story: its content hash, its JSON and its coverage (the JSON's, parsed).</summary>
    private sealed record Entry(byte[] Key, byte[] Json, IReadOnlyList<StoryCoverage> Coverage);
}

/// <summary>
/// At start, analyses the latest stories (<see cref="ServeOptions.WarmStories"/>) one at a time in the background,
/// so a front page's links are answered from <see cref="StoryResponseCache"/> from the first click.
/// </summary>
internal sealed partial class StoryWarmer(IArticleQueries queries, StoryResponseCache cache, ServeOptions options, ILogger<StoryWarmer> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number of stories analysed when the warm-up ends.</summary>
    public Task<int> Completed => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var warmed = 0;
        try
        {
            string? cursor = null;
            while (warmed < options.WarmStories)
            {
                var page = await queries.GetStoriesPageAsync(
                    new StoryFilter(), new PageRequest(Math.Min(PageRequest.MaxLimit, options.WarmStories - warmed), cursor), stoppingToken).ConfigureAwait(false);
                foreach (var (story, _) in page.Items)
                {
                    if (await queries.GetStoryReportAsync(story.Id, EngineInfo.Version, stoppingToken).ConfigureAwait(false) is { } report)
                    {
                        await cache.GetOrAddAsync(report, stoppingToken).ConfigureAwait(false);
                        warmed++;
                    }
                }

                if ((cursor = page.Next) is null)
                {
                    break;
                }
            }

            _done.TrySetResult(warmed);
        }
        catch (OperationCanceledException)
        {
            _done.TrySetResult(warmed);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            // A cold cache is only slower: log and serve.
            LogWarmFailed(logger, ex);
            _done.TrySetResult(warmed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Story warm-up stopped early")]
    private static partial void LogWarmFailed(ILogger logger, Exception error);
}
