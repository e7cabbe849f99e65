using Microsoft.Extensions.DependencyInjection;
using Parallax.Model;
using Parallax.Store;
using Parallax.Tests.Store;

namespace Parallax.Tests.Web;

/// <summary>First-seen times in the story list of the API and of the UI, from the server's injected clock.</summary>
public sealed class FirstSeenApiTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 40, 5, TimeSpan.Zero);

    private static ArticleCommit Commit(string id, params string[] storyArticles) => new()
    {
        Article = new Article { Id = id, Source = "inputs/" + id, Title = "Harbour cranes", Body = "Body of " + id, Story = "s1", Published = "2026-11-20" },
        ContentHash = "hash-" + id,
        Story = new Story { Id = "s1", Title = "Harbour cranes", Articles = storyArticles, FirstPublished = "2026-11-20", LastPublished = "2026-11-20" },
    };

    [Fact]
    public async Task Story_list_items_carry_first_seen_from_the_server_clock_and_the_story_report_stays_as_the_contract_has_it()
    {
        var clock = new FakeClock(Monday);
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { Clock = clock });
        var store = server.App.Services.GetRequiredService<SqliteArticleStore>();
        await store.CommitAsync(Commit("a1", "a1"));
        clock.Now = Monday.AddHours(3);
        await store.CommitAsync(Commit("a2", "a1", "a2"));

        var list = await server.GetJsonAsync("/api/stories");
        var item = list.GetProperty("stories")[0];
        var report = await server.GetJsonAsync("/api/stories/s1");
        using var home = await server.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await home.Content.ReadAsStringAsync();

        Assert.Equal("s1", item.GetProperty("id").GetString());
        Assert.Equal("2026-11-23T07:40:05Z", item.GetProperty("first_seen").GetString());
        Assert.Equal("2026-11-20", item.GetProperty("first_published").GetString());
        Assert.False(report.GetProperty("stories")[0].TryGetProperty("first_seen", out _), "the one-story report is the contract's story");
        Assert.DoesNotContain("07:40:05", report.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("first seen <time datetime=\"2026-11-23T07:40:05Z\">2026-11-23 07:40 UTC</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_whose_articles_came_before_first_seen_times_were_kept_lists_first_seen_as_null()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false);
        var store = server.App.Services.GetRequiredService<SqliteArticleStore>();
        await store.CommitAsync(Commit("a1", "a1"));
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "UPDATE articles SET ingested = NULL";
            command.ExecuteNonQuery();
        }

        var item = (await server.GetJsonAsync("/api/stories")).GetProperty("stories")[0];

        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("first_seen").ValueKind);
    }
}
