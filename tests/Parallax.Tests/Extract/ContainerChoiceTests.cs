using System.Text;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Tests.Extract;

/// <summary>Which part of a page becomes the body: boilerplate guards, widening, server-rendered fallbacks.</summary>
public sealed class ContainerChoiceTests
{
    private static readonly ExtractOptions KeepAll = new() { KeepAll = true };

    private static Article Extract(string html) =>
        ExtractTestData.Article(ExtractTestData.Extract("/pages/c.html", Encoding.UTF8.GetBytes(html), KeepAll));

    private static string Menu(int links)
    {
        var sb = new StringBuilder("<ul class=\"menu\">");
        for (var i = 0; i < links; i++)
        {
            sb.Append("<li><a href=\"/s/").Append(i).Append("\">Section ").Append(i).Append("</a></li>");
        }

        return sb.Append("</ul>").ToString();
    }

    [Fact]
    public void Topic_page_whose_item_cards_are_named_teaser_keeps_its_items()
    {
        // Each card is small and named like furniture, so the first pass removes them all; the lenient pass trusts tags only.
        var sb = new StringBuilder("<html><body>").Append(Menu(30)).Append("<main><h1>Car rental</h1><div class=\"items\">");
        for (var i = 0; i < 6; i++)
        {
            sb.Append("<div class=\"teaser-card\"><h3><a href=\"/n/").Append(i).Append("\">Travel story number ").Append(i)
                .Append(" about rental prices</a></h3><p>Holiday travellers paid more for rental cars this season, story ").Append(i)
                .Append(" reports.</p></div>");
        }

        var a = Extract(sb.Append("</div></main></body></html>").ToString());
        Assert.Contains("Holiday travellers paid more for rental cars this season, story 0", a.Body, StringComparison.Ordinal);
        Assert.Contains("story 5 reports", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Section 3", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_column_named_after_its_sidebar_keeps_the_article_inside_it()
    {
        var page = "<html><body>" + Menu(60) +
            "<section class=\"col-9 sidebar-first-only\"><article><h2>What to expect</h2>" +
            "<p>Tutoring sessions last about fifty minutes and start with a short conversation about the course and its assignments.</p>" +
            "<p>Bring your notes, the assignment sheet and any feedback you already received so the tutor can see where you stand.</p>" +
            "</article></section></body></html>";
        var a = Extract(page);
        Assert.Contains("Tutoring sessions last about fifty minutes", a.Body, StringComparison.Ordinal);
        Assert.Contains("What to expect", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Section 3", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_with_a_boilerplate_class_stays_when_it_holds_most_of_the_prose()
    {
        var page = "<html><body>" + Menu(40) + "<div class=\"content-nav-section\">" +
            "<p>Wealth-building strategies matter to every generation, and starting early gives savings the most time to grow.</p>" +
            "<p>A budget that names each expense makes it easier to see where money can move towards an emergency fund.</p>" +
            "<p>Retirement accounts offered by employers often add a matching contribution that is worth taking in full.</p>" +
            "</div><div class=\"promo-box\"><p>Open an account today and get a welcome bonus of fifty dollars.</p></div></body></html>";
        var a = Extract(page);
        Assert.Contains("Wealth-building strategies", a.Body, StringComparison.Ordinal);
        Assert.Contains("matching contribution", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("welcome bonus", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_container_holding_the_whole_page_is_read()
    {
        // Streaming server renderers park the page in a hidden element and move it into place with a script.
        var page = "<html><body><div hidden id=\"S:0\"><main>" +
            "<p>Search engine optimisation tutorials range from keyword research to technical audits of large sites.</p>" +
            "<p>The best of them show their working: the data, the tools and the mistakes made along the way.</p>" +
            "</main></div><div hidden class=\"toast\">Saved</div></body></html>";
        var a = Extract(page);
        Assert.Contains("keyword research", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Saved", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Noscript_with_server_rendered_posts_is_read_and_a_noscript_notice_is_not()
    {
        var page = "<html><body><noscript>Please enable JavaScript.</noscript><div id=\"app\"></div><noscript><div class=\"topic-body\">" +
            "<p>We are on the team plan and since last night's update the assistant refuses to review our documents properly.</p>" +
            "<p>It also loses track of the conversation after two or three turns, which it never did before the change.</p>" +
            "<p>Has anyone else on the team plan seen the same thing since the update, and is there a way to roll back?</p>" +
            "</div></noscript></body></html>";
        var a = Extract(page);
        Assert.Contains("team plan", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("enable JavaScript", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_of_many_sections_is_widened_to_all_of_them()
    {
        var sb = new StringBuilder("<html><body><nav>" + Menu(10) + "</nav><main>");
        for (var i = 0; i < 5; i++)
        {
            sb.Append("<section><h2>Feature ").Append(i).Append("</h2><div><p>Feature number ").Append(i)
              .Append(" lets teams build workflows on their shared data without writing code, and scales with them.</p></div></section>");
        }

        sb.Append("</main><footer><p>Copyright and legal notices for the whole site go here.</p></footer></body></html>");
        var a = Extract(sb.ToString());
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains($"Feature number {i} lets teams", a.Body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Copyright", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_items_made_of_long_links_are_the_body_of_a_listing()
    {
        var sb = new StringBuilder("<html><body><header>" + Menu(12) + "</header><div class=\"intro\"><p>Stay up to date with our vehicle rental coverage and reporting.</p></div><div class=\"grid\">");
        for (var i = 0; i < 12; i++)
        {
            sb.Append("<div class=\"card\"><a href=\"/story/").Append(i).Append("\"><h3>Rental car story number ").Append(i)
              .Append(" explains hidden fees</h3><p>How customers were charged for days they never kept the car, number ").Append(i).Append(".</p></a></div>");
        }

        sb.Append("</div></body></html>");
        var a = Extract(sb.ToString());
        Assert.Equal(PageKinds.Listing, a.Kind);
        Assert.Contains("Rental car story number 0 explains hidden fees", a.Body, StringComparison.Ordinal);
        Assert.Contains("Rental car story number 11 explains hidden fees", a.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("promocontainer-v2", true)]
    [InlineData("comment-list", true)]
    [InlineData("navbar", true)]
    [InlineData("story-body", false)]
    public void Boilerplate_prefixes_match_parts_whatever_their_case(string names, bool expected)
    {
        Assert.Equal(expected, HtmlArticleExtractor.MatchesBoilerplate(names));
        Assert.Equal(expected, HtmlArticleExtractor.MatchesBoilerplate(names.ToUpperInvariant()));
    }
}
