namespace Parallax.Ingest;

/// <summary>Hard limits for reading files and JSONL records.</summary>
public sealed record FileSourceOptions
{
    /// <summary>
    /// 10 MB: larger than any real article page in WCXB (the extractor uses the same cap), small enough that a
    /// stray video or database file is refused before it is read.
    /// </summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Largest document accepted, in bytes: a file's size, a gzipped page's decompressed size, one JSONL line's
    /// length. Larger inputs are rejected as <c>TooLarge</c> without being read whole.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Files never read when met while walking a folder, e.g. the database being written to.</summary>
    public IReadOnlyCollection<string> ExcludedPaths { get; init; } = [];
}
