using System.Xml.Linq;
using Parallax.Model;

namespace Parallax.Ingest;

public enum SitemapKind
{
    /// <summary>A <c>&lt;sitemapindex&gt;</c>: its entries are further sitemaps.</summary>
    Index,

    /// <summary>A <c>&lt;urlset&gt;</c>: its entries are pages.</summary>
    UrlSet,
}

/// <summary>One <c>&lt;url&gt;</c> or <c>&lt;sitemap&gt;</c> entry; the news fields come from a Google News sitemap.</summary>
public sealed record SitemapEntry(string Location, DateTimeOffset? LastModified, string? NewsTitle = null, DateTimeOffset? NewsPublished = null)
{
    /// <summary>The best publication time known: the news date, else the last modification.</summary>
    public DateTimeOffset? Published => NewsPublished ?? LastModified;
}

public sealed record Sitemap(SitemapKind Kind, IReadOnlyList<SitemapEntry> Entries);

public sealed record SitemapParseResult(Sitemap? Sitemap, string? Reason, string? Detail);

/// <summary>
/// Parses sitemaps (sitemaps.org 0.9): indexes, URL sets, Google News extensions, gzipped or not. Elements are
/// matched by local name so a missing or wrong namespace still parses; only http(s) locations are kept.
/// </summary>
public static class SitemapParser
{
    /// <summary>sitemaps.org caps a sitemap at 50,000 URLs; more is a broken or hostile file.</summary>
    public const int MaxEntries = 50_000;

    public static SitemapParseResult Parse(ReadOnlyMemory<byte> content, Uri? baseUri = null, long maxBytes = FeedXml.DefaultMaxBytes)
    {
        if (!FeedXml.TryLoad(content, maxBytes, out var document, out var reason, out var detail))
        {
            return new SitemapParseResult(null, reason, detail);
        }

        return Parse(document!, baseUri);
    }

    internal static bool IsSitemapRoot(XDocument document) => document.Root?.Name.LocalName is "urlset" or "sitemapindex";

    internal static SitemapParseResult Parse(XDocument document, Uri? baseUri)
    {
        var root = document.Root!;
        var (kind, entryName) = root.Name.LocalName switch
        {
            "urlset" => (SitemapKind.UrlSet, "url"),
            "sitemapindex" => (SitemapKind.Index, "sitemap"),
            var other => ((SitemapKind?)null, other),
        };
        if (kind is null)
        {
            return new SitemapParseResult(null, RejectReasons.UnsupportedFormat, $"not a sitemap: the root element is <{entryName}>");
        }

        var entries = new List<SitemapEntry>();
        foreach (var element in root.Elements())
        {
            if (element.Name.LocalName != entryName)
            {
                continue;
            }

            if (entries.Count == MaxEntries)
            {
                break;
            }

            if (FeedParser.Resolve(Child(element, "loc")?.Value, baseUri) is not { } location)
            {
                continue;
            }

            var news = Child(element, "news");
            entries.Add(new SitemapEntry(
                location,
                FeedDates.Parse(Child(element, "lastmod")?.Value),
                FeedXml.PlainText(Child(news, "title")?.Value),
                FeedDates.Parse(Child(news, "publication_date")?.Value)));
        }

        return new SitemapParseResult(new Sitemap(kind.Value, entries), null, null);
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
