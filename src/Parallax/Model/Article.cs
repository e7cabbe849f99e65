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

    public string? Language { get; init; }
    public string Kind { get; init; } = PageKinds.Article;
    public required string Body { get; init; }
    public string? DuplicateOf { get; init; }
    public string? Story { get; init; }
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
