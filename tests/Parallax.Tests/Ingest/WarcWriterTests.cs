using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Parallax.Ingest;

namespace Parallax.Tests.Ingest;

public sealed class WarcWriterTests
{
    private static async Task<string> WriteOneAsync(IEnumerable<KeyValuePair<string, string>> headers, byte[] body, bool compress = false)
    {
        using var output = new MemoryStream();
        await using (var writer = WarcWriter.Create(output, new WarcWriterOptions { Compress = compress }, leaveOpen: true))
        {
            await writer.WriteResponseAsync(new Uri("https://news.example/a?b=1"), 200, headers, body, WarcTestArchives.Date);
        }

        var bytes = output.ToArray();
        if (compress)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return Encoding.Latin1.GetString(bytes);
    }

    [Fact]
    public void Base32_matches_the_rfc_4648_test_vectors()
    {
        Assert.Equal("", WarcWriter.Base32(""u8));
        Assert.Equal("MY======", WarcWriter.Base32("f"u8));
        Assert.Equal("MZXW6===", WarcWriter.Base32("foo"u8));
        Assert.Equal("MZXW6YTBOI======", WarcWriter.Base32("foobar"u8));
    }

    [Fact]
    public async Task Warcinfo_comes_first_then_a_response_with_ids_dates_type_and_digests()
    {
        var body = "<p>body</p>"u8.ToArray();

        var text = await WriteOneAsync([new("Content-Type", "text/html")], body);

        var records = text.Split("WARC/1.1\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, records.Length);
        Assert.StartsWith("WARC-Type: warcinfo\r\n", records[0]);
        Assert.StartsWith("WARC-Type: response\r\n", records[1]);
        Assert.Matches(@"WARC-Record-ID: <urn:uuid:[0-9a-f-]{36}>\r\n", records[1]);
        Assert.Contains("WARC-Date: 2024-05-06T07:08:09Z\r\n", records[1]);
        Assert.Contains("WARC-Target-URI: https://news.example/a?b=1\r\n", records[1]);
        Assert.Contains("Content-Type: application/http;msgtype=response\r\n", records[1]);
#pragma warning disable CA5350
        Assert.Contains($"WARC-Payload-Digest: sha1:{WarcWriter.Base32(SHA1.HashData(body))}\r\n", records[1]);
#pragma warning restore CA5350
        var block = records[1][(records[1].IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..^4];
        Assert.StartsWith("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", block);
        Assert.Contains($"Content-Length: {block.Length}\r\n", records[1]);
        Assert.Contains($"WARC-Block-Digest: {WarcWriter.Sha1Base32(Encoding.Latin1.GetBytes(block))}\r\n", records[1]);
        Assert.EndsWith("\r\n\r\n", text);
    }

    [Fact]
    public async Task Transfer_encoding_is_dropped_and_line_breaks_in_values_cannot_forge_headers()
    {
        var text = await WriteOneAsync([new("Transfer-Encoding", "chunked"), new("X-Evil", "a\r\nSet-Cookie: x")], "<p>x</p>"u8.ToArray());

        Assert.DoesNotContain("Transfer-Encoding", text);
        Assert.Contains("X-Evil: a  Set-Cookie: x\r\n", text);
    }

    [Fact]
    public async Task Each_compressed_record_is_its_own_gzip_member()
    {
        using var output = new MemoryStream();
        await using (var writer = WarcWriter.Create(output, leaveOpen: true))
        {
            await writer.WriteWarcinfoAsync();
            var afterInfo = output.Length;
            await writer.WriteResponseAsync(new Uri("https://a.example/"), 200, [], "<p>x</p>"u8.ToArray(), WarcTestArchives.Date);

            var member = output.ToArray()[(int)afterInfo..];
            using var gzip = new GZipStream(new MemoryStream(member), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            Assert.StartsWith("WARC/1.1\r\nWARC-Type: response\r\n", await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task Request_records_point_at_their_response()
    {
        using var output = new MemoryStream();
        await using (var writer = WarcWriter.Create(output, new WarcWriterOptions { Compress = false }, leaveOpen: true))
        {
            var response = await writer.WriteResponseAsync(new Uri("https://a.example/p"), 200, [], "<p>x</p>"u8.ToArray(), WarcTestArchives.Date);
            await writer.WriteRequestAsync(new Uri("https://a.example/p"), "GET", [new("User-Agent", "parallax")], WarcTestArchives.Date, response);

            var text = Encoding.Latin1.GetString(output.ToArray());
            Assert.Contains($"WARC-Concurrent-To: {response}\r\n", text);
            Assert.Contains("GET /p HTTP/1.1\r\nHost: a.example\r\nUser-Agent: parallax\r\n\r\n", text);
        }
    }
}
