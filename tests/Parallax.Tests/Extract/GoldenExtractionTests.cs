using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Tests.Extract;

/// <summary>
/// Golden cases in testdata/extract/&lt;case&gt;/: input.txt or input.html beside expected.json.
/// Run with UPDATE_GOLDEN=1 to rewrite expected.json in the source tree, then review the diff.
/// </summary>
public sealed class GoldenExtractionTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "testdata", "extract")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_case_matches_expected(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "testdata", "extract", name);
        var input = Directory.GetFiles(dir, "input.*").Single();
        var result = new ArticleExtractor(new ExtractOptions()).Extract(new RawDocument { Source = input, Content = File.ReadAllBytes(input) });
        var actual = Describe(result).ToJsonString(Json) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var target = Path.Combine(TestPaths.RepoRoot, "tests", "Parallax.Tests", "testdata", "extract", name, "expected.json");
            File.WriteAllText(target, actual);
            return;
        }

        var expectedPath = Path.Combine(dir, "expected.json");
        Assert.True(File.Exists(expectedPath), $"{name}: expected.json missing; run with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void There_are_at_least_three_golden_cases() => Assert.True(Cases().Count >= 3);

    private static JsonObject Describe(ExtractionResult result)
    {
        if (result.Rejection is { } r)
        {
            return new JsonObject { ["rejected"] = r.Reason, ["detail"] = r.Detail };
        }

        var a = result.Article!;
        return new JsonObject
        {
            ["title"] = a.Title,
            ["authors"] = new JsonArray([.. a.Authors.Select(x => (JsonNode?)JsonValue.Create(x))]),
            ["published"] = a.Published,
            ["outlet"] = a.Outlet,
            ["url"] = a.Url,
            ["language"] = a.Language,
            ["kind"] = a.Kind,
            ["body"] = a.Body,
        };
    }
}
