using System.Xml.Linq;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0. Lenient where feeds are broken in practice: elements are found by
/// local name whatever their namespace, dates go through <see cref="FeedDates"/>, descriptions may hold escaped HTML
/// or CDATA, links may be relative. Never throws on bad input: a non-feed is a result with a reason.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses a feed. <paramref name="baseUri"/> (the feed's own address) resolves relative links.</summary>
    public static FeedParseResult Parse(ReadOnlyMemory<byte> content, Uri? baseUri = null, long maxBytes = FeedXml.DefaultMaxBytes)
    {
        if (!FeedXml.TryLoad(content, maxBytes, out var document, out var reason, out var detail))
        {
            return FeedParseResult.Failed(reason, detail);
        }

        return Parse(document!, baseUri);
    }

    internal static FeedParseResult Parse(XDocument document, Uri? baseUri)
    {
        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" => ReadRss(root, baseUri),
            "RDF" => ReadRdf(root, baseUri),
            "feed" => ReadAtom(root, baseUri),
            var other => FeedParseResult.Failed(RejectReasons.UnsupportedFormat, $"not a feed: the root element is <{other}>"),
        };
    }

    /// <summary>True when the root element names a feed dialect; cheap enough to sniff a download.</summary>
    internal static bool IsFeedRoot(XDocument document) => document.Root?.Name.LocalName is "rss" or "RDF" or "feed";

    private static FeedParseResult ReadRss(XElement root, Uri? baseUri)
    {
        var channel = Child(root, "channel");
        if (channel is null)
        {
            return FeedParseResult.Failed(RejectReasons.Unparseable, "RSS without a <channel>");
        }

        var channelLink = Resolve(Text(Child(channel, "link")), baseUri);
        var linkBase = channelLink is null ? baseUri : new Uri(channelLink);
        var items = new List<FeedItem>();
        foreach (var item in Children(channel, "item"))
        {
            items.Add(ReadRssItem(item, baseUri ?? linkBase));
        }

        return FeedParseResult.Ok(new Feed(FeedFormat.Rss, FeedXml.PlainText(Text(Child(channel, "title"))), channelLink, items));
    }

    private static FeedItem ReadRssItem(XElement item, Uri? baseUri)
    {
        var guidElement = Child(item, "guid");
        var guid = Text(guidElement);
        var link = Resolve(Text(Child(item, "link")), baseUri)
            ?? Resolve(AtomLink(item), baseUri)
            // A guid is a permalink unless it says otherwise (RSS 2.0 spec).
            ?? (guidElement?.Attribute("isPermaLink")?.Value is not "false" ? Resolve(guid, baseUri) : null);
        var authors = new List<string>();
        foreach (var author in item.Elements())
        {
            if (author.Name.LocalName is "author" or "creator")
            {
                AddAuthor(authors, Child(author, "name") is { } name ? Text(name) : Text(author));
            }
        }

        return Item(
            id: guid ?? link,
            link: link,
            title: Text(Child(item, "title")),
            date: Text(Child(item, "pubDate")) ?? Text(Child(item, "date")) ?? Text(Child(item, "published")) ?? Text(Child(item, "updated")),
            authors: authors,
            summaryHtml: Text(Child(item, "description")) ?? Text(Child(item, "summary")),
            contentHtml: Text(ChildNs(item, "encoded", FeedRules.ContentNamespace)) ?? Text(Child(item, "encoded")));
    }

    private static FeedParseResult ReadRdf(XElement root, Uri? baseUri)
    {
        var channel = Child(root, "channel");
        var items = new List<FeedItem>();
        // RSS 1.0 puts items beside the channel; some producers nest them inside it anyway.
        var elements = Children(root, "item").Concat(channel is null ? [] : Children(channel, "item"));
        foreach (var item in elements)
        {
            var link = Resolve(Text(Child(item, "link")), baseUri) ?? Resolve(item.Attribute(XName.Get("about", FeedRules.RdfNamespace))?.Value, baseUri);
            var authors = new List<string>();
            foreach (var creator in Children(item, "creator"))
            {
                AddAuthor(authors, Text(creator));
            }

            items.Add(Item(
                id: item.Attribute(XName.Get("about", FeedRules.RdfNamespace))?.Value ?? link,
                link: link,
                title: Text(Child(item, "title")),
                date: Text(Child(item, "date")) ?? Text(Child(item, "pubDate")),
                authors: authors,
                summaryHtml: Text(Child(item, "description")),
                contentHtml: Text(Child(item, "encoded"))));
        }

        return FeedParseResult.Ok(new Feed(
            FeedFormat.Rdf, FeedXml.PlainText(Text(Child(channel, "title"))), Resolve(Text(Child(channel, "link")), baseUri), items));
    }

    private static FeedParseResult ReadAtom(XElement root, Uri? baseUri)
    {
        var feedBase = XmlBase(root, baseUri);
        var items = new List<FeedItem>();
        foreach (var entry in Children(root, "entry"))
        {
            var entryBase = XmlBase(entry, feedBase);
            var link = Resolve(AtomLink(entry), entryBase);
            var authors = new List<string>();
            foreach (var author in entry.Elements())
            {
                if (author.Name.LocalName is "author" or "creator")
                {
                    AddAuthor(authors, Child(author, "name") is { } name ? Text(name) : Text(author));
                }
            }

            items.Add(Item(
                id: Text(Child(entry, "id")) ?? link,
                link: link,
                title: AtomText(Child(entry, "title")),
                date: Text(Child(entry, "published")) ?? Text(Child(entry, "issued")) ?? Text(Child(entry, "updated")) ?? Text(Child(entry, "modified")),
                authors: authors,
                summaryHtml: AtomText(Child(entry, "summary")),
                contentHtml: Child(entry, "content") is { } content && content.Attribute("src") is null ? AtomText(content) : null));
        }

        return FeedParseResult.Ok(new Feed(FeedFormat.Atom, FeedXml.PlainText(AtomText(Child(root, "title"))), Resolve(AtomLink(root), feedBase), items));
    }

    private static FeedItem Item(string? id, string? link, string? title, string? date, List<string> authors, string? summaryHtml, string? contentHtml)
    {
        // Some feeds carry the whole article in <description> and no content:encoded.
        var content = contentHtml ?? summaryHtml;
        var contentLength = FeedXml.PlainText(content)?.Length ?? 0;
        return new FeedItem
        {
            Id = Trimmed(id),
            Link = link,
            Title = FeedXml.PlainText(title),
            Published = FeedDates.Parse(date),
            Authors = authors,
            Summary = FeedXml.PlainText(summaryHtml),
            ContentHtml = contentHtml ?? (contentLength >= FeedRules.FullContentMinChars ? summaryHtml : null),
            HasFullContent = contentLength >= FeedRules.FullContentMinChars,
        };
    }

    /// <summary>The alternate link of an Atom element (or an atom:link inside RSS): rel absent or "alternate".</summary>
    private static string? AtomLink(XElement element)
    {
        string? fallback = null;
        foreach (var link in Children(element, "link"))
        {
            var href = link.Attribute("href")?.Value;
            if (href is null)
            {
                continue;
            }

            var rel = link.Attribute("rel")?.Value;
            if (rel is null or "alternate")
            {
                return href;
            }

            fallback ??= rel == "self" ? null : href;
        }

        return fallback;
    }

    /// <summary>Atom text constructs: <c>type="xhtml"</c> holds markup as elements, "html" and "text" as text.</summary>
    private static string? AtomText(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        if (element.Attribute("type")?.Value == "xhtml")
        {
            var inner = element.Elements().FirstOrDefault() ?? element;
            return Trimmed(string.Concat(inner.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))));
        }

        return Text(element);
    }

    private static Uri? XmlBase(XElement element, Uri? inherited)
    {
        var value = element.Attribute(XNamespace.Xml + "base")?.Value;
        return value is not null && Resolve(value, inherited) is { } resolved ? new Uri(resolved) : inherited;
    }

    /// <summary>An absolute http(s) address, or null: other schemes (javascript:, mailto:) are never links to fetch.</summary>
    internal static string? Resolve(string? href, Uri? baseUri)
    {
        href = Trimmed(href);
        if (href is null)
        {
            return null;
        }

        Uri? uri;
        if (!Uri.TryCreate(href, UriKind.Absolute, out uri) || uri.Scheme == Uri.UriSchemeFile)
        {
            // "/2024/story" parses as an absolute file: URI on Unix; a base decides what it means.
            if (baseUri is null || !Uri.TryCreate(baseUri, href, out uri))
            {
                return null;
            }
        }

        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    private static void AddAuthor(List<string> authors, string? text)
    {
        if (FeedXml.PlainText(text) is { } name && !authors.Contains(name, StringComparer.Ordinal))
        {
            authors.Add(name);
        }
    }

    private static XElement? Child(XElement? parent, string localName)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    private static XElement? ChildNs(XElement parent, string localName, string ns) => parent.Element(XName.Get(localName, ns));

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string? Text(XElement? element) => Trimmed(element?.Value);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
