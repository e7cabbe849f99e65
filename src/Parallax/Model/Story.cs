namespace Parallax.Model;

public sealed record Story
{
    public required string Id { get; init; }
    public string? Title { get; init; }

    /// <summary>Article ids, earliest first.</summary>
    public IReadOnlyList<string> Articles { get; init; } = [];

    public IReadOnlyList<string> Outlets { get; init; } = [];
    public string? FirstPublished { get; init; }
    public string? LastPublished { get; init; }
}
