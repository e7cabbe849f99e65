using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Tests.Web;

/// <summary>The store's paged read side (<see cref="IArticleQueries"/>), which the API serves.</summary>
public sealed class ApiStoreQueryTests
{
    private static async Task<SqliteArticleStore> SamplesAsync(TempDir dir, int targetVersion = -1)
    {
        var store = targetVersion < 0
            ? await SqliteArticleStore.OpenAsync(dir.File("q.db"))
            : await SqliteArticleStore.OpenAsync(dir.File("q.db"), targetVersion, CancellationToken.None);
        var engine = await Engine.OpenAsync(store);
        await engine.IngestAsync(new FileSource([TestPaths.Samples], new FileSourceOptions()));
        return store;
    }

    [Fact]
    public async Task A_story_report_read_in_one_snapshot_equals_the_report_builders()
    {
        using var dir = new TempDir();
        await using var store = await SamplesAsync(dir);
        foreach (var story in await store.GetStoriesAsync())
        {
            var expected = await ReportBuilder.BuildStoryAsync(store, story.Id, "v", CancellationToken.None);
            var actual = await store.GetStoryReportAsync(story.Id, "v");
            Assert.Equal(ReportJson.Serialize(expected!), ReportJson.Serialize(actual!));
        }

        Assert.Null(await store.GetStoryReportAsync("no-such-story", "v"));
    }

    [Fact]
    public async Task Story_outlets_are_every_outlet_of_every_story_once_alphabetically_up_to_the_limit()
    {
        using var dir = new TempDir();
        await using var store = await SamplesAsync(dir);
        var expected = (await store.GetStoriesAsync()).SelectMany(s => s.Outlets)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(expected.Count > 2, "the samples have several outlets");
        var outlets = await store.GetStoryOutletsAsync(1_000);
        Assert.Equal(expected, outlets, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.Take(2), await store.GetStoryOutletsAsync(2), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Migrating_an_older_store_fills_the_outlet_and_speaker_tables_from_its_rows()
    {
        using var dir = new TempDir();
        await using (var old = await SamplesAsync(dir, targetVersion: 5))
        {
            Assert.Equal(5, await old.GetSchemaVersionAsync());
        }

        await using var store = await SqliteArticleStore.OpenAsync(dir.File("q.db"));
        var quotes = await store.GetQuotesAsync();
        var expected = quotes.Where(q => q.Speaker is not null).GroupBy(q => q.Speaker!).ToDictionary(g => g.Key, g => g.Count());
        var page = await store.GetSpeakersPageAsync(new PageRequest(PageRequest.MaxLimit));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, page.Total);
        Assert.All(page.Items, s => Assert.Equal(expected[s.Speaker.Id], s.Quotes));

        var stories = await store.GetStoriesAsync();
        var outlet = stories.SelectMany(s => s.Outlets).First();
        var byOutlet = await store.GetStoriesPageAsync(new StoryFilter(Outlet: outlet), new PageRequest(PageRequest.MaxLimit));
        Assert.Equal(stories.Where(s => s.Outlets.Contains(outlet)).Select(s => s.Id).Order(), byOutlet.Items.Select(s => s.Story.Id).Order());
    }

    [Fact]
    public async Task Speaker_counts_follow_quotes_as_articles_are_recommitted()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("c.db"));
        var article = new Article { Id = "a1", Source = "a1.txt", Body = "Ann said yes. Bob said no." };
        Quote QuoteOf(string id, string? speaker, int start) =>
            new() { Id = id, Article = "a1", Speaker = speaker, Kind = QuoteKinds.Indirect, Text = "yes", Start = start, End = start + 3 };
        var ann = new Speaker { Id = "ann", Name = "Ann" };
        var bob = new Speaker { Id = "bob", Name = "Bob" };

        await store.CommitAsync(new ArticleCommit { Article = article, ContentHash = "h1", Speakers = [ann, bob], Quotes = [QuoteOf("q1", "ann", 9), QuoteOf("q2", "bob", 22)] });
        var first = await store.GetSpeakersPageAsync(new PageRequest());
        await store.CommitAsync(new ArticleCommit { Article = article, ContentHash = "h1", Quotes = [QuoteOf("q1", "bob", 9)] });
        var second = await store.GetSpeakersPageAsync(new PageRequest());

        Assert.Equal([("ann", 1), ("bob", 1)], first.Items.Select(s => (s.Speaker.Id, s.Quotes)));
        Assert.Equal([("bob", 1)], second.Items.Select(s => (s.Speaker.Id, s.Quotes)));
        Assert.Equal(0, (await store.FindSpeakerAsync("ann"))!.Quotes);
    }

    [Fact]
    public async Task Readers_see_a_commit_made_after_they_were_opened()
    {
        using var dir = new TempDir();
        await using var store = await SqliteArticleStore.OpenAsync(dir.File("r.db"));
        var before = await store.GetArticlesPageAsync(new ArticleFilter(), new PageRequest());
        await store.CommitAsync(new ArticleCommit { Article = new Article { Id = "x", Source = "x.txt", Body = "Body." }, ContentHash = "hx" });
        var after = await store.GetArticlesPageAsync(new ArticleFilter(), new PageRequest());

        Assert.Equal(0, before.Total);
        Assert.Equal(1, after.Total);
        Assert.Equal("x", after.Items.Single().Id);
    }

    [Fact]
    public async Task Many_concurrent_readers_get_the_same_answers()
    {
        using var dir = new TempDir();
        await using var store = await SamplesAsync(dir);
        var expected = await store.GetStoriesPageAsync(new StoryFilter(), new PageRequest(PageRequest.MaxLimit));
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.GetStoriesPageAsync(new StoryFilter(), new PageRequest(PageRequest.MaxLimit)))));

        Assert.All(results, r => Assert.Equal(expected.Items.Select(s => s.Story.Id), r.Items.Select(s => s.Story.Id)));
    }
}
