namespace Parallax.Model;

/// <summary>The same statement as two articles of one story report it.</summary>
public sealed record Alignment
{
    public required string Story { get; init; }

    /// <summary>Quote id in the earlier article.</summary>
    public required string A { get; init; }

    /// <summary>Quote id in the other article.</summary>
    public required string B { get; init; }

    public required string Relation { get; init; }
    public required double Score { get; init; }

    /// <summary>Word runs that turn <see cref="A"/> into <see cref="B"/>.</summary>
    public IReadOnlyList<DiffRun> Diff { get; init; } = [];
}

public sealed record DiffRun(string Op, string Text);

public static class DiffOps
{
    public const string Same = "same";
    public const string Delete = "del";
    public const string Insert = "ins";
}

public static class AlignmentRelations
{
    public const string Verbatim = "verbatim";
    public const string NearVerbatim = "near_verbatim";
    public const string Paraphrase = "paraphrase";
}
