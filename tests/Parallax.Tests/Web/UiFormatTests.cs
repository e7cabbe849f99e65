using Parallax.Compare;
using Parallax.Model;
using Parallax.Web.Ui;

namespace Parallax.Tests.Web;

public sealed class UiFormatTests
{
    [Fact]
    public void Snippet_runs_mark_the_bracketed_terms_and_keep_every_other_character()
    {
        var runs = UiFormat.SnippetRuns("…the [cranes] at Quay 7 [stood] still…");
        Assert.Equal([("…the ", false), ("cranes", true), (" at Quay 7 ", false), ("stood", true), (" still…", false)], runs);
        Assert.Equal([("no match", false)], UiFormat.SnippetRuns("no match"));
        Assert.Equal([("open", true)], UiFormat.SnippetRuns("[open"));
    }

    [Theory]
    [InlineData("2026-04-13T11:42:00+02:00", "2026-04-13 11:42")]
    [InlineData("2026-04-13", "2026-04-13")]
    [InlineData(null, "date unknown")]
    public void Times_show_date_and_minute_as_the_source_wrote_them(string? published, string expected) =>
        Assert.Equal(expected, UiFormat.When(published));

    [Fact]
    public void Quote_anchors_are_safe_ids_and_links_escape_ids()
    {
        Assert.Equal("q-a_b_q1__x", UiFormat.QuoteAnchor("a.b:q1\"<x"));
        Assert.Equal("/articles/a%22%3E%3Cb%3E#q-a___b__q1", UiFormat.ArticleHref("a\"><b>", "a\"><b>:q1"));
        Assert.Equal("/speakers/sp%2Fx", UiFormat.SpeakerHref("sp/x"));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("0", 1)]
    [InlineData("-3", 1)]
    [InlineData("2x", 1)]
    [InlineData("7", 7)]
    [InlineData("99999999999", 1)]
    [InlineData("2000000000", UiEndpoints.MaxPage)]
    public void Page_numbers_from_the_query_are_positive_and_bounded(string? page, int expected) =>
        Assert.Equal(expected, UiEndpoints.PageNumber(page));

    [Fact]
    public void A_cached_story_page_is_reused_until_an_article_joins_the_story_or_it_grows_old()
    {
        var clock = new ManualClock();
        var cache = new StoryPageCache(clock);
        var story = new Story { Id = "s", Articles = ["a", "b"] };
        var model = new StoryPageModel
        {
            Story = story,
            Coverage = new StoryCoverage { Story = "s", Provenance = new Provenance() },
            Articles = new Dictionary<string, Article>(),
            Quotes = new Dictionary<string, Quote>(),
            Speakers = new Dictionary<string, Speaker>(),
            QuoteGroups = [],
        };
        cache.Add(model);
        Assert.Same(model, cache.Get(story with { Title = "same articles" }));
        Assert.Null(cache.Get(story with { Articles = ["a", "b", "c"] }));
        clock.Now += StoryPageCache.TimeToLive;
        Assert.Null(cache.Get(story));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
