using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parallax.Pipeline;
using Parallax.Store;
using Parallax.Tests.Pipeline;

namespace Parallax.Tests.Web;

public sealed class ApiReadTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private ApiTestServer Server => fixture.Server;

    private async Task<Parallax.Model.Report> StoredReportAsync()
    {
        var store = (IArticleStore)Server.App.Services.GetService(typeof(IArticleStore))!;
        return await ReportBuilder.BuildAsync(store, "test", CancellationToken.None);
    }

    [Fact]
    public async Task Walking_story_pages_visits_every_story_once_newest_first()
    {
        var report = await StoredReportAsync();
        var first = await Server.GetJsonAsync("/api/stories?limit=2");
        var stories = await Server.WalkAsync("/api/stories?limit=2", "stories");

        var ids = stories.Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.True(report.Stories.Count > 2, "the samples make several stories");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(report.Stories.Select(s => s.Id).Order(), ids.Order());
        Assert.Equal(report.Stories.Count, first.GetProperty("total").GetInt64());
        var dates = stories.Select(s => s.GetProperty("first_published").GetString() ?? "").ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Next_link_is_also_sent_as_a_link_header()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/stories?limit=1", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var next = body.GetProperty("next").GetString();

        Assert.NotNull(next);
        Assert.StartsWith("/api/stories?limit=1&cursor=", next, StringComparison.Ordinal);
        Assert.Contains($"<{next}>; rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlet_filter_keeps_only_stories_the_outlet_covered_in_any_letter_case()
    {
        var report = await StoredReportAsync();
        var outlet = report.Stories.SelectMany(s => s.Outlets).GroupBy(o => o).OrderByDescending(g => g.Count()).First().Key;
        var expected = report.Stories.Where(s => s.Outlets.Contains(outlet)).Select(s => s.Id).Order().ToList();

        var stories = await Server.WalkAsync($"/api/stories?limit=1&outlet={Uri.EscapeDataString(outlet.ToUpperInvariant())}", "stories");

        Assert.Equal(expected, stories.Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.True(expected.Count < report.Stories.Count, "the filter must leave some stories out");
    }

    [Fact]
    public async Task Date_filter_keeps_stories_whose_span_overlaps_the_days()
    {
        var report = await StoredReportAsync();
        var dated = report.Stories.Where(s => s.FirstPublished is not null).ToList();
        var day = dated.Select(s => s.FirstPublished![..10]).Order(StringComparer.Ordinal).First();
        var expected = dated.Where(s => string.CompareOrdinal(s.FirstPublished![..10], day) <= 0
                && string.CompareOrdinal((s.LastPublished ?? s.FirstPublished)![..10], day) >= 0)
            .Select(s => s.Id).Order().ToList();

        var stories = await Server.WalkAsync($"/api/stories?from={day}&to={day}", "stories");
        var none = await Server.GetJsonAsync("/api/stories?from=2999-01-01");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, stories.Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.Empty(none.GetProperty("stories").EnumerateArray());
        Assert.Equal(0, none.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Story_json_keeps_the_contract_and_is_the_show_report_with_coverage()
    {
        var store = (IArticleStore)Server.App.Services.GetService(typeof(IArticleStore))!;
        var stories = await store.GetStoriesAsync();
        foreach (var story in stories)
        {
            var json = await Server.GetJsonAsync($"/api/stories/{Uri.EscapeDataString(story.Id)}");
            Assert.Empty(ReportContract.Violations(json));

            var report = await ReportBuilder.BuildStoryAsync(store, story.Id, EngineInfo.Version, CancellationToken.None);
            var expected = JsonNode.Parse(CoverageReport.Serialize(report!));
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json.GetRawText())), $"story {story.Id} differs from `parallax show`");
        }
    }

    [Fact]
    public async Task Get_sends_a_strong_etag_and_answers_a_matching_if_none_match_with_304()
    {
        using var first = await Server.Client.GetAsync(new Uri("/api/stories", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stories", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await Server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stories", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var third = await Server.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Json_is_utf8_and_every_response_carries_the_security_headers()
    {
        using var response = await Server.Client.GetAsync(new Uri("/api/articles?limit=1", UriKind.Relative));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/stories/no-such-story")]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/speakers/no-such-speaker")]
    [InlineData("/api/speakers/no-such-speaker/quotes")]
    [InlineData("/api/no-such-list")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative));
        await ProblemAssert.IsProblemAsync(response, 404);
    }

    [Theory]
    [InlineData("/api/stories?limit=0")]
    [InlineData("/api/stories?limit=101")]
    [InlineData("/api/stories?limit=ten")]
    [InlineData("/api/stories?cursor=not-a-cursor")]
    [InlineData("/api/stories?from=yesterday")]
    [InlineData("/api/articles?cursor=cw")]
    [InlineData("/api/speakers?limit=-1")]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=%22unbalanced")]
    [InlineData("/api/search?q=AND")]
    public async Task Bad_parameters_are_400_problems(string path)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative));
        await ProblemAssert.IsProblemAsync(response, 400);
    }

    [Fact]
    public async Task A_cursor_of_one_list_is_refused_by_another()
    {
        var articles = await Server.GetJsonAsync("/api/articles?limit=1");
        var cursor = articles.GetProperty("next").GetString()!.Split("cursor=")[1];

        using var response = await Server.Client.GetAsync(new Uri($"/api/stories?cursor={cursor}", UriKind.Relative));
        await ProblemAssert.IsProblemAsync(response, 400);
    }

    [Fact]
    public async Task A_server_error_is_a_500_problem_without_the_exception()
    {
        using var response = await Server.Client.GetAsync(new Uri("/test/boom", UriKind.Relative));
        await ProblemAssert.IsProblemAsync(response, 500);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/internal", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walking_article_pages_visits_every_article_once_and_filters_by_outlet_and_story()
    {
        var report = await StoredReportAsync();
        var all = await Server.WalkAsync("/api/articles?limit=3", "articles");
        Assert.Equal(report.Articles.Select(a => a.Id).Order(), all.Select(a => a.GetProperty("id").GetString()!).Order());

        var outlet = report.Articles.First(a => a.Outlet is not null).Outlet!;
        var byOutlet = await Server.WalkAsync($"/api/articles?limit=2&outlet={Uri.EscapeDataString(outlet)}", "articles");
        Assert.Equal(
            report.Articles.Where(a => string.Equals(a.Outlet, outlet, StringComparison.OrdinalIgnoreCase)).Select(a => a.Id).Order(),
            byOutlet.Select(a => a.GetProperty("id").GetString()!).Order());

        var story = report.Articles.First(a => a.Story is not null).Story!;
        var byStory = await Server.WalkAsync($"/api/articles?story={Uri.EscapeDataString(story)}", "articles");
        Assert.Equal(
            report.Articles.Where(a => a.Story == story).Select(a => a.Id).Order(),
            byStory.Select(a => a.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task One_article_comes_with_its_quotes_whose_offsets_cut_the_body()
    {
        var report = await StoredReportAsync();
        var quoted = report.Quotes.GroupBy(q => q.Article).OrderByDescending(g => g.Count()).First();

        var json = await Server.GetJsonAsync($"/api/articles/{Uri.EscapeDataString(quoted.Key)}");
        var body = json.GetProperty("article").GetProperty("body").GetString()!;
        var quotes = json.GetProperty("quotes").EnumerateArray().ToList();

        Assert.Equal(quoted.Count(), quotes.Count);
        foreach (var quote in quotes)
        {
            var start = quote.GetProperty("start").GetInt32();
            var end = quote.GetProperty("end").GetInt32();
            Assert.Equal(quote.GetProperty("text").GetString(), body[start..end]);
        }
    }

    [Fact]
    public async Task Speakers_are_most_quoted_first_and_their_quote_pages_hold_all_their_quotes()
    {
        var report = await StoredReportAsync();
        var speakers = await Server.WalkAsync("/api/speakers?limit=2", "speakers");
        var counts = speakers.Select(s => s.GetProperty("quote_count").GetInt32()).ToList();

        Assert.Equal(report.Speakers.Select(s => s.Id).Order(), speakers.Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.Equal(counts.OrderDescending(), counts);

        var top = speakers[0].GetProperty("id").GetString()!;
        var one = await Server.GetJsonAsync($"/api/speakers/{Uri.EscapeDataString(top)}");
        Assert.Equal(counts[0], one.GetProperty("quote_count").GetInt32());

        var quotes = await Server.WalkAsync($"/api/speakers/{Uri.EscapeDataString(top)}/quotes?limit=1", "quotes");
        Assert.Equal(
            report.Quotes.Where(q => q.Speaker == top).Select(q => q.Id).Order(),
            quotes.Select(q => q.GetProperty("id").GetString()!).Order());

        var page = await Server.GetJsonAsync($"/api/speakers/{Uri.EscapeDataString(top)}/quotes");
        var articleIds = page.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet();
        Assert.All(page.GetProperty("quotes").EnumerateArray(), q => Assert.Contains(q.GetProperty("article").GetString(), articleIds));
        Assert.Equal(counts[0], page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_pages_by_offset_without_repeating_a_hit()
    {
        var report = await StoredReportAsync();
        var word = "port";
        var first = await Server.GetJsonAsync($"/api/search?q={word}&limit=50");
        var all = first.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("article_id").GetString()!).ToList();

        var walked = await Server.WalkAsync($"/api/search?q={word}&limit=1", "hits");
        var ids = walked.Select(h => h.GetProperty("article_id").GetString()!).ToList();

        Assert.True(all.Count >= 2, "the samples mention the port in several articles");
        Assert.Equal(all, ids);
        Assert.All(walked, h => Assert.Contains(h.GetProperty("article_id").GetString(), report.Articles.Select(a => a.Id)));
        Assert.Contains("[", walked[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        var doc = await Server.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        string[] expected =
        [
            "/api/stories", "/api/stories/{id}", "/api/articles", "/api/articles/{id}", "/api/speakers", "/api/speakers/{id}",
            "/api/speakers/{id}/quotes", "/api/search", "/api/ingest",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/api/ingest").TryGetProperty("post", out _));
    }
}
