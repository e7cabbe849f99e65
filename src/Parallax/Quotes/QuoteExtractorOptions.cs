namespace Parallax.Quotes;

/// <summary>Limits of <see cref="QuoteExtractor"/>.</summary>
public sealed record QuoteExtractorOptions
{
    /// <summary>
    /// Only the first this many UTF-16 code units of a body are searched for quotes (default 1,000,000:
    /// far above any news article, it bounds the work on pathological input).
    /// </summary>
    public int MaxBodyLength { get; init; } = 1_000_000;
}
