namespace Parallax.Extract;

/// <summary>Hard limits and switches for extraction.</summary>
public sealed record ExtractOptions
{
    /// <summary>Largest input accepted, in bytes. Default 10 MB: larger than any real article page in WCXB.</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deepest DOM nesting walked; deeper pages are rejected as <c>Unparseable</c>.</summary>
    public int MaxDomDepth { get; init; } = 512;

    /// <summary>Most DOM elements in one page.</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>Per-document time budget.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Keep pages that are not articles (listings, forums) instead of rejecting them.</summary>
    public bool KeepAll { get; init; }
}
