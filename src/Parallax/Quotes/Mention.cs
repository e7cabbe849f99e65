namespace Parallax.Quotes;

internal enum MentionKind
{
    Name,
    Pronoun,
    Role,
    Organization,
    Group,
}

/// <summary>
/// A speaker as written in the body. <see cref="Start"/>/<see cref="End"/> cover the mention given in the quote
/// (the name part of <c>Iranian Foreign Ministry Spokesperson Nasser Kanaani</c>); <see cref="Role"/> is the
/// normalised role written with it, if any.
/// </summary>
internal sealed record Mention(int Start, int End, MentionKind Kind, string Name)
{
    /// <summary>Normalised roles written with the mention (<c>Iranian Foreign Ministry Spokesperson</c>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>A quote before its speaker is resolved.</summary>
internal sealed class QuoteDraft
{
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Kind { get; init; }
    public string? Cue { get; init; }
    public Mention? Mention { get; set; }
    public required int Paragraph { get; init; }

    /// <summary>The quotation group of a direct quote, so the segments of one multi-paragraph quote share a speaker.</summary>
    public int? Group { get; init; }

    public List<string> Via { get; } = [];

    /// <summary>
    /// For a direct quote before a trailing cue (<c>"X," he said</c>), where the cue starts; the quote that goes on
    /// right after the cue (<c>, "Y"</c> or <c>. "Y"</c>) is the same statement.
    /// </summary>
    public int? InterruptedBy { get; set; }
}
