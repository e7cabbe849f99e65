using BenchmarkDotNet.Attributes;
using Parallax.Evaluation;
using Parallax.Model;
using Parallax.Quotes;

namespace Parallax.Bench;

/// <summary>
/// Quote finding and attribution over the polnear-train texts (840 articles), loaded into memory first.
/// Articles per second = 840 / mean time. Reads <c>../shared/bench/quotes</c>, or <c>$PARALLAX_SHARED/bench/quotes</c>
/// in a worktree.
/// </summary>
[MemoryDiagnoser]
public class QuoteBench
{
    private readonly QuoteExtractor extractor = new();
    private List<Article> articles = [];

    [GlobalSetup]
    public void Load()
    {
        var shared = Environment.GetEnvironmentVariable("PARALLAX_SHARED") is { Length: > 0 } env ? env : Path.Combine(BenchPaths.RepoRoot, "..", "shared");
        var path = Path.GetFullPath(Path.Combine(shared, "bench", "quotes", "polnear-train.jsonl"));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is absent: run from the repository with ../shared beside it, or set PARALLAX_SHARED");
        }

        articles = [.. QuoteEvaluation.LoadGold(path).Select(g => g.Article)];
        Console.WriteLine($"// {articles.Count} polnear-train articles");
    }

    [Benchmark(Description = "quotes over polnear-train")]
    public int ExtractAll()
    {
        var quotes = 0;
        foreach (var article in articles)
        {
            quotes += extractor.Extract(article).Quotes.Count;
        }

        return quotes;
    }
}
