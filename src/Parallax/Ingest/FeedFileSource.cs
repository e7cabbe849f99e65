using System.Runtime.CompilerServices;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// A feed file read without the network: items that carry their full article (content:encoded, Atom content) become
/// documents; the others are recorded as rejected with <c>NoContent</c> ("needs fetching"), since only
/// <c>parallax fetch</c> and <c>parallax watch</c> go to the web. Each item's source is <c>path#n</c> (1-based).
/// </summary>
public sealed class FeedFileSource : IDocumentSource
{
    private readonly string _path;
    private readonly FileSourceOptions _options;

    public FeedFileSource(string path, FileSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        _path = path;
        _options = options;
    }

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        byte[]? bytes = null;
        string? error = null;
        var reason = RejectReasons.TooLarge;
        try
        {
            var length = new FileInfo(_path).Length;
            if (length > _options.MaxBytes)
            {
                error = $"file of {length} bytes exceeds the {_options.MaxBytes}-byte limit";
            }
            else
            {
                bytes = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            (reason, error) = (RejectReasons.Unreadable, ex.Message);
        }

        if (bytes is null)
        {
            yield return Reject(_path, reason, error!);
            yield break;
        }

        var parsed = FeedParser.Parse(bytes, null, _options.MaxBytes);
        if (parsed.Feed is not { } feed)
        {
            yield return Reject(_path, parsed.Reason!, parsed.Detail);
            yield break;
        }

        if (feed.Items.Count == 0)
        {
            yield return Reject(_path, RejectReasons.Empty, "the feed has no items");
            yield break;
        }

        var outlet = FeedRules.OutletName(feed.Title);
        for (var i = 0; i < feed.Items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = feed.Items[i];
            var source = $"{_path}#{i + 1}";
            yield return item.HasFullContent
                ? new SourceItem(item.ToDocument(source, outlet), null)
                : Reject(source, RejectReasons.NoContent, item.Link is { } link
                    ? $"needs fetching: the feed carries only a summary of {link} (use 'parallax fetch' or 'parallax watch')"
                    : "needs fetching, but the item has no link");
        }
    }

    /// <summary>True when the file's root element is a feed: how an ambiguous <c>.xml</c> file is told apart from other XML.</summary>
    public static bool IsFeedFile(string path, long maxBytes)
    {
        try
        {
            if (new FileInfo(path).Length > maxBytes)
            {
                return false;
            }

            return FeedXml.TryLoad(File.ReadAllBytes(path), maxBytes, out var document, out _, out _) && FeedParser.IsFeedRoot(document!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static SourceItem Reject(string source, string reason, string? detail) =>
        new(null, new Rejection { Source = source, Reason = reason, Detail = detail });
}
