using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Tests.Pipeline;

public sealed class EngineTests
{
    private const string Wire =
        "PORT ALDER (Meridian Wire) - Dock workers in Port Alder began a three-day strike on Monday over plans to automate the " +
        "container terminal, the United Dockworkers' Federation said.\n\nUnion leader Tomas Reyne said the operator had refused for " +
        "eleven months to give written job guarantees to the 600 workers on Quay 7.\n\nThe operator said no permanent employee would " +
        "lose their job and that retraining had been offered to 450 workers. Ships began queueing offshore by midday.";

    private static RawDocument Record(string id, string text, string published, string outlet) => new()
    {
        Source = $"feed.jsonl#{id}",
        Id = id,
        CleanText = text,
        Title = "Port Alder dockers strike",
        Outlet = outlet,
        Published = published,
    };

    [Fact]
    public async Task An_earlier_original_read_after_its_copy_becomes_the_original()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        var engine = await Engine.OpenAsync(store);

        var copy = Record("reprint", Wire + "\n\nLocal traders said the strike would hit fruit importers hardest.", "2026-04-13T13:05:00+02:00", "Eastline News");
        Assert.Equal(IngestStatus.Stored, (await engine.IngestAsync(copy)).Status);
        Assert.Equal(IngestStatus.Stored, (await engine.IngestAsync(Record("wire", Wire, "2026-04-13T11:42:00+02:00", "Meridian Wire"))).Status);

        Assert.Null((await store.GetArticleAsync("wire"))!.DuplicateOf);
        Assert.Equal("wire", (await store.GetArticleAsync("reprint"))!.DuplicateOf);
        var story = Assert.Single(await store.GetStoriesAsync());
        Assert.Equal(["wire", "reprint"], story.Articles);
    }

    [Fact]
    public async Task A_later_copy_points_at_the_earlier_article()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        var engine = await Engine.OpenAsync(store);

        await engine.IngestAsync(Record("wire", Wire, "2026-04-13T11:42:00+02:00", "Meridian Wire"));
        await engine.IngestAsync(Record("reprint", Wire + "\n\nLocal traders said the strike would hit fruit importers hardest.", "2026-04-13T13:05:00+02:00", "Eastline News"));

        Assert.Null((await store.GetArticleAsync("wire"))!.DuplicateOf);
        Assert.Equal("wire", (await store.GetArticleAsync("reprint"))!.DuplicateOf);
    }

    [Fact]
    public async Task A_reopened_engine_continues_the_stories_it_stored()
    {
        using var dir = new TempDir();
        var db = dir.File("p.db");
        string first;
        await using (var store = await SqliteArticleStore.OpenAsync(db))
        {
            var engine = await Engine.OpenAsync(store);
            first = (await engine.IngestAsync(Record("wire", Wire, "2026-04-13T11:42:00+02:00", "Meridian Wire"))).Article!.Story!;
        }

        await using (var store = await SqliteArticleStore.OpenAsync(db))
        {
            var engine = await Engine.OpenAsync(store);
            var rewritten = Wire.Replace("began a three-day strike on Monday", "walked out on Monday for three days", StringComparison.Ordinal)
                .Replace("Ships began queueing offshore by midday.", "By noon a queue of ships had formed offshore, harbour officials said.", StringComparison.Ordinal);
            var outcome = await engine.IngestAsync(Record("ledger", rewritten, "2026-04-13T15:00:00+02:00", "Harbor Ledger"));
            Assert.Equal(first, outcome.Article!.Story);
        }
    }

    [Fact]
    public async Task Parallel_extraction_stores_exactly_what_a_sequential_run_stores()
    {
        using var dir = new TempDir();
        var reports = new List<string>();
        foreach (var parallelism in new[] { 1, 4 })
        {
            await using var store = await SqliteArticleStore.OpenAsync(dir.File($"p{parallelism}.db"));
            var engine = await Engine.OpenAsync(store, new EngineOptions { ExtractionParallelism = parallelism });
            await engine.IngestAsync(new Parallax.Ingest.FileSource([TestPaths.Samples], new Parallax.Ingest.FileSourceOptions()));
            reports.Add(ReportJson.Serialize(await engine.BuildReportAsync()).Replace(TestPaths.Samples, "", StringComparison.Ordinal));
        }

        Assert.Equal(reports[0], reports[1]);
    }

    [Fact]
    public async Task A_byte_identical_repeat_in_one_run_gets_its_first_occurrences_verdict()
    {
        using var dir = new TempDir();
        var page = "Harbour strike ends\n\n" + Wire;
        await File.WriteAllTextAsync(dir.File("a.txt"), page);
        await File.WriteAllTextAsync(dir.File("b.txt"), page);
        await File.WriteAllTextAsync(dir.File("c.txt"), page);
        await File.WriteAllBytesAsync(dir.File("d.txt"), []);
        await File.WriteAllBytesAsync(dir.File("e.txt"), []);

        await using var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        var engine = await Engine.OpenAsync(store);
        var outcomes = new List<IngestOutcome>();
        var summary = await engine.IngestAsync(new Parallax.Ingest.FileSource([dir.Path], new Parallax.Ingest.FileSourceOptions()), new Collect(outcomes));

        Assert.Equal((1, 0, 4), (summary.Stored, summary.AlreadyStored, summary.Rejected));
        Assert.Equal(["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"], outcomes.Select(o => Path.GetFileName(o.Source)));
        Assert.Equal(RejectReasons.Duplicate, outcomes[1].Rejection!.Reason);
        Assert.Equal(RejectReasons.Duplicate, outcomes[2].Rejection!.Reason);
        Assert.Equal(RejectReasons.Empty, outcomes[3].Rejection!.Reason);
        Assert.Equal(RejectReasons.Empty, outcomes[4].Rejection!.Reason);
        Assert.EndsWith("e.txt", outcomes[4].Rejection!.Source, StringComparison.Ordinal);
    }

    private sealed class Collect(List<IngestOutcome> into) : IProgress<IngestOutcome>
    {
        public void Report(IngestOutcome value) => into.Add(value);
    }
}

public sealed class IncrementalAlignmentTests
{
    [Fact]
    public async Task Alignments_added_article_by_article_equal_a_whole_story_recompute()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        var engine = await Engine.OpenAsync(store);
        await engine.IngestAsync(new Parallax.Ingest.FileSource([TestPaths.Samples], new Parallax.Ingest.FileSourceOptions()));

        var comparer = new Parallax.Compare.CoverageComparer();
        var speakers = await store.GetSpeakersAsync();
        var checkedPairs = 0;
        foreach (var story in await store.GetStoriesAsync())
        {
            var articles = await store.GetStoryArticlesAsync(story.Id);
            var quotes = new List<Quote>();
            foreach (var a in articles)
            {
                quotes.AddRange(await store.GetQuotesAsync(a.Id));
            }

            var whole = comparer.Align(story, articles, quotes, speakers);
            var stored = await store.GetAlignmentsAsync(story.Id);
            Assert.Equal(
                whole.Select(a => (a.A, a.B, a.Relation, a.Score)).Order(),
                stored.Select(a => (a.A, a.B, a.Relation, a.Score)).Order());
            checkedPairs += whole.Count;
        }

        Assert.True(checkedPairs > 20, $"only {checkedPairs} alignments in samples/");
    }
}
