using System.Text;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

public sealed class JsonlSourceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "parallax-jsonl-" + Guid.NewGuid().ToString("N"));

    public JsonlSourceTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(byte[] content, string name = "feed.jsonl")
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string content, string name = "feed.jsonl") => Write(Encoding.UTF8.GetBytes(content), name);

    private static async Task<List<SourceItem>> ReadAsync(string path, FileSourceOptions? options = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in new JsonlSource(path, options ?? new FileSourceOptions()).ReadAsync())
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task A_record_becomes_a_document_with_its_text_unchanged_and_its_metadata()
    {
        var path = Write("""
            {"id": "w1", "text": "Line one.\n\n\"Quoted\" \u00e9t\u00e9 \u201cdone\u201d.", "title": "Budget agreed", "outlet": "Wire", "published": "2024-05-01", "url": "https://wire.example/1", "authors": ["Jane Roe", " Desk "], "language": "en"}
            """);

        var document = Assert.Single(await ReadAsync(path)).Document!;

        Assert.Equal("Line one.\n\n\"Quoted\" été “done”.", document.CleanText);
        Assert.Equal("w1", document.Id);
        Assert.Equal(path + "#1", document.Source);
        Assert.Equal("Budget agreed", document.Title);
        Assert.Equal("Wire", document.Outlet);
        Assert.Equal("2024-05-01", document.Published);
        Assert.Equal("https://wire.example/1", document.Url);
        Assert.Equal(["Jane Roe", "Desk"], document.Authors);
        Assert.Equal("en", document.Language);
        Assert.True(document.Content.IsEmpty);
    }

    [Fact]
    public async Task Missing_metadata_is_null_and_the_id_falls_back_to_file_and_line()
    {
        var path = Write("\n{\"text\": \"Body.\", \"title\": \"\", \"outlet\": 7, \"authors\": \"Solo Writer\"}\n");

        var document = Assert.Single(await ReadAsync(path)).Document!;

        Assert.Equal("feed.jsonl#2", document.Id);
        Assert.Equal(path + "#2", document.Source);
        Assert.Null(document.Title);
        Assert.Null(document.Outlet);
        Assert.Null(document.Url);
        Assert.Equal(["Solo Writer"], document.Authors);
    }

    [Fact]
    public async Task A_numeric_id_is_kept_as_written()
    {
        var path = Write("{\"id\": 12345, \"text\": \"Body.\"}");

        Assert.Equal("12345", Assert.Single(await ReadAsync(path)).Document!.Id);
    }

    [Fact]
    public async Task A_malformed_line_is_rejected_and_the_lines_around_it_are_read()
    {
        var path = Write(
            "{\"id\": \"a\", \"text\": \"first\"}\n" +
            "{\"id\": \"broken\", \"text\": \"no closing\n" +
            "\n" +
            "   \n" +
            "{\"id\": \"b\", \"text\": \"second\"}\r\n" +
            "{\"id\": \"c\", \"text\": \"third, no final newline\"}");

        var items = await ReadAsync(path);

        Assert.Equal(4, items.Count);
        Assert.Equal("a", items[0].Document!.Id);
        Assert.Equal(RejectReasons.Unparseable, items[1].Rejection!.Reason);
        Assert.Equal(path + "#2", items[1].Rejection!.Source);
        Assert.False(string.IsNullOrWhiteSpace(items[1].Rejection!.Detail));
        Assert.Equal("b", items[2].Document!.Id);
        Assert.Equal(path + "#5", items[2].Document!.Source);
        Assert.Equal("second", items[2].Document!.CleanText);
        Assert.Equal("c", items[3].Document!.Id);
        Assert.Equal(path + "#6", items[3].Document!.Source);
    }

    [Theory]
    [InlineData("[1, 2, 3]", RejectReasons.Unparseable, "array")]
    [InlineData("\"just a string\"", RejectReasons.Unparseable, "string")]
    [InlineData("{\"id\": \"x\"}", RejectReasons.Unparseable, "text")]
    [InlineData("{\"text\": null}", RejectReasons.Unparseable, "text")]
    [InlineData("{\"text\": 42}", RejectReasons.Unparseable, "number")]
    [InlineData("{\"text\": [\"a\"]}", RejectReasons.Unparseable, "array")]
    [InlineData("{\"text\": \"\"}", RejectReasons.Empty, "empty")]
    [InlineData("{\"text\": \"  \\n \"}", RejectReasons.Empty, "empty")]
    [InlineData("{\"text\": \"ok\",}", RejectReasons.Unparseable, "")]
    [InlineData("{\"text\": \"ok\"} trailing", RejectReasons.Unparseable, "")]
    public async Task Records_that_are_not_articles_are_rejected_with_a_reason(string line, string reason, string detailMentions)
    {
        var path = Write("{\"text\": \"good\"}\n" + line + "\n{\"text\": \"also good\"}\n");

        var items = await ReadAsync(path);

        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0].Document);
        Assert.Equal(reason, items[1].Rejection!.Reason);
        Assert.Equal(path + "#2", items[1].Rejection!.Source);
        Assert.Contains(detailMentions, items[1].Rejection!.Detail, StringComparison.Ordinal);
        Assert.NotNull(items[2].Document);
    }

    [Fact]
    public async Task A_line_with_invalid_utf8_is_rejected_as_invalid_encoding()
    {
        byte[] bad = [.. "{\"text\": \"caf"u8, 0xC3, 0x28, .. "\"}"u8];
        var path = Write([.. "{\"text\": \"one\"}\n"u8, .. bad, .. "\n{\"text\": \"two\"}\n"u8]);

        var items = await ReadAsync(path);

        Assert.Equal(3, items.Count);
        Assert.Equal(RejectReasons.InvalidEncoding, items[1].Rejection!.Reason);
        Assert.Equal(path + "#2", items[1].Rejection!.Source);
        Assert.Contains("byte 13", items[1].Rejection!.Detail, StringComparison.Ordinal);
        Assert.Equal("two", items[2].Document!.CleanText);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_rejected_and_reading_continues()
    {
        var huge = "{\"text\": \"" + new string('x', 300_000) + "\"}";
        var path = Write("{\"text\": \"before\"}\n" + huge + "\n{\"text\": \"after\"}\n");
        var options = new FileSourceOptions { MaxBytes = 1_000 };

        var items = await ReadAsync(path, options);

        Assert.Equal(3, items.Count);
        Assert.Equal("before", items[0].Document!.CleanText);
        Assert.Equal(RejectReasons.TooLarge, items[1].Rejection!.Reason);
        Assert.Equal(path + "#2", items[1].Rejection!.Source);
        Assert.Contains(huge.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), items[1].Rejection!.Detail, StringComparison.Ordinal);
        Assert.Equal("after", items[2].Document!.CleanText);
    }

    [Fact]
    public async Task A_line_exactly_at_the_limit_is_read()
    {
        var line = "{\"text\": \"" + new string('y', 90) + "\"}";
        var path = Write(line + "\n");

        var items = await ReadAsync(path, new FileSourceOptions { MaxBytes = line.Length });

        Assert.NotNull(Assert.Single(items).Document);
    }

    [Fact]
    public async Task A_byte_order_mark_on_the_first_line_is_ignored()
    {
        var path = Write([0xEF, 0xBB, 0xBF, .. "{\"id\": \"bom\", \"text\": \"Body.\"}\n"u8]);

        Assert.Equal("bom", Assert.Single(await ReadAsync(path)).Document!.Id);
    }

    [Fact]
    public async Task A_missing_file_is_one_unreadable_rejection()
    {
        var path = Path.Combine(_root, "absent.jsonl");

        var rejection = Assert.Single(await ReadAsync(path)).Rejection!;

        Assert.Equal(RejectReasons.Unreadable, rejection.Reason);
        Assert.Equal(path, rejection.Source);
    }

    [Fact]
    public async Task Many_lines_across_read_chunks_keep_their_numbers_and_text()
    {
        var builder = new StringBuilder();
        for (var i = 1; i <= 5_000; i++)
        {
            builder.Append("{\"id\": ").Append(i).Append(", \"text\": \"record ").Append(i).Append(' ').Append('z', i % 97).Append("\"}\n");
        }

        var items = await ReadAsync(Write(builder.ToString()));

        Assert.Equal(5_000, items.Count);
        for (var i = 1; i <= 5_000; i++)
        {
            var document = items[i - 1].Document!;
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Id);
            Assert.EndsWith($"#{i}", document.Source, StringComparison.Ordinal);
            Assert.Equal($"record {i} {new string('z', i % 97)}", document.CleanText);
        }
    }
}
