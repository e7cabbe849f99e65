using System.Text;
using System.Text.Json;
using Parallax.Model;
using Parallax.Tests.Cli;

namespace Parallax.Tests.Pipeline;

public sealed class IngestTests
{
    private const string Article =
        "Harbour workers end strike\n\nPORT ALDER: Dock workers in Port Alder voted on Tuesday to end a nine-day strike after the port authority " +
        "agreed to restore night-shift pay, union leader Mara Quill said.\n\n“We have won back what was taken from us,” Quill told reporters " +
        "outside the union hall.\n\nThe port authority said cargo handling would resume on Wednesday morning and that the backlog of " +
        "some 140 container ships would take a week to clear.\n";

    [Fact]
    public async Task Ingesting_a_folder_twice_leaves_the_same_rows()
    {
        using var dir = new TempDir();
        var db = dir.File("p.db");
        var first = await CliRunner.RunAsync("ingest", TestPaths.Samples, "--db", db);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = await CliRunner.RunAsync("export", "--db", db, "--format", "json");

        var second = await CliRunner.RunAsync("ingest", TestPaths.Samples, "--db", db);
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("stored 0,", second.Out, StringComparison.Ordinal);
        var after = await CliRunner.RunAsync("export", "--db", db, "--format", "json");

        Assert.Equal(before.Out, after.Out);
        Assert.True(JsonDocument.Parse(before.Out).RootElement.GetProperty("articles").GetArrayLength() >= 12);
    }

    [Fact]
    public async Task The_same_content_under_another_name_is_stored_once()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("a.txt"), Article);
        await File.WriteAllTextAsync(dir.File("b.txt"), Article);
        var db = dir.File("p.db");
        var result = await CliRunner.RunAsync("ingest", dir.Path, "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("stored 1, already stored 0, rejected 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("Duplicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_inputs_are_rejected_with_reasons_and_the_rest_is_processed()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("good.txt"), Article);
        await File.WriteAllBytesAsync(dir.File("empty.txt"), []);
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        await File.WriteAllBytesAsync(dir.File("junk.txt"), junk);
        using (var big = File.Create(dir.File("huge.txt")))
        {
            big.SetLength(50L * 1024 * 1024);
        }

        // UTF-8 ("Zürich") broken by stray bytes: a corrupt file, not a legacy single-byte encoding.
        await File.WriteAllBytesAsync(dir.File("latin.txt"), [.. Encoding.UTF8.GetBytes("Talks in Zürich\n\nDelegates met in Zürich on Monday "), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(" and talked for hours.\n")]);
        var good1 = JsonSerializer.Serialize(new { id = "w1", text = "Ministers met on Monday to agree a budget for the coming year, officials said.", title = "Budget agreed", outlet = "Wire" });
        var good2 = JsonSerializer.Serialize(new { id = "w2", text = "Floods closed three bridges in the north of the country on Sunday, police said.", title = "Floods", outlet = "Wire" });
        await File.WriteAllTextAsync(dir.File("feed.jsonl"), good1 + "\n{\"id\": \"broken\", \"text\": \"no closing\n" + good2 + "\n");
        await File.WriteAllTextAsync(dir.File("notes.pdf"), "%PDF-1.4");

        var db = dir.File("p.db");
        var result = await CliRunner.RunAsync("ingest", dir.Path, "--db", db);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("stored 3,", result.Out, StringComparison.Ordinal);

        var export = await CliRunner.RunAsync("export", "--db", db, "--format", "json");
        var report = ReportJson.DeserializeReport(export.Out)!;
        Assert.Equal(["feed.jsonl#1", "feed.jsonl#3", "good.txt"], report.Articles.Select(a => Path.GetFileName(a.Source)).Order(StringComparer.Ordinal));
        var reasons = report.Rejected.ToDictionary(r => Path.GetFileName(r.Source), r => r.Reason);
        Assert.Equal(RejectReasons.Empty, reasons["empty.txt"]);
        Assert.Equal(RejectReasons.Binary, reasons["junk.txt"]);
        Assert.Equal(RejectReasons.TooLarge, reasons["huge.txt"]);
        Assert.Equal(RejectReasons.InvalidEncoding, reasons["latin.txt"]);
        Assert.Equal(RejectReasons.Unparseable, reasons["feed.jsonl#2"]);
        Assert.Equal(RejectReasons.UnsupportedFormat, reasons["notes.pdf"]);
        Assert.All(report.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
    }
}
