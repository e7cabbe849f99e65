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
}
