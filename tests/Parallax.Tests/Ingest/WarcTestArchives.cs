using System.IO.Compression;
using System.Text;
using Parallax.Ingest;

namespace Parallax.Tests.Ingest;

/// <summary>Builds WARC archives for the tests: with our writer, or record by record by hand for damaged ones.</summary>
internal static class WarcTestArchives
{
    public static readonly DateTimeOffset Date = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static string Page(int n) =>
        $"<html><head><title>Story {n}</title></head><body><article><p>Paragraph of story number {n}, with enough words to read.</p></article></body></html>";

    public static KeyValuePair<string, string>[] HtmlHeaders(string charset = "utf-8") =>
        [new("Content-Type", $"text/html; charset={charset}"), new("Server", "test")];

    /// <summary>An archive of <paramref name="count"/> HTML responses written by <see cref="WarcWriter"/>.</summary>
    public static async Task<byte[]> WrittenAsync(int count, bool compress = true) => (await WrittenWithOffsetsAsync(count, compress)).Archive;

    /// <summary>As <see cref="WrittenAsync"/>, with the offset of each response record (its gzip member when compressed).</summary>
    public static async Task<(byte[] Archive, long[] Offsets)> WrittenWithOffsetsAsync(int count, bool compress = true)
    {
        using var output = new MemoryStream();
        var seed = 0;
        var offsets = new long[count];
        await using (var writer = WarcWriter.Create(output, new WarcWriterOptions { Compress = compress, NewId = () => new Guid(++seed, 0, 0, new byte[8]) }, leaveOpen: true))
        {
            await writer.WriteWarcinfoAsync();
            for (var i = 0; i < count; i++)
            {
                offsets[i] = output.Position;
                await writer.WriteResponseAsync(new Uri($"https://news.example/story/{i}"), 200, HtmlHeaders(), Encoding.UTF8.GetBytes(Page(i)), Date);
            }
        }

        return (output.ToArray(), offsets);
    }

    /// <summary>One raw record: version line, fields, CRLF, block, CRLF CRLF.</summary>
    public static byte[] Record(string type, string? uri, string contentType, byte[] block, string version = "1.0", string? extraFields = null)
    {
        var header = new StringBuilder();
        header.Append($"WARC/{version}\r\nWARC-Type: {type}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nWARC-Date: 2024-05-06T07:08:09Z\r\n");
        if (uri is not null)
        {
            header.Append($"WARC-Target-URI: {uri}\r\n");
        }

        header.Append(extraFields);
        header.Append($"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8.ToArray()];
    }

    public static byte[] HttpResponse(int status, string headers, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\n{headers}\r\n"), .. body];

    public static byte[] Response(string uri, int status, string headers, byte[] body, string version = "1.0") =>
        Record("response", uri, "application/http; msgtype=response", HttpResponse(status, headers, body), version);

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Records gzipped one member each, with the offset of every member.</summary>
    public static (byte[] Archive, long[] Offsets) Members(params byte[][] records)
    {
        var all = new List<byte>();
        var offsets = new long[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            offsets[i] = all.Count;
            all.AddRange(Gzip(records[i]));
        }

        return ([.. all], offsets);
    }
}
