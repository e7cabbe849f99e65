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
}
