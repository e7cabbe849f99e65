using System.IO.Compression;
using System.Text;
using Parallax.Ingest;
using Parallax.Model;
using static Parallax.Tests.Ingest.WarcTestArchives;

namespace Parallax.Tests.Ingest;

public sealed class WarcSourceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Save(byte[] archive, string name = "crawl.warc.gz")
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, archive);
        return path;
    }

    private static async Task<List<SourceItem>> ReadAsync(string path, FileSourceOptions? options = null, WarcSkipCounts? skipped = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in new WarcSource(path, options ?? new FileSourceOptions(), skipped).ReadAsync())
        {
            items.Add(item);
        }

        return items;
    }

    private static string Text(SourceItem item) => Encoding.UTF8.GetString(item.Document!.Content.Span);

    [Fact]
    public async Task Writer_archive_reads_back_one_document_per_response_with_url_type_charset_and_member_offset()
    {
        var (archive, offsets) = await WrittenWithOffsetsAsync(5);
        var path = Save(archive);
        var skipped = new WarcSkipCounts();

        var items = await ReadAsync(path, skipped: skipped);

        Assert.Equal(5, items.Count);
        for (var i = 0; i < 5; i++)
        {
            var document = items[i].Document!;
            Assert.Equal($"{path}#{offsets[i]}", document.Source);
            Assert.Equal($"https://news.example/story/{i}", document.Url);
            Assert.Equal("text/html", document.ContentType);
            Assert.Equal("utf-8", document.DeclaredCharset);
            Assert.Equal(Page(i), Text(items[i]));
        }

        Assert.Equal(1, skipped.OtherRecordTypes);
    }

    [Fact]
    public async Task Offsets_of_a_gzipped_archive_point_at_a_member_that_decompresses_alone_to_a_record()
    {
        var path = Save(await WrittenAsync(3));
        var bytes = await File.ReadAllBytesAsync(path);

        foreach (var item in await ReadAsync(path))
        {
            var offset = int.Parse(item.Document!.Source[(item.Document.Source.LastIndexOf('#') + 1)..]);
            using var gzip = new GZipStream(new MemoryStream(bytes, offset, bytes.Length - offset), CompressionMode.Decompress);
            var head = new byte[9];
            gzip.ReadExactly(head);
            Assert.Equal("WARC/1.1\r", Encoding.ASCII.GetString(head));
        }
    }

    [Fact]
    public async Task Uncompressed_archive_reads_back_with_record_start_offsets()
    {
        var (archive, offsets) = await WrittenWithOffsetsAsync(4, compress: false);
        var path = Save(archive, "crawl.warc");

        var items = await ReadAsync(path);

        Assert.Equal(offsets.Select(o => $"{path}#{o}"), items.Select(i => i.Document!.Source));
        Assert.All(offsets, o => Assert.Equal("WARC/1.1", Encoding.ASCII.GetString(archive, (int)o, 8)));
        Assert.Equal(Page(3), Text(items[3]));
    }

    [Fact]
    public async Task Warc_1_0_resource_record_is_a_document_typed_by_its_own_content_type()
    {
        var record = Record("resource", "file:///pages/a.html", "text/html; charset=iso-8859-1", Encoding.Latin1.GetBytes("<p>café</p>"));
        var path = Save(record, "one.warc");

        var item = Assert.Single(await ReadAsync(path));

        Assert.Equal("text/html", item.Document!.ContentType);
        Assert.Equal("iso-8859-1", item.Document.DeclaredCharset);
        Assert.Equal("file:///pages/a.html", item.Document.Url);
    }

    [Fact]
    public async Task File_truncated_inside_the_last_member_keeps_the_earlier_records_and_rejects_the_cut_one()
    {
        var (archive, offsets) = await WrittenWithOffsetsAsync(4);
        var cut = archive[..(int)((offsets[3] + archive.Length) / 2)];
        var path = Save(cut);

        var items = await ReadAsync(path);

        Assert.Equal(3, items.Count(i => i.Document is not null));
        var rejection = Assert.Single(items, i => i.Rejection is not null).Rejection!;
        Assert.Equal(RejectReasons.Unparseable, rejection.Reason);
        Assert.Equal($"{path}#{offsets[3]}", rejection.Source);
        Assert.Contains("truncated", rejection.Detail!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Flipped_bytes_in_one_member_reject_that_record_only_and_reading_goes_on()
    {
        var (archive, offsets) = await WrittenWithOffsetsAsync(5);
        var middle = (int)((offsets[2] + offsets[3]) / 2);
        for (var i = middle; i < middle + 6; i++)
        {
            archive[i] ^= 0x5A;
        }

        var path = Save(archive);

        var items = await ReadAsync(path);

        Assert.Equal(["0", "1", "3", "4"], items.Where(i => i.Document is not null).Select(i => i.Document!.Url![^1..]));
        var rejection = Assert.Single(items, i => i.Rejection is not null).Rejection!;
        Assert.Equal($"{path}#{offsets[2]}", rejection.Source);
        Assert.Equal(RejectReasons.Unparseable, rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
    }

    [Fact]
    public async Task One_changed_literal_that_still_inflates_is_caught_by_the_member_checksum()
    {
        // Stored (uncompressed) deflate blocks let a byte change inflate cleanly: only the CRC can tell.
        var record = Response("https://a.example/", 200, "Content-Type: text/html\r\n", Encoding.UTF8.GetBytes("<p>original text</p>"));
        var member = StoredGzip(record);
        var at = Encoding.ASCII.GetString(member).IndexOf("original", StringComparison.Ordinal);
        member[at] = (byte)'O';
        var path = Save([.. member, .. Gzip(Response("https://b.example/", 200, "Content-Type: text/html\r\n", "<p>fine</p>"u8.ToArray()))]);

        var items = await ReadAsync(path);

        Assert.Equal(RejectReasons.Unparseable, items[0].Rejection!.Reason);
        Assert.Contains("checksum", items[0].Rejection!.Detail!);
        Assert.Equal("https://b.example/", Assert.Single(items, i => i.Document is not null).Document!.Url);
    }

    [Fact]
    public async Task Garbage_between_members_is_one_rejection_and_every_record_is_still_read()
    {
        var (archive, offsets) = await WrittenWithOffsetsAsync(3);
        var garbage = Encoding.ASCII.GetBytes("this is not gzip at all, just noise in the file");
        var spliced = archive[..(int)offsets[2]].Concat(garbage).Concat(archive[(int)offsets[2]..]).ToArray();
        var path = Save(spliced);

        var items = await ReadAsync(path);

        Assert.Equal(3, items.Count(i => i.Document is not null));
        var rejection = Assert.Single(items, i => i.Rejection is not null).Rejection!;
        Assert.Equal($"{path}#{offsets[2]}", rejection.Source);
        Assert.Contains($"{garbage.Length} bytes", rejection.Detail!);
        Assert.EndsWith($"#{offsets[2] + garbage.Length}", items[^1].Document!.Source);
    }

    [Fact]
    public async Task Uncompressed_archive_resynchronises_on_the_next_WARC_line_after_a_bad_header()
    {
        var good1 = Response("https://a.example/1", 200, "Content-Type: text/html\r\n", "<p>one</p>"u8.ToArray());
        var bad = "WARC/1.0\r\nthis line has no colon\r\n\r\n"u8.ToArray();
        var good2 = Response("https://a.example/2", 200, "Content-Type: text/html\r\n", "<p>two</p>"u8.ToArray());
        var path = Save([.. good1, .. bad, .. good2], "crawl.warc");

        var items = await ReadAsync(path);

        Assert.Equal(3, items.Count);
        Assert.Equal("https://a.example/1", items[0].Document!.Url);
        Assert.Equal($"{path}#{good1.Length}", items[1].Rejection!.Source);
        Assert.Contains("bad record header", items[1].Rejection!.Detail!);
        Assert.Equal($"{path}#{good1.Length + bad.Length}", items[2].Document!.Source);
    }

    [Fact]
    public async Task Uncompressed_record_cut_short_is_rejected_as_truncated()
    {
        var good = Response("https://a.example/1", 200, "Content-Type: text/html\r\n", "<p>one</p>"u8.ToArray());
        var cut = Response("https://a.example/2", 200, "Content-Type: text/html\r\n", Encoding.UTF8.GetBytes(new string('x', 500)));
        var path = Save([.. good, .. cut[..300]], "crawl.warc");

        var items = await ReadAsync(path);

        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].Document);
        Assert.Contains("truncated", items[1].Rejection!.Detail!);
    }

    [Fact]
    public async Task Chunked_and_gzip_encoded_body_is_decoded()
    {
        var html = Encoding.UTF8.GetBytes("<html><body><p>Chunked and gzipped story.</p></body></html>");
        var gz = Gzip(html);
        var chunked = Encoding.ASCII.GetBytes($"{10:x}\r\n").Concat(gz[..10]).Concat("\r\n"u8.ToArray())
            .Concat(Encoding.ASCII.GetBytes($"{gz.Length - 10:x};ext=1\r\n")).Concat(gz[10..]).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        var record = Response("https://a.example/", 200, "Content-Type: text/html; charset=\"UTF-8\"\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked);
        var path = Save(Members(record).Archive);

        var item = Assert.Single(await ReadAsync(path));

        Assert.Equal(html, item.Document!.Content.ToArray());
        Assert.Equal("UTF-8", item.Document.DeclaredCharset);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    public async Task Brotli_and_deflate_encoded_bodies_are_decoded(string coding)
    {
        var html = Encoding.UTF8.GetBytes("<p>Encoded story body.</p>");
        var body = coding switch
        {
            "br" => Brotli(html),
            "deflate" => Zlib(html),
            _ => RawDeflate(html),
        };
        var header = coding == "br" ? "br" : "deflate";
        var record = Response("https://a.example/", 200, $"Content-Type: text/html\r\nContent-Encoding: {header}\r\n", body);
        var path = Save(Members(record).Archive);

        var item = Assert.Single(await ReadAsync(path));

        Assert.Equal(html, item.Document!.Content.ToArray());
    }

    [Fact]
    public async Task Unknown_content_encoding_and_corrupt_gzip_body_are_rejected_with_reasons()
    {
        var zstd = Response("https://a.example/1", 200, "Content-Type: text/html\r\nContent-Encoding: zstd\r\n", [1, 2, 3]);
        var broken = Response("https://a.example/2", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);
        var path = Save(Members(zstd, broken).Archive);

        var items = await ReadAsync(path);

        Assert.Equal(RejectReasons.UnsupportedFormat, items[0].Rejection!.Reason);
        Assert.Equal(RejectReasons.Unparseable, items[1].Rejection!.Reason);
    }

    [Fact]
    public async Task Records_without_a_page_are_counted_not_rejected()
    {
        var archive = Members(
            Record("warcinfo", null, "application/warc-fields", "software: test\r\n"u8.ToArray()),
            Record("request", "https://a.example/", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"u8.ToArray()),
            Record("metadata", "https://a.example/", "application/warc-fields", "via: x\r\n"u8.ToArray()),
            Record("response", "dns:a.example", "text/dns", "20240506 a.example. 300 IN A 10.0.0.1\n"u8.ToArray()),
            Response("https://a.example/moved", 301, "Location: /\r\n", []),
            Response("https://a.example/missing", 404, "Content-Type: text/html\r\n", "<p>gone</p>"u8.ToArray()),
            Response("https://a.example/logo.png", 200, "Content-Type: image/png\r\n", [0x89, 0x50, 0x4E, 0x47]),
            Response("https://a.example/app.js", 200, "Content-Type: application/javascript\r\n", "var x;"u8.ToArray()),
            Response("https://a.example/page", 200, "Content-Type: text/html\r\n", "<p>the one page</p>"u8.ToArray())).Archive;
        var skipped = new WarcSkipCounts();

        var items = await ReadAsync(Save(archive), skipped: skipped);

        Assert.Equal("https://a.example/page", Assert.Single(items).Document!.Url);
        Assert.Equal(4, skipped.OtherRecordTypes);
        Assert.Equal(2, skipped.NotOk);
        Assert.Equal(2, skipped.NotHtml);
        Assert.Equal(0, skipped.RevisitWithoutPayload);
    }

    [Fact]
    public async Task Revisit_without_payload_is_skipped_and_counted_while_one_with_a_payload_is_read()
    {
        const string profile = "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\nWARC-Refers-To: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n";
        var headersOnly = Record("revisit", "https://a.example/same", "application/http; msgtype=response", HttpResponse(200, "Content-Type: text/html\r\n", []), extraFields: profile);
        var notModified = Record("revisit", "https://a.example/304", "application/http; msgtype=response", HttpResponse(304, "", []), extraFields: profile);
        var noBlock = Record("revisit", "https://a.example/empty", "message/http", [], extraFields: profile);
        var withPayload = Record("revisit", "https://a.example/full", "application/http; msgtype=response", HttpResponse(200, "Content-Type: text/html\r\n", "<p>full copy</p>"u8.ToArray()), version: "1.1");
        var skipped = new WarcSkipCounts();

        var items = await ReadAsync(Save(Members(headersOnly, notModified, noBlock, withPayload).Archive), skipped: skipped);

        Assert.Equal("https://a.example/full", Assert.Single(items).Document!.Url);
        Assert.Equal(3, skipped.RevisitWithoutPayload);
    }

    [Fact]
    public async Task Block_over_the_size_cap_is_rejected_as_too_large_and_the_next_record_is_read()
    {
        var big = Response("https://a.example/big", 200, "Content-Type: text/html\r\n", Encoding.UTF8.GetBytes("<p>" + new string('x', 5000) + "</p>"));
        var small = Response("https://a.example/small", 200, "Content-Type: text/html\r\n", "<p>small</p>"u8.ToArray());
        var options = new FileSourceOptions { MaxBytes = 1000 };

        foreach (var (archive, name) in new[] { (Members(big, small).Archive, "a.warc.gz"), ([.. big, .. small], "a.warc") })
        {
            var items = await ReadAsync(Save(archive, name), options);

            Assert.Equal(RejectReasons.TooLarge, items[0].Rejection!.Reason);
            Assert.Contains("1000-byte limit", items[0].Rejection!.Detail!);
            Assert.Equal("https://a.example/small", items[1].Document!.Url);
        }
    }

    [Fact]
    public async Task Gzip_body_that_inflates_past_the_cap_is_rejected_as_too_large()
    {
        var bomb = Gzip(new byte[200_000]);
        var record = Response("https://a.example/bomb", 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", bomb);

        var item = Assert.Single(await ReadAsync(Save(Members(record).Archive), new FileSourceOptions { MaxBytes = 50_000 }));

        Assert.Equal(RejectReasons.TooLarge, item.Rejection!.Reason);
    }

    [Fact]
    public async Task Whole_file_gzipped_as_one_member_is_read_record_by_record()
    {
        var records = Enumerable.Range(0, 3).Select(i => Response($"https://a.example/{i}", 200, "Content-Type: text/html\r\n", Encoding.UTF8.GetBytes(Page(i)))).ToArray();
        var path = Save(Gzip([.. records.SelectMany(r => r)]));

        var items = await ReadAsync(path);

        Assert.Equal(["https://a.example/0", "https://a.example/1", "https://a.example/2"], items.Select(i => i.Document!.Url));
        Assert.All(items, i => Assert.EndsWith("#0", i.Document!.Source));
    }

    [Fact]
    public async Task Missing_content_type_is_read_when_the_body_starts_like_markup()
    {
        var page = Response("https://a.example/page", 200, "Server: x\r\n", "  <!doctype html><p>hi</p>"u8.ToArray());
        var blob = Response("https://a.example/blob", 200, "Server: x\r\n", [0, 1, 2, 3]);
        var skipped = new WarcSkipCounts();

        var items = await ReadAsync(Save(Members(page, blob).Archive), skipped: skipped);

        Assert.Equal("text/html", Assert.Single(items).Document!.ContentType);
        Assert.Equal(1, skipped.NotHtml);
    }

    [Fact]
    public async Task Block_that_is_not_an_http_response_is_rejected_as_unparseable()
    {
        var record = Record("response", "https://a.example/", "application/http; msgtype=response", "garbage without a status line"u8.ToArray());

        var item = Assert.Single(await ReadAsync(Save(Members(record).Archive)));

        Assert.Equal(RejectReasons.Unparseable, item.Rejection!.Reason);
    }

    [Fact]
    public async Task File_source_reads_warc_and_warc_gz_files_in_a_folder()
    {
        Save(await WrittenAsync(2), "a.warc.gz");
        Save(await WrittenAsync(3, compress: false), "b.warc");
        var source = new FileSource([_dir.Path], new FileSourceOptions());

        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync())
        {
            items.Add(item);
        }

        Assert.Equal(5, items.Count(i => i.Document is not null));
        Assert.Equal(2, items.Count(i => i.Document!.Source.Contains("a.warc.gz#", StringComparison.Ordinal)));
        Assert.Equal(2, source.WarcSkipped.OtherRecordTypes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Archive_much_larger_than_the_read_window_reads_every_record(bool compress)
    {
        // Hex noise barely compresses: 300 records of 6 KB make a file several times the reader's 256 KB window.
        var random = new Random(7);
        var bodies = Enumerable.Range(0, 300).Select(i => $"<p>{i}</p><p>{Convert.ToHexString(RandomBytes(random, 3000))}</p>").ToArray();
        using var output = new MemoryStream();
        await using (var writer = WarcWriter.Create(output, new WarcWriterOptions { Compress = compress }, leaveOpen: true))
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                await writer.WriteResponseAsync(new Uri($"https://a.example/{i}"), 200, HtmlHeaders(), Encoding.UTF8.GetBytes(bodies[i]), Date);
            }
        }

        Assert.True(output.Length > 1_000_000);
        var items = await ReadAsync(Save(output.ToArray(), compress ? "big.warc.gz" : "big.warc"));

        Assert.Equal(bodies, items.Select(Text));
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Empty_warc_file_yields_nothing()
    {
        Assert.Empty(await ReadAsync(Save([], "empty.warc.gz")));
    }

    private static byte[] RawDeflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A gzip member with one stored (uncompressed) deflate block, written by hand.</summary>
    private static byte[] StoredGzip(byte[] data)
    {
        var crc = Crc32(data);
        var length = (ushort)data.Length;
        byte[] header = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255, 1, (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)];
        byte[] trailer = [(byte)crc, (byte)(crc >> 8), (byte)(crc >> 16), (byte)(crc >> 24), (byte)data.Length, (byte)(data.Length >> 8), 0, 0];
        return [.. header, .. data, .. trailer];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
