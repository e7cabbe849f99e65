using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// The HTTP response inside a WARC <c>response</c> or <c>revisit</c> block: status line, headers, and the body as
/// archived (still transfer- and content-encoded; <see cref="DecodeBody"/> undoes both).
/// </summary>
internal sealed class WarcHttpResponse
{
    private WarcHttpResponse(int status, List<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        Status = status;
        Headers = headers;
        RawBody = body;
    }

    internal int Status { get; }

    internal IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The bytes after the header, exactly as archived.</summary>
    internal ReadOnlyMemory<byte> RawBody { get; }

    internal string? this[string name]
    {
        get
        {
            foreach (var (key, value) in Headers)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
        }
    }

    /// <summary>The media type of <c>Content-Type</c>, lower case, without parameters; null when absent.</summary>
    internal string? MediaType => WarcRules.MediaType(this["Content-Type"]);

    internal string? Charset => WarcRules.Charset(this["Content-Type"]);

    /// <summary>Parses the status line and headers; null with a reason when the block is not an HTTP response.</summary>
    internal static WarcHttpResponse? Parse(ReadOnlyMemory<byte> block, out string error)
    {
        error = "";
        var bytes = block.Span;
        var (headEnd, bodyStart) = FindHeadEnd(bytes);
        if (headEnd < 0)
        {
            error = "HTTP response headers do not end";
            return null;
        }

        // Header bytes are Latin-1 by RFC 9110: every byte maps to one char, nothing can fail.
        var head = Encoding.Latin1.GetString(bytes[..headEnd]);
        var lines = head.Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        if (!TryParseStatus(statusLine, out var status))
        {
            error = $"not an HTTP status line: '{(statusLine.Length <= 60 ? statusLine : statusLine[..60] + "…")}'";
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var raw in lines.AsSpan(1))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                headers[^1] = new(headers[^1].Key, headers[^1].Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                // A malformed header line is dropped, as browsers do; it does not spoil the page.
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new WarcHttpResponse(status, headers, block[bodyStart..]);
    }

    /// <summary>
    /// The entity body with chunked transfer coding and gzip/deflate/br content codings removed, never larger than
    /// <paramref name="maxBytes"/>. On failure <paramref name="reason"/> is a <see cref="RejectReasons"/> value.
    /// </summary>
    internal ReadOnlyMemory<byte> DecodeBody(long maxBytes, out string? reason, out string? detail)
    {
        reason = null;
        detail = null;
        var body = RawBody;
        if (this["Transfer-Encoding"] is { } transfer && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            && Dechunk(body.Span) is { } dechunked)
        {
            body = dechunked;
        }

        if (this["Content-Encoding"] is not { } encodings)
        {
            return body;
        }

        // Codings are listed in the order applied: undo them last first.
        var codings = encodings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = codings[i].ToLowerInvariant();
            if (coding is "identity" or "none" || body.IsEmpty)
            {
                continue;
            }

            var span = body.Span;
            Stream? decoder;
            var input = OpenRead(body);
            switch (coding)
            {
                case "gzip" or "x-gzip":
                    // Some archivers store the decoded body but keep the header: bytes that are not gzip pass as they are.
                    if (span.Length < 2 || span[0] != WarcGzip.Id1 || span[1] != WarcGzip.Id2)
                    {
                        continue;
                    }

                    decoder = new GZipStream(input, CompressionMode.Decompress);
                    break;
                case "deflate":
                    // "deflate" means zlib-wrapped by the standard, raw deflate by some servers: the header tells.
                    decoder = LooksLikeZlib(span) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress);
                    break;
                case "br":
                    decoder = new BrotliStream(input, CompressionMode.Decompress);
                    break;
                default:
                    reason = RejectReasons.UnsupportedFormat;
                    detail = $"unsupported Content-Encoding '{codings[i]}'";
                    return default;
            }

            using (decoder)
            {
                body = Inflate(decoder, coding, maxBytes, out reason, out detail);
            }

            if (reason is not null)
            {
                return default;
            }
        }

        return body;
    }

    private static ReadOnlyMemory<byte> Inflate(Stream decoder, string coding, long maxBytes, out string? reason, out string? detail)
    {
        reason = null;
        detail = null;
        using var output = new MemoryStream();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = decoder.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    reason = RejectReasons.TooLarge;
                    detail = $"{coding} body decodes to more than the {maxBytes}-byte limit";
                    return default;
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            reason = RejectReasons.Unparseable;
            detail = $"corrupt {coding} content encoding: {ex.Message}";
            return default;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    /// <summary>
    /// Removes chunked transfer coding; null when the body does not start like chunked data, which happens when an
    /// archiver stored the de-chunked body and kept the header. A cut-off last chunk keeps what arrived.
    /// </summary>
    internal static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length];
        var written = 0;
        var position = 0;
        var first = true;
        while (position < body.Length)
        {
            var lineEnd = body[position..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                break;
            }

            var sizeLine = body.Slice(position, lineEnd);
            var extension = sizeLine.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeLine = sizeLine[..extension];
            }

            sizeLine = sizeLine.Trim(" \t\r"u8);
            if (sizeLine.IsEmpty || sizeLine.Length > 15
                || !long.TryParse(sizeLine, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
            {
                if (first)
                {
                    return null;
                }

                break;
            }

            first = false;
            position += lineEnd + 1;
            if (size == 0)
            {
                break;
            }

            var take = (int)Math.Min(size, body.Length - position);
            body.Slice(position, take).CopyTo(output.AsSpan(written));
            written += take;
            position += take;

            // The CR LF closing the chunk data.
            if (position < body.Length && body[position] == (byte)'\r')
            {
                position++;
            }

            if (position < body.Length && body[position] == (byte)'\n')
            {
                position++;
            }
        }

        return first ? null : output.AsSpan(0, written).ToArray();
    }

    private static MemoryStream OpenRead(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static bool LooksLikeZlib(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && (bytes[0] & 0x0F) == 8 && ((bytes[0] << 8) | bytes[1]) % 31 == 0;

    /// <summary>The end of the header and the start of the body: after CR LF CR LF, or LF LF from sloppy servers.</summary>
    private static (int HeadEnd, int BodyStart) FindHeadEnd(ReadOnlySpan<byte> bytes)
    {
        var crlf = bytes.IndexOf("\r\n\r\n"u8);
        var lf = bytes.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            return (crlf, crlf + 4);
        }

        if (lf >= 0)
        {
            return (lf, lf + 2);
        }

        // Headers only, no blank line (a body-less revisit cut short): the whole block is the head.
        return bytes.Length > 0 && bytes.StartsWith("HTTP/"u8) ? (bytes.Length, bytes.Length) : (-1, -1);
    }

    /// <summary><c>HTTP/1.1 200 OK</c>, <c>HTTP/2 200</c>: the three-digit code after the version.</summary>
    private static bool TryParseStatus(string line, out int status)
    {
        status = 0;
        if (!line.StartsWith("HTTP/", StringComparison.Ordinal))
        {
            return false;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var rest = line.AsSpan(space + 1).TrimStart(' ');
        return rest.Length >= 3 && (rest.Length == 3 || rest[3] == ' ')
            && int.TryParse(rest[..3], NumberStyles.None, CultureInfo.InvariantCulture, out status)
            && status is >= 100 and <= 999;
    }
}
