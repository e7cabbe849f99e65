using Parallax.Model;
using Parallax.Store;

namespace Parallax.Tests.Store;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>When the store first ingested a story's articles: stamped by an injected clock, listed with the stories.</summary>
public sealed class FirstSeenTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 40, 5, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parallax-seen-" + Guid.NewGuid().ToString("N"));

    public FirstSeenTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DbPath => Path.Combine(_directory, "seen.db");

    private static ArticleCommit Commit(string id, string story, params string[] storyArticles) => new()
    {
        Article = new Article { Id = id, Source = "inputs/" + id, Body = "Body of " + id, Story = story, Published = "2026-11-20" },
        ContentHash = "hash-" + id,
        Story = new Story { Id = story, Articles = storyArticles, FirstPublished = "2026-11-20", LastPublished = "2026-11-20" },
    };

    [Fact]
    public async Task A_story_is_first_seen_when_its_earliest_article_was_stored_and_a_recommit_keeps_that_time()
    {
        var clock = new FakeClock(Monday);
        await using var store = await SqliteArticleStore.OpenAsync(DbPath, clock);
        await store.CommitAsync(Commit("a1", "s1", "a1"));
        clock.Now = Monday.AddHours(2);
        await store.CommitAsync(Commit("a2", "s1", "a1", "a2"));
        await store.CommitAsync(Commit("b1", "s2", "b1"));
        clock.Now = Monday.AddDays(1);
        await store.CommitAsync(Commit("a1", "s1", "a1", "a2"));

        var page = await store.GetStoriesPageAsync(new StoryFilter(), new PageRequest());
        var seen = page.Items.ToDictionary(i => i.Story.Id, i => i.FirstSeen);

        Assert.Equal("2026-11-23T07:40:05Z", seen["s1"]);
        Assert.Equal("2026-11-23T09:40:05Z", seen["s2"]);
    }

    [Fact]
    public async Task An_article_a_story_lists_counts_for_its_first_seen_time_even_when_filed_under_another_story()
    {
        var clock = new FakeClock(Monday);
        await using var store = await SqliteArticleStore.OpenAsync(DbPath, clock);
        await store.CommitAsync(Commit("early", "old-story", "early"));
        clock.Now = Monday.AddHours(5);
        // The merged story lists the early article, whose own row still names the story it was first filed under.
        await store.CommitAsync(Commit("late", "merged", "early", "late"));

        var page = await store.GetStoriesPageAsync(new StoryFilter(), new PageRequest());

        Assert.Equal("2026-11-23T07:40:05Z", page.Items.Single(i => i.Story.Id == "merged").FirstSeen);
    }

    [Fact]
    public async Task A_version_six_database_upgrades_in_place_keeping_old_articles_without_a_first_seen_time()
    {
        await using (var old = await SqliteArticleStore.OpenAsync(DbPath, 6, CancellationToken.None))
        {
            // Written as version 6 wrote it: no ingestion time.
            using var insert = old.Connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO articles (id, seq, source, title, kind, body, story, content_hash)
                VALUES ('legacy', 1, 'legacy.txt', 'Legacy', 'article', 'An article from before first-seen times.', 'old', 'h-legacy');
                INSERT INTO stories (id, title, articles, outlets, first_published) VALUES ('old', 'Old', '["legacy"]', '[]', '2026-01-01');
                """;
            insert.ExecuteNonQuery();
        }

        var clock = new FakeClock(Monday);
        await using var store = await SqliteArticleStore.OpenAsync(DbPath, clock);
        Assert.Equal(StoreSchema.LatestVersion, await store.GetSchemaVersionAsync());
        var before = await store.GetStoriesPageAsync(new StoryFilter(), new PageRequest());
        Assert.Equal([("old", (string?)null)], before.Items.Select(i => (i.Story.Id, i.FirstSeen)));

        await store.CommitAsync(Commit("fresh", "old", "legacy", "fresh"));
        var after = await store.GetStoriesPageAsync(new StoryFilter(), new PageRequest());

        Assert.Equal("2026-11-23T07:40:05Z", after.Items.Single().FirstSeen);
        Assert.Equal("Legacy", (await store.GetArticleAsync("legacy"))!.Title);
    }

    [Fact]
    public async Task Stored_articles_and_stories_read_back_without_the_ingestion_time_so_reports_stay_the_same_from_run_to_run()
    {
        var clock = new FakeClock(Monday);
        string first;
        await using (var store = await SqliteArticleStore.OpenAsync(DbPath, clock))
        {
            await store.CommitAsync(Commit("a1", "s1", "a1"));
            first = ReportJson.SerializeLine(await store.GetStoryAsync("s1") ?? throw new InvalidOperationException()) + ReportJson.SerializeLine((await store.GetArticleAsync("a1"))!);
        }

        clock.Now = Monday.AddDays(30);
        await using (var store = await SqliteArticleStore.OpenAsync(Path.Combine(_directory, "again.db"), clock))
        {
            await store.CommitAsync(Commit("a1", "s1", "a1"));
            var second = ReportJson.SerializeLine(await store.GetStoryAsync("s1") ?? throw new InvalidOperationException()) + ReportJson.SerializeLine((await store.GetArticleAsync("a1"))!);
            Assert.Equal(first, second);
            Assert.DoesNotContain("seen", second, StringComparison.Ordinal);
            Assert.DoesNotContain("ingested", second, StringComparison.Ordinal);
        }
    }
}
