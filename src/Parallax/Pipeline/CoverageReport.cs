using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>
/// The coverage of every story of a report (claim alignments, statements, what each outlet alone reports, provenance),
/// and the JSON report with it as the added top-level field <c>coverage</c>: the contract allows added fields, so every
/// field of <see cref="ReportJson"/> stays as it is.
/// </summary>
public static class CoverageReport
{
    private static readonly JsonSerializerOptions Options = new(CoverageJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly CoverageJsonContext Context = new(Options);

    /// <summary>Coverage per story, in the report's story order.</summary>
    public static IReadOnlyList<StoryCoverage> Analyze(Report report, CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var analyzer = new CoverageAnalyzer(options);
        var articles = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var quotesByArticle = report.Quotes.ToLookup(q => q.Article, StringComparer.Ordinal);
        var alignmentsByStory = report.Alignments.ToLookup(a => a.Story, StringComparer.Ordinal);
        var result = new List<StoryCoverage>(report.Stories.Count);
        foreach (var story in report.Stories)
        {
            var storyArticles = story.Articles.Where(articles.ContainsKey).Select(id => articles[id]).ToList();
            var quotes = storyArticles.SelectMany(a => quotesByArticle[a.Id]).ToList();
            result.Add(analyzer.Analyze(story, storyArticles, quotes, alignmentsByStory[story.Id].ToList()));
        }

        return result;
    }

    /// <summary>The contract's JSON report plus <c>coverage</c>: one entry per story.</summary>
    public static string Serialize(Report report, IReadOnlyList<StoryCoverage>? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        coverage ??= Analyze(report);
        var root = JsonNode.Parse(ReportJson.Serialize(report))!.AsObject();
        root["coverage"] = JsonSerializer.SerializeToNode(coverage, Context.IReadOnlyListStoryCoverage);
        return root.ToJsonString(Options);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<StoryCoverage>))]
internal sealed partial class CoverageJsonContext : JsonSerializerContext;
