using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Parallax.Ingest;

/// <summary>How a <see cref="WarcWriter"/> writes.</summary>
public sealed record WarcWriterOptions
{
    /// <summary>One gzip member per record (a <c>.warc.gz</c>, the default), or plain records (a <c>.warc</c>).</summary>
    public bool Compress { get; init; } = true;

    /// <summary>Written in the <c>warcinfo</c> record's <c>software</c> field.</summary>
    public string Software { get; init; } = $"Parallax/{Pipeline.EngineInfo.Version}";

    /// <summary>Clock for the <c>warcinfo</c> record's date; response dates are given by the caller.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Record id source; tests inject a deterministic one.</summary>
    public Func<Guid> NewId { get; init; } = Guid.NewGuid;
}

/// <summary>
/// Writes WARC 1.1: a <c>warcinfo</c> record first, then <c>response</c> (and optionally <c>request</c>) records,
/// each with a <c>urn:uuid</c> id, SHA-1 block and payload digests in base32, and, by default, each in its own gzip
/// member so readers can seek to any record. Not thread-safe: one writer per output stream.
/// </summary>
public sealed class WarcWriter : IAsyncDisposable, IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly WarcWriterOptions _options;
    private string? _warcinfoId;

    private WarcWriter(Stream output, bool leaveOpen, WarcWriterOptions options)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _options = options;
    }

    /// <summary>A writer appending to <paramref name="output"/>; the warcinfo record is written before the first record.</summary>
    public static WarcWriter Create(Stream output, WarcWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new WarcWriter(output, leaveOpen, options ?? new WarcWriterOptions());
    }

    /// <summary>
    /// Archives one HTTP response. <paramref name="headers"/> are written as given except <c>Transfer-Encoding</c>,
    /// dropped because <paramref name="body"/> is the de-chunked payload. Returns the record id.
    /// </summary>
    public async Task<string> WriteResponseAsync(
        Uri uri,
        int status,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        DateTimeOffset date,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 999);

        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        AppendHeaders(head, headers, dropTransferEncoding: true);
        head.Append("\r\n");
        var block = Concat(Encoding.Latin1.GetBytes(head.ToString()), body.Span);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("WARC-Target-URI", uri.AbsoluteUri),
            new("Content-Type", "application/http;msgtype=response"),
            new("WARC-Payload-Digest", Sha1Base32(body.Span)),
        };
        return await WriteRecordAsync("response", date, fields, block, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Archives the HTTP request that fetched <paramref name="uri"/>; returns the record id.</summary>
    public async Task<string> WriteRequestAsync(
        Uri uri,
        string method,
        IEnumerable<KeyValuePair<string, string>> headers,
        DateTimeOffset date,
        string? concurrentTo = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(headers);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{Clean(method)} {uri.PathAndQuery} HTTP/1.1\r\n");
        if (!headers.Any(h => string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(CultureInfo.InvariantCulture, $"Host: {uri.Authority}\r\n");
        }

        AppendHeaders(head, headers, dropTransferEncoding: false);
        head.Append("\r\n");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("WARC-Target-URI", uri.AbsoluteUri),
            new("Content-Type", "application/http;msgtype=request"),
        };
        if (concurrentTo is not null)
        {
            fields.Add(new("WARC-Concurrent-To", concurrentTo));
        }

        return await WriteRecordAsync("request", date, fields, Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the <c>warcinfo</c> record that opens the file, once; the first response or request writes it when this
    /// was not called. Returns its record id.
    /// </summary>
    public async Task<string> WriteWarcinfoAsync(CancellationToken cancellationToken = default)
    {
        if (_warcinfoId is null)
        {
            var id = NewRecordId();
            var info = Utf8.GetBytes($"software: {Clean(_options.Software)}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
            await WriteCoreAsync(id, "warcinfo", _options.Time.GetUtcNow(), [new("Content-Type", "application/warc-fields")], info, cancellationToken).ConfigureAwait(false);
            _warcinfoId = id;
        }

        return _warcinfoId;
    }

    private async Task<string> WriteRecordAsync(string type, DateTimeOffset date, List<KeyValuePair<string, string>> fields, byte[] block, CancellationToken cancellationToken)
    {
        var warcinfo = await WriteWarcinfoAsync(cancellationToken).ConfigureAwait(false);
        var id = NewRecordId();
        fields.Add(new("WARC-Warcinfo-ID", warcinfo));
        await WriteCoreAsync(id, type, date, fields, block, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private async Task WriteCoreAsync(string id, string type, DateTimeOffset date, List<KeyValuePair<string, string>> fields, byte[] block, CancellationToken cancellationToken)
    {
        var header = new StringBuilder();
        header.Append("WARC/1.1\r\n");
        header.Append(CultureInfo.InvariantCulture, $"WARC-Type: {type}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: {id}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"WARC-Date: {date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\r\n");
        foreach (var (name, value) in fields)
        {
            header.Append(CultureInfo.InvariantCulture, $"{name}: {Clean(value)}\r\n");
        }

        header.Append(CultureInfo.InvariantCulture, $"WARC-Block-Digest: {Sha1Base32(block)}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        var record = Concat(Utf8.GetBytes(header.ToString()), block, "\r\n\r\n"u8);
        if (!_options.Compress)
        {
            await _output.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Compressed apart, then written whole: each record is a complete gzip member on its own.
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(record);
        }

        await _output.WriteAsync(member.GetBuffer().AsMemory(0, (int)member.Length), cancellationToken).ConfigureAwait(false);
    }

    private string NewRecordId() => $"<urn:uuid:{_options.NewId():D}>";

    private static void AppendHeaders(StringBuilder head, IEnumerable<KeyValuePair<string, string>> headers, bool dropTransferEncoding)
    {
        foreach (var (name, value) in headers)
        {
            if (dropTransferEncoding && string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            head.Append(CultureInfo.InvariantCulture, $"{Clean(name)}: {Clean(value)}\r\n");
        }
    }

    /// <summary>A line break inside a value would forge a header line of its own.</summary>
    private static string Clean(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c = default)
    {
        var all = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(all);
        b.CopyTo(all.AsSpan(a.Length));
        c.CopyTo(all.AsSpan(a.Length + b.Length));
        return all;
    }

    /// <summary><c>sha1:</c> and the RFC 4648 base32 of the SHA-1, the form WARC tools write and check.</summary>
    internal static string Sha1Base32(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what the WARC digest fields name, an identity check, not security.
        SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
        return "sha1:" + Base32(hash);
    }

    internal static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder((bytes.Length + 4) / 5 * 8);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        while (text.Length % 8 != 0)
        {
            text.Append('=');
        }

        return text.ToString();
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };

    public ValueTask DisposeAsync() => _leaveOpen ? ValueTask.CompletedTask : _output.DisposeAsync();

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }
}
