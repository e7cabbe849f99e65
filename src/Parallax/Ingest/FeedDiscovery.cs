using AngleSharp.Html.Parser;

namespace Parallax.Ingest;

/// <summary>Finds the feeds a page advertises with <c>&lt;link rel="alternate" type="application/rss+xml"&gt;</c> (or atom+xml).</summary>
public static class FeedDiscovery
{
    /// <summary>Absolute feed addresses in page order, without repeats.</summary>
    public static IReadOnlyList<Uri> Discover(string html, Uri pageUri)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUri);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var baseUri = pageUri;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && FeedParser.Resolve(baseHref, pageUri) is { } resolvedBase)
        {
            baseUri = new Uri(resolvedBase);
        }

        var feeds = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")?.Split(';')[0].Trim();
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || type is null || !FeedRules.FeedMediaTypes.Contains(type))
            {
                continue;
            }

            if (FeedParser.Resolve(link.GetAttribute("href"), baseUri) is { } href && !feeds.Exists(f => f.AbsoluteUri == href))
            {
                feeds.Add(new Uri(href));
            }
        }

        return feeds;
    }
}
