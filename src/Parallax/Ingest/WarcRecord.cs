using System.Globalization;

namespace Parallax.Ingest;

/// <summary>WARC record types (WARC 1.1 §6) that matter to reading; every other type is skipped.</summary>
internal static class WarcTypes
{
    internal const string Warcinfo = "warcinfo";
    internal const string Response = "response";
    internal const string Resource = "resource";
    internal const string Request = "request";
    internal const string Metadata = "metadata";
    internal const string Revisit = "revisit";
}

/// <summary>A record's named fields, in order; names compare case-insensitively as the standard says.</summary>
internal sealed class WarcHeader
{
    private readonly List<KeyValuePair<string, string>> _fields;

    internal WarcHeader(string version, List<KeyValuePair<string, string>> fields)
    {
        Version = version;
        _fields = fields;
    }

    /// <summary>The version line without its prefix: <c>1.0</c>, <c>1.1</c>.</summary>
    internal string Version { get; }

    internal IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    internal string? this[string name]
    {
        get
        {
            foreach (var (key, value) in _fields)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
        }
    }

    internal string Type => this["WARC-Type"] ?? "";

    internal string? TargetUri => this["WARC-Target-URI"] is { } uri ? uri.Trim().Trim('<', '>') : null;

    internal string? ContentType => this["Content-Type"];

    /// <summary>The block length, or -1 when the field is missing or not a non-negative integer.</summary>
    internal long ContentLength =>
        long.TryParse(this["Content-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : -1;
}

/// <summary>
/// One record as read, or the reason it could not be: <see cref="Error"/> set means the bytes at
/// <see cref="Offset"/> were unreadable (the reader has already moved on to the next good record).
/// </summary>
/// <param name="Offset">For <c>.warc.gz</c> the offset of the gzip member, for <c>.warc</c> of the record.</param>
/// <param name="Block">The record block; null when it exceeded the size cap and was skipped unread.</param>
/// <param name="BlockLength">The declared block length, kept when the block was not.</param>
internal sealed record WarcRecord(long Offset, WarcHeader? Header, byte[]? Block, long BlockLength, string? Error)
{
    internal static WarcRecord Failed(long offset, string error) => new(offset, null, null, 0, error);
}
