using BenchmarkDotNet.Attributes;
using Parallax.Compare;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Bench;

/// <summary>
/// Comparing one 50-article story: the samples' Tessa story (5 articles, 40-odd quotes) run through the engine once,
/// then copied ten times under new ids into one story, so every outlet's version is compared with 49 others. Measures
/// quote alignment (<see cref="CoverageComparer"/>) and the report-time coverage (claim alignment, statements,
/// provenance). Target: under 200 ms for both together.
/// </summary>
[MemoryDiagnoser]
public class CompareBench
{
    private const int Copies = 10;

    private readonly CoverageComparer comparer = new();
    private readonly CoverageAnalyzer analyzer = new();
    private Story story = new() { Id = "bench" };
    private List<Article> articles = [];
    private List<Quote> quotes = [];
    private List<Speaker> speakers = [];
    private IReadOnlyList<Alignment> alignments = [];

    [GlobalSetup]
    public void Load()
    {
        var db = Path.Combine(Path.GetTempPath(), $"parallax-bench-{Guid.NewGuid():N}.db");
        var report = Task.Run(async () =>
        {
            await using var store = await SqliteArticleStore.OpenAsync(db);
            var engine = await Engine.OpenAsync(store);
            await engine.IngestAsync(new FileSource([BenchPaths.Samples], new FileSourceOptions()));
            return await engine.BuildReportAsync();
        }).GetAwaiter().GetResult();

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(db + suffix);
        }

        var source = report.Stories.OrderByDescending(s => s.Articles.Count).ThenBy(s => s.Title, StringComparer.Ordinal)
            .First(s => s.Title is not null && s.Title.Contains("Tessa", StringComparison.Ordinal));
        var byId = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var ids = new List<string>();
        for (var copy = 0; copy < Copies; copy++)
        {
            foreach (var id in source.Articles)
            {
                var newId = $"{id}#{copy}";
                ids.Add(newId);
                articles.Add(byId[id] with { Id = newId, DuplicateOf = null });
                quotes.AddRange(report.Quotes.Where(q => q.Article == id).Select(q => q with { Id = $"{q.Id}#{copy}", Article = newId }));
            }
        }

        story = source with { Id = "bench", Articles = ids };
        speakers = [.. report.Speakers];
        alignments = comparer.Align(story, articles, quotes, speakers);
        Console.WriteLine($"// {articles.Count} articles, {quotes.Count} quotes, {alignments.Count} quote alignments");
    }

    [Benchmark(Description = "quote alignment, 50-article story")]
    public int AlignQuotes() => comparer.Align(story, articles, quotes, speakers).Count;

    [Benchmark(Description = "coverage (claims, statements, provenance), 50-article story")]
    public int Coverage() => analyzer.Analyze(story, articles, quotes, alignments).Statements.Count;

    [Benchmark(Description = "quote alignment + coverage, 50-article story")]
    public int Both() => analyzer.Analyze(story, articles, quotes, comparer.Align(story, articles, quotes, speakers)).Statements.Count;
}
