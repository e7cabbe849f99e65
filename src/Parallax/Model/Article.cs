namespace Parallax.Model;

/// <summary>A clean article, as in the report contract (<c>spec/report-json.md</c>).</summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary><c>YYYY-MM-DD</c> or full ISO-8601 with offset.</summary>
    public string? Published { get; init; }

    /// <summary>Where <see cref="Published"/> came from: one of <see cref="DateSources"/>, or null when unknown.</summary>
    public string? PublishedSource { get; init; }

    /// <summary>When the page says it was last updated; kept apart from <see cref="Published"/>.</summary>
    public string? Modified { get; init; }

    /// <summary>The outlet's section (<c>article:section</c>, JSON-LD <c>articleSection</c>).</summary>
    public string? Section { get; init; }

    /// <summary>Where <see cref="Title"/> came from (<c>h1</c>, <c>json-ld</c>, <c>meta</c>, <c>title</c>, <c>record</c>, <c>text</c>).</summary>
    public string? TitleSource { get; init; }

    /// <summary>Where <see cref="Authors"/> came from (<c>json-ld</c>, <c>meta</c>, <c>microdata</c>, <c>byline</c>, <c>author-link</c>, <c>record</c>).</summary>
    public string? AuthorsSource { get; init; }

    public string? Language { get; init; }
    public string Kind { get; init; } = PageKinds.Article;
    public required string Body { get; init; }
    public string? DuplicateOf { get; init; }
    public string? Story { get; init; }
}

/// <summary>Where a publication date was read. All but <see cref="PageHeader"/> date the article itself.</summary>
public static class DateSources
{
    /// <summary>The input record's own field (JSONL <c>published</c>, a feed item's date).</summary>
    public const string Record = "record";

    public const string JsonLd = "json-ld";

    /// <summary>OpenGraph <c>article:published_time</c> or a <c>&lt;meta&gt;</c> date.</summary>
    public const string Meta = "meta";

    public const string TimeElement = "time";

    /// <summary>A date line under the headline or beside the byline.</summary>
    public const string Byline = "byline";

    /// <summary>
    /// A date widget above the headline (seed 000: "Wednesday , March 22 2023"): the day the page was shown, which
    /// bounds the publication date from above but is not it. The Check Also teaser under that seed carries the
    /// same day, while the statement it reports was made a month earlier.
    /// </summary>
    public const string PageHeader = "page-header";

    /// <summary>Whether a date from this source only says the article appeared on or before it.</summary>
    public static bool IsUpperBound(string? source) => source == PageHeader;
}

/// <summary>The page kinds of the contract.</summary>
public static class PageKinds
{
    public const string Article = "article";
    public const string Listing = "listing";
    public const string Forum = "forum";
    public const string Product = "product";
    public const string Other = "other";
}
