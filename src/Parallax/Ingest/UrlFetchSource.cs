using System.Runtime.CompilerServices;

namespace Parallax.Ingest;

/// <summary>
/// <c>parallax fetch</c>: fetches each address once. A page is a document; a feed or sitemap yields its items (their
/// own full content, else their pages fetched); a robots.txt yields the pages of the sitemaps it lists.
/// </summary>
public sealed class UrlFetchSource : IDocumentSource
{
    private readonly IReadOnlyList<Uri> _urls;
    private readonly HttpFetcher _fetcher;
    private readonly WatchOptions _options;

    public UrlFetchSource(IReadOnlyList<Uri> urls, HttpFetcher fetcher, WatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(fetcher);
        _urls = urls;
        _fetcher = fetcher;
        _options = options ?? new WatchOptions();
    }

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var url in _urls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetched = await _fetcher.FetchAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!fetched.IsOk)
            {
                yield return fetched.ToSourceItem();
                continue;
            }

            var expansion = await UrlExpansion.ExpandAsync(_fetcher, fetched, _options.MaxChildSitemaps, discoverFeeds: false, cancellationToken).ConfigureAwait(false);
            switch (expansion.Kind)
            {
                case ExpansionKind.Page:
                    yield return fetched.ToSourceItem();
                    break;
                case ExpansionKind.Failed:
                    yield return new SourceItem(null, new Model.Rejection { Source = url.AbsoluteUri, Reason = expansion.Reason ?? Model.RejectReasons.Unparseable, Detail = expansion.Detail });
                    break;
                default:
                    foreach (var item in expansion.Items.Take(_options.MaxItemsPerPoll))
                    {
                        if (item.HasFullContent)
                        {
                            yield return new SourceItem(item.ToDocument(item.Link ?? $"{url.AbsoluteUri}#{item.Key}", expansion.Outlet), null);
                        }
                        else if (item.Link is { } link)
                        {
                            var page = await _fetcher.FetchAsync(new Uri(link), cancellationToken: cancellationToken).ConfigureAwait(false);
                            yield return page.ToSourceItem(link, item);
                        }
                    }

                    break;
            }
        }
    }
}
