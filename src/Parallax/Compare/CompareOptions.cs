namespace Parallax.Compare;

/// <summary>Settings of <see cref="CoverageComparer"/>.</summary>
public sealed record CompareOptions
{
    /// <summary>Minimum word-LCS ratio for <c>near_verbatim</c>. Default <see cref="CoverageComparer.NearVerbatimThreshold"/>.</summary>
    public double NearVerbatimThreshold { get; init; } = CoverageComparer.NearVerbatimThreshold;

    /// <summary>Minimum content-word score for <c>paraphrase</c>. Default <see cref="CoverageComparer.ParaphraseThreshold"/>.</summary>
    public double ParaphraseThreshold { get; init; } = CoverageComparer.ParaphraseThreshold;
}
