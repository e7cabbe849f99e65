namespace Parallax.Ingest;

/// <summary>Which dialect a feed was written in.</summary>
public enum FeedFormat
{
    /// <summary>RSS 0.9x and 2.0: <c>&lt;rss&gt;&lt;channel&gt;&lt;item&gt;</c>.</summary>
    Rss,

    /// <summary>RSS 1.0: RDF with items beside the channel.</summary>
    Rdf,

    /// <summary>Atom 1.0.</summary>
    Atom,
}

/// <summary>One entry of a feed, as the feed describes it. Every field but the position is optional in the wild.</summary>
public sealed record FeedItem
{
    /// <summary>The entry's own identifier (RSS <c>guid</c>, Atom <c>id</c>, RDF <c>rdf:about</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Absolute link to the article, resolved against the feed's address.</summary>
    public string? Link { get; init; }

    public string? Title { get; init; }

    /// <summary>Publication (else update) time; null when absent or unreadable.</summary>
    public DateTimeOffset? Published { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The description or summary as plain text: markup stripped, entities decoded.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// The full content as HTML (<c>content:encoded</c>, Atom <c>content</c>), when the feed carries one; may still
    /// be a teaser, see <see cref="HasFullContent"/>.
    /// </summary>
    public string? ContentHtml { get; init; }

    /// <summary>True when <see cref="ContentHtml"/> is long enough to be the article itself rather than a teaser.</summary>
    public bool HasFullContent { get; init; }

    /// <summary>The key under which the item is remembered as seen: the link, else the id.</summary>
    public string? Key => Link ?? Id;

    /// <summary>
    /// The item's own content as a small HTML page the extractor reads like any other: the title as heading and
    /// the content as the article, with the feed's metadata carried as document hints.
    /// </summary>
    /// <param name="source">Where the item was read, recorded as the document's source.</param>
    /// <param name="outlet">The outlet as the feed names itself (see <see cref="FeedRules.OutletName"/>), or null.</param>
    public Model.RawDocument ToDocument(string source, string? outlet = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var title = System.Net.WebUtility.HtmlEncode(Title ?? "");
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><article><h1>{title}</h1>{ContentHtml}</article></body></html>";
        return new Model.RawDocument
        {
            Source = source,
            Id = null,
            Url = Link,
            ContentType = "text/html",
            DeclaredCharset = "utf-8",
            Content = System.Text.Encoding.UTF8.GetBytes(html),
            Title = Title,
            Published = FeedDates.Format(Published),
            Authors = Authors,
            Outlet = outlet,
        };
    }
}

/// <summary>A parsed feed: its channel metadata and its items in document order.</summary>
public sealed record Feed(FeedFormat Format, string? Title, string? Link, IReadOnlyList<FeedItem> Items);

/// <summary>A feed, or why the bytes were not one. <see cref="Reason"/> is one of <see cref="Model.RejectReasons"/>.</summary>
public sealed record FeedParseResult(Feed? Feed, string? Reason, string? Detail)
{
    public static FeedParseResult Ok(Feed feed) => new(feed, null, null);

    public static FeedParseResult Failed(string reason, string detail) => new(null, reason, detail);
}
