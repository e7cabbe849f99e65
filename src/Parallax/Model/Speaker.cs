namespace Parallax.Model;

public sealed record Speaker
{
    public required string Id { get; init; }

    /// <summary>The fullest form seen, e.g. <c>Nasser Kanaani</c>.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string Kind { get; init; } = SpeakerKinds.Unknown;
}

public static class SpeakerKinds
{
    public const string Person = "person";
    public const string Organization = "organization";
    public const string Government = "government";
    public const string Unknown = "unknown";
}
