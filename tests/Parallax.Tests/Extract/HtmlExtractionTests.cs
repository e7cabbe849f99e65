using System.Text;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Tests.Extract;

public sealed class HtmlExtractionTests
{
    internal const string ArticlePage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Harbour strike ends after three weeks | Eastline News</title>
          <meta property="og:site_name" content="Eastline News">
          <meta property="og:title" content="Harbour strike ends after three weeks">
          <link rel="canonical" href="https://eastline.example/news/harbour-strike-ends">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Eastline"},
            {"@type":"NewsArticle","headline":"Harbour strike ends after three weeks",
             "datePublished":"2024-05-14T09:30:00+02:00",
             "author":[{"@type":"Person","name":"Mara Lind"},{"@type":"Person","name":"Tomas Berg"}],
             "publisher":{"@type":"Organization","name":"Eastline News"}}]}
          </script>
          <script>var tracking = "not body";</script>
        </head>
        <body class="single has-sidebar">
          <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
          <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
          <main>
            <article>
              <h1>Harbour strike ends after three weeks</h1>
              <div class="byline">By Mara Lind and Tomas Berg</div>
              <p>PORT ALDER: Dock workers returned to the cranes on Tuesday after union leaders accepted a new wage offer that ends a strike of three weeks.</p>
              <p>The agreement raises pay by six percent this year and four percent next year, the union said in a statement read to reporters at the gates.</p>
              <h2>Shipping backlog</h2>
              <p>More than forty ships waited at anchor during the strike, and the port authority said clearing the backlog would take at least ten days.</p>
              <figure><img src="x.jpg"><figcaption>Cranes at the harbour, photo caption not body.</figcaption></figure>
              <p>Exporters had warned of <a href="/losses">heavy losses</a> as perishable goods piled up in cold stores near the terminal.</p>
              <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Ferry fares to rise</a></li></ul></div>
            </article>
          </main>
          <aside class="sidebar"><p>Most read: something else entirely that is long enough to be a paragraph.</p></aside>
          <footer><p>© 2024 Eastline News. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    private static ExtractionResult Html(string html, ExtractOptions? options = null, string source = "/pages/a.html") =>
        ExtractTestData.Extract(source, Encoding.UTF8.GetBytes(html), options);

    [Fact]
    public void Json_ld_metadata_fills_title_authors_date_outlet()
    {
        var a = ExtractTestData.Article(Html(ArticlePage));
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal(["Mara Lind", "Tomas Berg"], a.Authors);
        Assert.Equal("2024-05-14T09:30:00+02:00", a.Published);
        Assert.Equal("Eastline News", a.Outlet);
        Assert.Equal("https://eastline.example/news/harbour-strike-ends", a.Url);
        Assert.Equal("en", a.Language);
        Assert.Equal(PageKinds.Article, a.Kind);
    }

    [Fact]
    public void Article_body_keeps_paragraphs_and_subheadings_without_boilerplate()
    {
        var a = ExtractTestData.Article(Html(ArticlePage));
        var paragraphs = a.Body.Split("\n\n");
        Assert.StartsWith("PORT ALDER: Dock workers", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("Shipping backlog", paragraphs);
        Assert.EndsWith("near the terminal.", a.Body, StringComparison.Ordinal);
        Assert.Contains("of heavy losses as perishable", a.Body, StringComparison.Ordinal);
        foreach (var junk in (string[])["Home", "Facebook", "caption", "Ferry fares", "Most read", "All rights", "tracking", "By Mara"])
        {
            Assert.DoesNotContain(junk, a.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Thursday, 9 July 2026 - 11:05")]
    [InlineData("| 9 July 2026")]
    [InlineData("")]
    public void Author_and_date_line_without_by_at_the_top_is_header_not_body(string rest)
    {
        var html = $$$"""
            <html><head><title>Crews to appeal</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Crews to appeal","author":{"@type":"Person","name":"Lena Marsh"}}</script></head>
            <body><article><h1>Crews to appeal</h1>
            <div class="node__meta"><span><a href="/author/lena-marsh">Lena Marsh</a></span> <span>{{{rest}}}</span></div>
            <div class="field--name-body">
            <p>Fishing crews in Brennick say they will go to court to stop the wind farm, a day after the regulator approved forty-two turbines off the coast.</p>
            <p>The cooperative's lawyers would file an appeal within the thirty days the law allows, its chair said on Wednesday evening at the harbour.</p>
            <p>The developer says it has listened and will move the export cable away from the main trawling lanes used by the fleet.</p>
            </div></article></body></html>
            """;

        var a = ExtractTestData.Article(Html(html));

        Assert.StartsWith("Fishing crews in Brennick", a.Body, StringComparison.Ordinal);
        Assert.Equal(["Lena Marsh"], a.Authors);
    }

    [Fact]
    public void Title_tag_loses_its_site_suffix_when_no_other_title_exists()
    {
        const string page = "<!doctype html><html><head><title>Rates held steady for a third month | Northgate Times</title></head><body>" +
            "<p>The central bank kept its main rate unchanged on Thursday, saying inflation was easing more slowly than it had hoped in the spring.</p>" +
            "<p>Economists had expected the decision, which leaves borrowing costs at their highest level in fifteen years for households and firms.</p>" +
            "<p>The bank's governor said further moves would depend on wage growth and energy prices over the coming months and into next year.</p>" +
            "<p>Markets barely moved after the announcement, with the currency flat against the dollar and bond yields slightly lower by the close.</p></body></html>";
        var a = ExtractTestData.Article(Html(page));
        Assert.Equal("Rates held steady for a third month", a.Title);
        Assert.Equal(4, a.Body.Split("\n\n").Length);
    }

    [Fact]
    public void Link_list_page_is_not_an_article_unless_keep_all()
    {
        var sb = new StringBuilder("<!doctype html><html><head><title>World news</title></head><body><main><ul>");
        for (var i = 0; i < 30; i++)
        {
            sb.Append("<li><a href=\"/n/").Append(i).Append("\">Headline number ").Append(i).Append(" about events in the world</a></li>");
        }

        sb.Append("</ul></main></body></html>");
        var rejected = ExtractTestData.Rejection(Html(sb.ToString()), RejectReasons.NotAnArticle);
        Assert.Contains("listing", rejected.Detail, StringComparison.Ordinal);

        var kept = ExtractTestData.Article(Html(sb.ToString(), new ExtractOptions { KeepAll = true }));
        Assert.Equal(PageKinds.Listing, kept.Kind);
    }

    [Fact]
    public void Product_json_ld_makes_a_product_page()
    {
        const string page = """<!doctype html><html><head><script type="application/ld+json">{"@type":"Product","name":"Kettle"}</script></head><body><h1>Kettle</h1><p>A steel kettle that boils water quickly.</p></body></html>""";
        var rejected = ExtractTestData.Rejection(Html(page), RejectReasons.NotAnArticle);
        Assert.Contains("product", rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_text_has_no_content()
    {
        ExtractTestData.Rejection(Html("<!doctype html><html><head><title>x</title></head><body><div></div></body></html>"), RejectReasons.NoContent);
    }

    [Fact]
    public void Html_is_recognised_by_content_not_only_by_name()
    {
        var a = ExtractTestData.Article(Html(ArticlePage, source: "/pages/no-extension"));
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.DoesNotContain("<p>", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Divs_with_br_separated_text_become_paragraphs()
    {
        const string page = "<html><body><div id=\"story\">The ministry said on Monday that the new rules would apply from June and cover all regional airports.<br><br>" +
            "Airlines have until the end of May to adapt their systems, officials told reporters during a briefing in the capital.<br><br>" +
            "Passenger groups welcomed the change but asked for clearer information at check-in desks and on booking websites.</div></body></html>";
        var a = ExtractTestData.Article(Html(page));
        Assert.Equal(3, a.Body.Split("\n\n").Length);
    }

    [Theory]
    [InlineData("has-sidebar", true)]
    [InlineData("share-buttons", true)]
    [InlineData("ad-slot top", true)]
    [InlineData("breadcrumbs", true)]
    [InlineData("post-tags", true)]
    [InlineData("post-9224 post type-post hentry tag-social-media category-news", false)]
    [InlineData("tag-cloud", true)]
    [InlineData("address", false)]
    [InlineData("article-body", false)]
    [InlineData("entry-content", false)]
    [InlineData("loading", false)]
    [InlineData("post signature", true)]
    [InlineData("menu-item has-submenu", true)]
    [InlineData("legal-notice", false)]
    public void Boilerplate_class_patterns_match_by_name_part(string names, bool expected) =>
        Assert.Equal(expected, HtmlArticleExtractor.MatchesBoilerplate(names));

    [Fact]
    public void Comment_named_posts_are_body_on_a_thread_page_only()
    {
        Assert.False(HtmlArticleExtractor.MatchesBoilerplate("comment-724096_wrap", forum: true));
        Assert.True(HtmlArticleExtractor.MatchesBoilerplate("comment-724096_wrap", forum: false));
    }

    [Fact]
    public void Forum_posts_named_like_comments_survive_on_a_thread_url()
    {
        const string Post = "I have been observing from a balcony in the city for two winters now and the light pollution is the real limit, not the aperture.";
        var posts = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<article class=\"post\"><div id=\"comment-{i}_wrap\" class=\"comment-content\"><p>Reply {i}. {Post}</p></div></article>"));
        var html = "<html><head><title>First telescope? - Astronomy</title>" +
            "<link rel=\"canonical\" href=\"https://forum.example.org/t/first-telescope/1555\"></head>" +
            $"<body><nav><a href=\"/\">Home</a></nav><main><h1>First telescope?</h1>{posts}</main></body></html>";

        var a = ExtractTestData.Article(Html(html, new ExtractOptions { KeepAll = true }));

        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains($"Reply {i}.", a.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_ld_blocks_keep_their_text_when_script_text_is_dropped()
    {
        const string Html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A"}</script>
            <script src="x.js">var headline = "B";</script><SCRIPT id="b" TYPE="application/LD+JSON">  {"@type":"Person"}  </SCRIPT></head>
            <body><p>Our pages carry ld+json metadata.</p><script type="application/ld+json">   </script></body></html>
            """;
        var parser = new Parallax.Extract.Html.HtmlParser(new Parallax.Extract.Html.HtmlParserOptions { KeepScriptText = false, KeepAttributes = ExtractRules.ReadAttributes });

        var scripts = Parallax.Extract.Html.HtmlDocument.Descendants(parser.ParseDocument(Html).DocumentElement!)
            .Where(e => e.LocalName == "script").Select(e => e.TextContent.Trim()).ToList();

        Assert.Equal(4, scripts.Count);
        Assert.Contains("NewsArticle", scripts[0], StringComparison.Ordinal);
        Assert.Equal("", scripts[1]);
        Assert.Contains("Person", scripts[2], StringComparison.Ordinal);
    }
}
