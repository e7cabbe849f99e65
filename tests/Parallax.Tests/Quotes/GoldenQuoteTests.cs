using System.Text.Json;
using Parallax.Model;
using Parallax.Quotes;

namespace Parallax.Tests.Quotes;

/// <summary>
/// Golden cases in testdata/quotes/&lt;case&gt;/: input.txt is a body, expected.json the quotes and speakers.
/// UPDATE_GOLDEN=1 rewrites the expectations in the source tree; review the diff before committing.
/// </summary>
public sealed class GoldenQuoteTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "testdata", "quotes")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quotes_match_the_golden_expectation(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "testdata", "quotes", name);
        var body = File.ReadAllText(Path.Combine(dir, "input.txt"));
        var article = SeedArticles.Article(name, body);
        var result = new QuoteExtractor().Extract(article);
        QuoteAssertions.Invariants(article, result);
        var actual = ReportJson.Serialize(new Report { Parallax = "golden", Speakers = result.Speakers, Quotes = result.Quotes });

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(TestPaths.RepoRoot, "tests", "Parallax.Tests", "testdata", "quotes", name, "expected.json");
            File.WriteAllText(source, actual + "\n");
            return;
        }

        var expectedPath = Path.Combine(dir, "expected.json");
        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing: run with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(Normalize(File.ReadAllText(expectedPath)), Normalize(actual));
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
