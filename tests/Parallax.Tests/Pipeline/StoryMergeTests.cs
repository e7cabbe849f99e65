using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Tests.Pipeline;

public sealed class StoryMergeTests
{
    // Three reports of one strike, written apart so that none is a near-duplicate of another. The first and the last are
    // five days apart, beyond the three-day window, so the last opens a story of its own; the middle one, dated between
    // them, scores with both and shows they are one.
    private const string Opening =
        "Dock workers in Port Alder walked out on Monday over plans to automate the container terminal at Quay 7, the United " +
        "Dockworkers' Federation said. \"We will not let machines take these jobs without written guarantees,\" union leader " +
        "Tomas Reyne told reporters at the gates. The terminal operator said retraining had been offered to the dockers.";

    private const string Bridge =
        "The Port Alder dock strike entered its third day as talks between the United Dockworkers' Federation and the terminal " +
        "operator over automation at Quay 7 stalled. \"We will not let machines take these jobs without written guarantees,\" " +
        "Tomas Reyne repeated outside the terminal, where ships queued offshore and container traffic stood still.";

    private const string Closing =
        "Port Alder dockers ended their strike on Saturday after the terminal operator gave the United Dockworkers' Federation " +
        "written job guarantees for Quay 7 and promised retraining before automation. Tomas Reyne called the deal a victory for " +
        "the dockers; container ships that had queued offshore began to unload at the terminal.";

    private static RawDocument Record(string id, string text, string published) => new()
    {
        Source = $"feed.jsonl#{id}",
        Id = id,
        CleanText = text,
        Title = "Port Alder dock strike over automation at Quay 7",
        Outlet = "outlet-" + id,
        Published = published,
    };

    private static async Task<(string OpeningStory, string ClosingStory, IReadOnlyList<Story> Stories, SqliteArticleStore Store)> IngestAllAsync(TempDir dir)
    {
        var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        var engine = await Engine.OpenAsync(store);
        var opening = (await engine.IngestAsync(Record("opening", Opening, "2026-04-13T09:00:00Z"))).Article!.Story!;
        var closing = (await engine.IngestAsync(Record("closing", Closing, "2026-04-18T09:00:00Z"))).Article!.Story!;
        Assert.Equal(IngestStatus.Stored, (await engine.IngestAsync(Record("bridge", Bridge, "2026-04-15T21:00:00Z"))).Status);
        return (opening, closing, await store.GetStoriesAsync(), store);
    }

    [Fact]
    public async Task An_article_between_two_stories_of_one_event_merges_them_in_the_store()
    {
        using var dir = new TempDir();
        var (opening, closing, stories, store) = await IngestAllAsync(dir);
        await using var _ = store;

        Assert.NotEqual(opening, closing);
        var story = Assert.Single(stories);
        Assert.Contains(story.Id, new[] { opening, closing });
        Assert.Equal(["opening", "bridge", "closing"], story.Articles);
        foreach (var id in story.Articles)
        {
            Assert.Equal(story.Id, (await store.GetArticleAsync(id))!.Story);
        }

        Assert.Equal(3, (await store.GetStoryArticlesAsync(story.Id)).Count);
        Assert.All(await store.GetAlignmentsAsync(), a => Assert.Equal(story.Id, a.Story));
        Assert.Equal(1, (await store.CountAsync()).Stories);
    }

    [Fact]
    public async Task A_merge_keeps_the_same_story_id_on_every_run()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        var (_, _, a, storeA) = await IngestAllAsync(first);
        await using var __ = storeA;
        var (_, _, b, storeB) = await IngestAllAsync(second);
        await using var ___ = storeB;

        Assert.Equal(Assert.Single(a).Id, Assert.Single(b).Id);
    }

    [Fact]
    public async Task A_reopened_engine_continues_the_merged_story()
    {
        using var dir = new TempDir();
        var (_, _, stories, store) = await IngestAllAsync(dir);
        var merged = Assert.Single(stories).Id;
        await store.DisposeAsync();

        await using var reopened = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        var engine = await Engine.OpenAsync(reopened);
        var late = Closing.Replace("ended their strike on Saturday", "were back at work on Sunday", StringComparison.Ordinal)
            .Replace("began to unload at the terminal", "were being unloaded", StringComparison.Ordinal);
        var outcome = await engine.IngestAsync(Record("late", "Harbour traders welcomed the end of the strike. " + late, "2026-04-19T08:00:00Z"));
        Assert.Equal(merged, outcome.Article!.Story);
    }

    [Fact]
    public async Task Merging_stories_moves_articles_and_alignments_and_drops_the_merged_record()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        static Article Article(string id, string story) => new() { Id = id, Source = "t#" + id, Body = "Body of " + id, Story = story };
        static Alignment Pair(string story, string a, string b) => new() { Story = story, A = a, B = b, Relation = AlignmentRelations.Verbatim, Score = 1 };

        await store.CommitAsync(new ArticleCommit { Article = Article("a1", "st-a"), ContentHash = "h1", Story = new Story { Id = "st-a", Articles = ["a1"] } });
        await store.CommitAsync(new ArticleCommit { Article = Article("b1", "st-b"), ContentHash = "h2", Story = new Story { Id = "st-b", Articles = ["b1"] } });
        await store.CommitAsync(new ArticleCommit
        {
            Article = Article("b2", "st-b"),
            ContentHash = "h3",
            Story = new Story { Id = "st-b", Articles = ["b1", "b2"] },
            AddedAlignments = [Pair("st-b", "q-b1", "q-b2")],
        });

        await store.MergeStoriesAsync(new Story { Id = "st-a", Articles = ["a1", "b1", "b2"] }, ["st-b"]);

        var story = Assert.Single(await store.GetStoriesAsync());
        Assert.Equal("st-a", story.Id);
        Assert.Equal(["a1", "b1", "b2"], story.Articles);
        Assert.Equal("st-a", (await store.GetArticleAsync("b2"))!.Story);
        Assert.Equal("st-a", Assert.Single(await store.GetAlignmentsAsync()).Story);
        Assert.Empty(await store.GetAlignmentsAsync("st-b"));

        // Replaying the merge changes nothing.
        await store.MergeStoriesAsync(story, ["st-b"]);
        Assert.Equal(story.Articles, Assert.Single(await store.GetStoriesAsync()).Articles);
    }

    [Fact]
    public async Task A_story_is_not_merged_into_itself()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("p.db"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.MergeStoriesAsync(new Story { Id = "st-a" }, ["st-a"]));
    }
}
