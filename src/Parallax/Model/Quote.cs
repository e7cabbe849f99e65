namespace Parallax.Model;

/// <summary>
/// A quotation or reported statement. Invariant: <c>Text == body[Start..End]</c> of its article, and when a
/// speaker mention is given, <c>SpeakerMention == body[SpeakerStart..SpeakerEnd]</c>. Offsets are UTF-16
/// code units, end exclusive.
/// </summary>
public sealed record Quote
{
    public required string Id { get; init; }
    public required string Article { get; init; }
    public string? Speaker { get; init; }
    public string? SpeakerMention { get; init; }
    public int? SpeakerStart { get; init; }
    public int? SpeakerEnd { get; init; }
    public string? Cue { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }

    /// <summary>Channels it was reported through, nearest first.</summary>
    public IReadOnlyList<string> Via { get; init; } = [];
}

public static class QuoteKinds
{
    /// <summary>Wholly inside quotation marks.</summary>
    public const string Direct = "direct";

    /// <summary>Partly quoted.</summary>
    public const string Mixed = "mixed";

    /// <summary>Reported speech without quotation marks.</summary>
    public const string Indirect = "indirect";
}
