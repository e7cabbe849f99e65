using System.Text;
using System.Xml.Linq;
using Parallax.Model;

namespace Parallax.Ingest;

internal enum ExpansionKind
{
    Feed,
    Sitemap,
    Page,
    Failed,
}

/// <summary>What a fetched source address turned out to be: a feed or sitemap (with its items), a page, or nothing usable.</summary>
/// <param name="Outlet">For a feed, the outlet as the feed names itself (see <see cref="FeedRules.OutletName"/>).</param>
internal sealed record Expansion(ExpansionKind Kind, IReadOnlyList<FeedItem> Items, string? Reason = null, string? Detail = null, string? Outlet = null);

/// <summary>
/// Turns a fetched source into items: a feed's entries, a sitemap's (or a sitemap index's children's) URLs, the
/// sitemaps a robots.txt lists, or, for an HTML page, the first feed it advertises.
/// </summary>
internal static class UrlExpansion
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    internal static async Task<Expansion> ExpandAsync(HttpFetcher fetcher, HttpFetchResult fetched, int maxChildSitemaps, bool discoverFeeds, CancellationToken cancellationToken)
    {
        var uri = fetched.FinalUri;
        if (uri.AbsolutePath.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            var robots = RobotsTxt.Parse(Encoding.UTF8.GetString(fetched.Body.Span));
            return await ExpandSitemapsAsync(fetcher, robots.Sitemaps.Select(s => new SitemapEntry(s, null)).ToList(), maxChildSitemaps, cancellationToken).ConfigureAwait(false);
        }

        if (!LooksLikeXml(fetched.Body.Span, fetched.MediaType))
        {
            if (discoverFeeds && Encoding.UTF8.GetString(fetched.Body.Span) is var html && FeedDiscovery.Discover(html, uri) is [var feedUri, ..])
            {
                var feed = await fetcher.FetchAsync(feedUri, cancellationToken: cancellationToken).ConfigureAwait(false);
                return feed.IsOk
                    ? await ExpandAsync(fetcher, feed, maxChildSitemaps, discoverFeeds: false, cancellationToken).ConfigureAwait(false)
                    : new Expansion(ExpansionKind.Failed, [], RejectReasons.Unreadable, $"advertised feed {feedUri}: {feed.Describe()}");
            }

            return new Expansion(ExpansionKind.Page, []);
        }

        if (!FeedXml.TryLoad(fetched.Body, FeedXml.DefaultMaxBytes, out var document, out var reason, out var detail))
        {
            return new Expansion(ExpansionKind.Failed, [], reason, detail);
        }

        return await FromDocumentAsync(fetcher, document!, uri, maxChildSitemaps, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Expansion> FromDocumentAsync(HttpFetcher fetcher, XDocument document, Uri uri, int maxChildSitemaps, CancellationToken cancellationToken)
    {
        if (FeedParser.IsFeedRoot(document))
        {
            var parsed = FeedParser.Parse(document, uri);
            return parsed.Feed is { } feed
                ? new Expansion(ExpansionKind.Feed, feed.Items, Outlet: FeedRules.OutletName(feed.Title))
                : new Expansion(ExpansionKind.Failed, [], parsed.Reason, parsed.Detail);
        }

        if (SitemapParser.IsSitemapRoot(document))
        {
            var parsed = SitemapParser.Parse(document, uri);
            if (parsed.Sitemap is not { } sitemap)
            {
                return new Expansion(ExpansionKind.Failed, [], parsed.Reason, parsed.Detail);
            }

            return sitemap.Kind == SitemapKind.UrlSet
                ? new Expansion(ExpansionKind.Sitemap, sitemap.Entries.Select(ToItem).ToList())
                : await ExpandSitemapsAsync(fetcher, sitemap.Entries, maxChildSitemaps, cancellationToken).ConfigureAwait(false);
        }

        if (document.Root!.Name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase))
        {
            return new Expansion(ExpansionKind.Page, []);
        }

        return new Expansion(ExpansionKind.Failed, [], RejectReasons.UnsupportedFormat, $"XML with root <{document.Root!.Name.LocalName}> is neither a feed nor a sitemap");
    }

    /// <summary>Child sitemaps, newest first (by lastmod) and bounded: news indexes list years of archives.</summary>
    private static async Task<Expansion> ExpandSitemapsAsync(HttpFetcher fetcher, IReadOnlyList<SitemapEntry> children, int maxChildSitemaps, CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>();
        var chosen = children.Select((entry, index) => (entry, index))
            .OrderByDescending(c => c.entry.LastModified ?? DateTimeOffset.MinValue).ThenBy(c => c.index)
            .Take(maxChildSitemaps);
        foreach (var (child, _) in chosen)
        {
            var fetched = await fetcher.FetchAsync(new Uri(child.Location), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!fetched.IsOk)
            {
                continue;
            }

            var parsed = SitemapParser.Parse(fetched.Body, fetched.FinalUri);
            if (parsed.Sitemap is { Kind: SitemapKind.UrlSet } sitemap)
            {
                items.AddRange(sitemap.Entries.Select(ToItem));
            }
        }

        return new Expansion(ExpansionKind.Sitemap, items);
    }

    private static FeedItem ToItem(SitemapEntry entry) => new() { Id = entry.Location, Link = entry.Location, Title = entry.NewsTitle, Published = entry.Published };

    private static bool LooksLikeXml(ReadOnlySpan<byte> body, string? mediaType)
    {
        if (FeedXml.IsGzip(body) || (mediaType is not null && mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase) && !mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        body = body.TrimStart(" \t\r\n"u8);
        return body.StartsWith("<?xml"u8) || body.StartsWith("<rss"u8) || body.StartsWith("<feed"u8) || body.StartsWith("<urlset"u8)
            || body.StartsWith("<sitemapindex"u8) || body.StartsWith("<rdf:RDF"u8);
    }
}
