namespace Parallax.Model;

/// <summary>
/// One input as a source produced it, before extraction. Either <see cref="Content"/> holds the raw bytes
/// (a file, an HTTP body, a WARC payload) or <see cref="CleanText"/> holds text that is already a clean
/// article body (a JSONL record's <c>text</c>), in which case extraction keeps it unchanged.
/// </summary>
public sealed record RawDocument
{
    /// <summary>Where it came from: path, <c>path#line</c>, URL, or <c>file.warc.gz#offset</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The record's own id when it has one, else the file name; null lets the engine derive one.</summary>
    public string? Id { get; init; }

    public string? Url { get; init; }

    /// <summary>Media type hint: <c>text/html</c>, <c>text/plain</c>; null when unknown.</summary>
    public string? ContentType { get; init; }

    /// <summary>Charset declared outside the content (HTTP header), if any.</summary>
    public string? DeclaredCharset { get; init; }

    public ReadOnlyMemory<byte> Content { get; init; }

    public string? CleanText { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Published { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Language { get; init; }
}
