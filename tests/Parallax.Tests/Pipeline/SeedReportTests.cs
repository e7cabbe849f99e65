using System.Text.Json;
using Parallax.Tests.Cli;
using Xunit.Abstractions;

namespace Parallax.Tests.Pipeline;

/// <summary>The canonical example: one statement by Iran's foreign ministry spokesman as two outlets reported it.</summary>
public sealed class SeedReportTests(ITestOutputHelper output)
{
    private const string Agency = "000_6b52e77a5b6936bc.txt";
    private const string Mayadeen = "001_e340bc3c1ad16bed.txt";

    private static readonly Lazy<Task<CliResult>> Run = new(() =>
        CliRunner.RunAsync("analyze", Path.Combine(TestPaths.Shared!, "seeds"), "--format", "json"));

    private async Task<JsonElement?> ReportAsync()
    {
        if (TestPaths.Shared is null)
        {
            output.WriteLine(TestPaths.SharedMissing);
            return null;
        }

        var result = await Run.Value;
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    [Fact]
    public async Task Seed_report_keeps_the_json_contract()
    {
        if (await ReportAsync() is not { } report)
        {
            return;
        }

        Assert.Empty(ReportContract.Violations(report));
        Assert.Equal(2, report.GetProperty("articles").GetArrayLength());
        Assert.Empty(report.GetProperty("rejected").EnumerateArray());
    }

    [Fact]
    public async Task Seed_articles_have_title_authors_date_and_a_clean_body()
    {
        if (await ReportAsync() is not { } report)
        {
            return;
        }

        var agency = Article(report, Agency);
        Assert.Equal("Interaction with Russia not against others: Iran", agency.GetProperty("title").GetString());
        Assert.Equal("2023-03-22", agency.GetProperty("published").GetString());
        Assert.Equal("page-header", agency.GetProperty("published_source").GetString());
        Assert.Equal(["Int\u2019l Monitoring Desk"], Authors(agency));
        var body = agency.GetProperty("body").GetString()!;
        Assert.StartsWith("TEHRAN: The defense cooperation", body, StringComparison.Ordinal);
        Assert.EndsWith("for the benefit of the two nations.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Check Also", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Trump", body, StringComparison.Ordinal);
        Assert.DoesNotContain("March 22 2023", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Interaction with Russia", body, StringComparison.Ordinal);

        var mayadeen = Article(report, Mayadeen);
        Assert.Equal("Kanaani: Iran-Russia defense cooperation not hostile to third country", mayadeen.GetProperty("title").GetString());
        Assert.Equal("2023-02-24", mayadeen.GetProperty("published").GetString());
        Assert.Equal("byline", mayadeen.GetProperty("published_source").GetString());
        Assert.Equal("Al Mayadeen English", mayadeen.GetProperty("outlet").GetString());
        Assert.Contains("Al Mayadeen English", Authors(mayadeen));
        body = mayadeen.GetProperty("body").GetString()!;
        Assert.StartsWith("The Iranian Foreign Ministry Spokesperson says", body, StringComparison.Ordinal);
        Assert.DoesNotContain("By Al Mayadeen", body, StringComparison.Ordinal);
        Assert.DoesNotContain("24 Feb 2023", body, StringComparison.Ordinal);
        Assert.DoesNotContain("February 24, 2023", body, StringComparison.Ordinal);
        Assert.DoesNotContain("not hostile to third country", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_seeds_are_one_story()
    {
        if (await ReportAsync() is not { } report)
        {
            return;
        }

        var story = Assert.Single(report.GetProperty("stories").EnumerateArray());
        var ids = story.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal([Mayadeen, Agency], ids); // earliest first: 24 Feb before 22 Mar
        Assert.All(report.GetProperty("articles").EnumerateArray(), a => Assert.Equal(story.GetProperty("id").GetString(), a.GetProperty("story").GetString()));
    }

    [Fact]
    public async Task Kanaani_is_one_speaker_with_his_role_and_most_quotes_are_his()
    {
        if (await ReportAsync() is not { } report)
        {
            return;
        }

        var kanaani = Assert.Single(report.GetProperty("speakers").EnumerateArray(), s => s.GetProperty("name").GetString() == "Nasser Kanaani");
        Assert.Equal("person", kanaani.GetProperty("kind").GetString());
        Assert.Contains(kanaani.GetProperty("roles").EnumerateArray(), r => r.GetString()!.Contains("Foreign Ministry Spokes", StringComparison.OrdinalIgnoreCase));
        var id = kanaani.GetProperty("id").GetString();
        var quotes = report.GetProperty("quotes").EnumerateArray().ToList();
        foreach (var article in new[] { Agency, Mayadeen })
        {
            var his = quotes.Count(q => q.GetProperty("article").GetString() == article && q.GetProperty("speaker").GetString() == id);
            output.WriteLine($"{article}: {his} quotes by Kanaani");
            Assert.True(his >= 6, $"{article}: only {his} quotes attributed to Kanaani");
        }

        Assert.Contains(quotes, q => q.GetProperty("kind").GetString() == "direct" && q.GetProperty("text").GetString()!.StartsWith("Military and defense ties", StringComparison.Ordinal)
            && q.GetProperty("via").EnumerateArray().Select(v => v.GetString()).SequenceEqual(new[] { "Sputnik" }));
        Assert.Contains(quotes, q => q.GetProperty("via").EnumerateArray().Select(v => v.GetString()).SequenceEqual(new[] { "Press TV" }));
    }

    [Fact]
    public async Task The_same_statements_are_aligned_across_the_two_outlets()
    {
        if (await ReportAsync() is not { } report)
        {
            return;
        }

        var quotes = report.GetProperty("quotes").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        var pairs = report.GetProperty("alignments").EnumerateArray()
            .Select(a => (A: quotes[a.GetProperty("a").GetString()!], B: quotes[a.GetProperty("b").GetString()!], Relation: a.GetProperty("relation").GetString()))
            .ToList();
        foreach (var (a, b, relation) in pairs)
        {
            output.WriteLine($"{relation}: {a.GetProperty("text")} <> {b.GetProperty("text")}");
            Assert.NotEqual(a.GetProperty("article").GetString(), b.GetProperty("article").GetString());
        }

        Assert.Contains(pairs, p => Has(p.A, p.B, "political will of the leaders"));
        Assert.Contains(pairs, p => Has(p.A, p.B, "not against any third country"));
        Assert.Contains(pairs, p => Has(p.A, p.B, "complementary economic capacities"));
    }

    private static bool Has(JsonElement a, JsonElement b, string phrase) =>
        a.GetProperty("text").GetString()!.Contains(phrase, StringComparison.Ordinal) && b.GetProperty("text").GetString()!.Contains(phrase, StringComparison.Ordinal);

    private static JsonElement Article(JsonElement report, string id) =>
        Assert.Single(report.GetProperty("articles").EnumerateArray(), a => a.GetProperty("id").GetString() == id);

    private static List<string> Authors(JsonElement article) =>
        article.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).ToList();
}
