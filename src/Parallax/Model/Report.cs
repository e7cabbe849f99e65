namespace Parallax.Model;

/// <summary>The whole JSON report: the stable output contract.</summary>
public sealed record Report
{
    public required string Parallax { get; init; }
    public IReadOnlyList<Article> Articles { get; init; } = [];
    public IReadOnlyList<Story> Stories { get; init; } = [];
    public IReadOnlyList<Speaker> Speakers { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<Alignment> Alignments { get; init; } = [];
    public IReadOnlyList<Rejection> Rejected { get; init; } = [];
}
