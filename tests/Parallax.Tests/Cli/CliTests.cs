using System.Text.Json;

namespace Parallax.Tests.Cli;

public sealed class CliTests
{
    [Theory]
    [InlineData("ingest")]
    [InlineData("analyze")]
    [InlineData("extract")]
    [InlineData("stories")]
    [InlineData("show")]
    [InlineData("search")]
    [InlineData("quotes")]
    [InlineData("export")]
    public async Task Every_command_has_help(string command)
    {
        var result = await CliRunner.RunAsync(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains(command, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "--format", "xml", "x")]
    [InlineData("ingest")]
    [InlineData("frobnicate")]
    [InlineData("stories", "--no-such-option")]
    public async Task Bad_usage_exits_with_2_and_says_why_on_stderr(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("parallax:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_commands_on_a_missing_database_are_bad_usage_and_create_nothing()
    {
        using var dir = new TempDir();
        var db = dir.File("none.db");
        var result = await CliRunner.RunAsync("stories", "--db", db);
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task A_store_is_listed_searched_queried_and_exported()
    {
        using var dir = new TempDir();
        var db = dir.File("p.db");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", TestPaths.Samples, "--db", db)).ExitCode);

        var stories = await CliRunner.RunAsync("stories", "--db", db);
        Assert.Equal(0, stories.ExitCode);
        var rows = stories.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("story\t", rows[0], StringComparison.Ordinal);
        Assert.True(rows.Length >= 5, stories.Out);

        var storyId = rows[1].Split('\t')[0];
        var show = await CliRunner.RunAsync("show", storyId, "--db", db, "--format", "json");
        Assert.Equal(0, show.ExitCode);
        Assert.Single(JsonDocument.Parse(show.Out).RootElement.GetProperty("stories").EnumerateArray());
        Assert.Equal(2, (await CliRunner.RunAsync("show", "st-nope", "--db", db)).ExitCode);

        var quotes = await CliRunner.RunAsync("quotes", "--db", db, "--format", "jsonl");
        Assert.Equal(0, quotes.ExitCode);
        var first = JsonDocument.Parse(quotes.Out.Split('\n')[0]).RootElement;
        Assert.True(first.TryGetProperty("speaker_mention", out _));

        var export = await CliRunner.RunAsync("export", "--db", db, "--format", "csv", "--what", "quotes");
        Assert.Equal(0, export.ExitCode);
        Assert.StartsWith("id,article,speaker,", export.Out, StringComparison.Ordinal);

        Assert.Equal(2, (await CliRunner.RunAsync("search", "\"unterminated", "--db", db)).ExitCode);
    }

    [Fact]
    public async Task Search_finds_articles_by_words_in_their_body()
    {
        if (TestPaths.Shared is null)
        {
            return;
        }

        using var dir = new TempDir();
        var db = dir.File("p.db");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", Path.Combine(TestPaths.Shared, "seeds"), "--db", db)).ExitCode);
        var hits = await CliRunner.RunAsync("search", "Munich", "--db", db);
        Assert.Equal(0, hits.ExitCode);
        Assert.Contains("001_e340bc3c1ad16bed.txt", hits.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("000_6b52e77a5b6936bc.txt", hits.Out, StringComparison.Ordinal);

        var quotes = await CliRunner.RunAsync("quotes", "--db", db, "--speaker", "kanaani");
        Assert.Equal(0, quotes.ExitCode);
        Assert.Contains("Nasser Kanaani", quotes.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_writes_one_article_per_line_and_rejections_on_stderr()
    {
        if (TestPaths.Shared is null)
        {
            return;
        }

        var result = await CliRunner.RunAsync("extract", Path.Combine(TestPaths.Shared, "seeds"), "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal("article", JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()));
    }
}
