using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parallax.Web.Ui;

namespace Parallax.Tests.Web;

/// <summary>The pages as HTML over HTTP, no browser: what each shows, status codes, links.</summary>
public sealed class UiPagesTests(UiTestServer server) : IClassFixture<UiTestServer>
{
    private async Task<string> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode}\n{html}");
        if (expected != HttpStatusCode.NotModified)
        {
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        }

        return html;
    }

    [Fact]
    public async Task Home_lists_the_latest_stories_with_outlets_and_article_counts()
    {
        var story = await server.WideStoryAsync();
        var html = await GetAsync("/");
        Assert.Contains($"href=\"/stories/{story.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"{story.Articles.Count} articles", html, StringComparison.Ordinal);
        Assert.Contains(Encoder.Encode(string.Join(", ", story.Outlets)), html, StringComparison.Ordinal);
        Assert.Contains("First published", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"outlet\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_filtered_by_outlet_lists_only_that_outlets_stories()
    {
        var stories = await server.Store.GetStoriesAsync();
        var outlet = stories.SelectMany(s => s.Outlets).GroupBy(o => o).OrderBy(g => g.Count()).First().Key;
        var html = await GetAsync("/?outlet=" + Uri.EscapeDataString(outlet));
        foreach (var story in stories)
        {
            var link = $"href=\"/stories/{Uri.EscapeDataString(story.Id)}\"";
            if (story.Outlets.Contains(outlet))
            {
                Assert.Contains(link, html, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(link, html, StringComparison.Ordinal);
            }
        }

        Assert.Contains("selected", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Story_page_shows_outlet_columns_quote_variants_with_diffs_and_the_timeline()
    {
        var story = await server.WideStoryAsync();
        var html = await GetAsync(UiFormat.StoryHref(story.Id));
        Assert.Contains("Outlets side by side", html, StringComparison.Ordinal);
        Assert.True(CountOf(html, "class=\"card outlet\"") >= 2, "fewer than two outlet columns");
        Assert.Contains("<details class=\"variants card\"", html, StringComparison.Ordinal);
        Assert.Contains("<summary>", html, StringComparison.Ordinal);
        Assert.True(html.Contains("<ins>", StringComparison.Ordinal) || html.Contains("<del>", StringComparison.Ordinal), "no diff markup");
        Assert.Contains("Timeline", html, StringComparison.Ordinal);
        Assert.Contains("Who cited whom", html, StringComparison.Ordinal);
        foreach (var article in story.Articles)
        {
            Assert.Contains(UiFormat.ArticleHref(article), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Article_page_highlights_each_quote_at_its_exact_offsets_and_links_its_speaker()
    {
        var quote = (await server.Store.GetQuotesAsync()).First(q => q.Speaker is not null && q.Article != HostileStory.ArticleA && !q.Article.StartsWith("hostile", StringComparison.Ordinal));
        var html = await GetAsync(UiFormat.ArticleHref(quote.Article));
        Assert.Contains($"<mark class=\"quote\" id=\"{UiFormat.QuoteAnchor(quote.Id)}\">{Encoder.Encode(quote.Text)}</mark>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{UiFormat.SpeakerHref(quote.Speaker!)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_segments_put_every_character_back_in_order_and_cover_each_quote_exactly()
    {
        const string body = "Ana said “one two” and then “three”. Bo Li added: “four”.";
        var q1 = Quote("q1", body, "one two", "Ana");
        var q2 = Quote("q2", body, "three", null);
        var overlapping = new Parallax.Model.Quote { Id = "q3", Article = "a", Kind = "direct", Text = "two” and", Start = body.IndexOf("two", StringComparison.Ordinal), End = body.IndexOf("two", StringComparison.Ordinal) + 8 };
        var outside = new Parallax.Model.Quote { Id = "q4", Article = "a", Kind = "direct", Text = "x", Start = body.Length, End = body.Length + 5 };
        var segments = UiFormat.Segments(body, [q1, q2, overlapping, outside]);
        Assert.Equal(body, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["one two", "three"], segments.Where(s => s.Quote is not null && !s.IsSpeakerMention).Select(s => s.Text));
        Assert.Equal(["Ana"], segments.Where(s => s.IsSpeakerMention).Select(s => s.Text));
    }

    [Fact]
    public async Task Speaker_page_lists_every_quote_of_the_speaker_with_links_to_the_articles()
    {
        var quotes = await server.Store.GetQuotesAsync();
        var speaker = quotes.Where(q => q.Speaker is not null).GroupBy(q => q.Speaker!).OrderByDescending(g => g.Count()).First();
        Assert.True(speaker.Count() > UiQueries.PageSize, "the samples' most quoted speaker no longer fills two pages; pick a test that pages");
        var name = (await server.Store.GetSpeakersAsync()).Single(s => s.Id == speaker.Key).Name;
        var pages = new System.Text.StringBuilder();
        string? path = UiFormat.SpeakerHref(speaker.Key);
        while (path is not null)
        {
            var html = await GetAsync(path);
            Assert.Contains($"<h1>{Encoder.Encode(name)}</h1>", html, StringComparison.Ordinal);
            pages.Append(html);
            var next = System.Text.RegularExpressions.Regex.Match(html, "rel=\"next\" href=\"([^\"]+)\"");
            path = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        var all = pages.ToString();
        Assert.Equal(speaker.Count(), CountOf(all, "class=\"card quote\""));
        foreach (var quote in speaker)
        {
            Assert.Contains(UiFormat.ArticleHref(quote.Article, quote.Id), all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_shows_hits_with_marked_snippets_linking_to_articles()
    {
        var html = await GetAsync("/search?q=cranes");
        Assert.Contains("<label for=\"q\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"cranes\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_follow_on_without_repeating_a_hit()
    {
        var all = await server.Store.SearchAsync("the", 1000);
        Assert.True(all.Count > UiQueries.PageSize, $"only {all.Count} articles match 'the'");
        var first = await GetAsync("/search?q=the");
        var next = NextHref(first);
        Assert.StartsWith("/search?q=the&cursor=", next, StringComparison.Ordinal);
        var second = await GetAsync(next!);
        Assert.Contains("rel=\"first\" href=\"/search?q=the\"", second, StringComparison.Ordinal);
        Assert.Equal(UiQueries.PageSize, CountOf(first, "class=\"card hit\""));
        Assert.Equal(Math.Min(UiQueries.PageSize, all.Count - UiQueries.PageSize), CountOf(second, "class=\"card hit\""));
        Assert.All(all.Take(UiQueries.PageSize), hit => Assert.DoesNotContain($"href=\"{UiFormat.ArticleHref(hit.ArticleId)}\"", second, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("AND OR")]
    [InlineData("title:(")]
    public async Task An_invalid_search_is_a_friendly_message_not_an_error_page(string query)
    {
        var html = await GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains("class=\"problem\"", html, StringComparison.Ordinal);
        Assert.Contains("could not read this search", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_search_shows_the_form_only()
    {
        var html = await GetAsync("/search?q=");
        Assert.Contains("<form class=\"search\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"card hit\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/stories/no-such-story")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/speakers/no-such-speaker")]
    public async Task Unknown_ids_get_a_404_page(string path)
    {
        var html = await GetAsync(path, HttpStatusCode.NotFound);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("no-such-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_links_lead_through_every_story_once_and_bad_cursors_mean_the_first_page()
    {
        var first = await GetAsync("/?cursor=not-a-cursor");
        Assert.Equal(first, await GetAsync("/"));
        Assert.Equal(first, await GetAsync("/?page=2"));
        Assert.DoesNotContain("rel=\"first\"", first, StringComparison.Ordinal);
        var stories = await server.Store.GetStoriesAsync();
        var seen = new List<string>();
        string? path = "/";
        while (path is not null)
        {
            var html = path == "/" ? first : await GetAsync(path);
            if (path != "/")
            {
                Assert.Contains("rel=\"first\" href=\"/\"", html, StringComparison.Ordinal);
            }

            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "<h2><a href=\"/stories/([^\"]+)\"").Select(m => m.Groups[1].Value));
            path = NextHref(html);
        }

        Assert.Equal(stories.Select(s => UiFormat.StoryHref(s.Id)["/stories/".Length..]).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Story_page_and_story_json_share_one_coverage_analysis_per_story_version()
    {
        var story = await server.WideStoryAsync();
        await GetAsync(UiFormat.StoryHref(story.Id));
        var cache = server.Services.GetRequiredService<Parallax.Web.Api.StoryResponseCache>();
        var queries = server.Services.GetRequiredService<Parallax.Store.IArticleQueries>();
        var report = await queries.GetStoryReportAsync(story.Id, Parallax.Pipeline.EngineInfo.Version);
        Assert.NotNull(report);
        var kept = cache.Count;
        var coverage = await cache.GetCoverageAsync(report, CancellationToken.None);
        Assert.Equal(kept, cache.Count);
        Assert.Same(coverage, await cache.GetCoverageAsync(report, CancellationToken.None));
        Assert.Equal(story.Id, coverage.Story);
        Assert.NotEmpty(await cache.GetOrAddAsync(report, CancellationToken.None));
        Assert.Equal(kept, cache.Count);
    }

    [Fact]
    public async Task Stylesheet_is_served_with_a_validator_and_pages_load_nothing_else()
    {
        using var response = await server.Client.GetAsync(UiEndpoints.StylesheetPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("grid-template-columns", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, UiEndpoints.StylesheetPath);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var story = await server.WideStoryAsync();
        foreach (var path in new[] { "/", UiFormat.StoryHref(story.Id), UiFormat.ArticleHref(story.Articles[0]), "/search?q=port" })
        {
            var html = await GetAsync(path);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
            Assert.Equal(2, CountOf(html, "<link "));
            Assert.Contains($"<link rel=\"stylesheet\" href=\"{UiEndpoints.StylesheetPath}\"", html, StringComparison.Ordinal);
        }
    }

    private static Parallax.Model.Quote Quote(string id, string body, string text, string? mention)
    {
        var start = body.IndexOf(text, StringComparison.Ordinal);
        var who = mention is null ? -1 : body.IndexOf(mention, StringComparison.Ordinal);
        return new Parallax.Model.Quote
        {
            Id = id, Article = "a", Kind = "direct", Text = text, Start = start, End = start + text.Length, Speaker = mention is null ? null : "sp",
            SpeakerMention = mention, SpeakerStart = mention is null ? null : who, SpeakerEnd = mention is null ? null : who + mention.Length,
        };
    }

    /// <summary>The encoder Razor components write text with.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The page's "Next" link, decoded, or null on the last page.</summary>
    private static string? NextHref(string html)
    {
        var next = System.Text.RegularExpressions.Regex.Match(html, "rel=\"next\" href=\"([^\"]+)\"");
        return next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
