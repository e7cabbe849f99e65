using System.Text;
using Parallax.Extract;

namespace Parallax.Tests.Extract;

/// <summary>Which sections of a page are body: recommendation blocks, hidden tab panels, link items.</summary>
public sealed class PageSectionTests
{
    private static string Body(string html)
    {
        var result = ExtractTestData.Extract("/pages/s.html", Encoding.UTF8.GetBytes(html), new ExtractOptions { KeepAll = true });
        return ExtractTestData.Article(result).Body;
    }

    private const string Prose = "The walking boot has a waterproof membrane, a stiff sole for rocky ground and laces that hold their tension over a long day.";

    [Fact]
    public void Recommendation_heading_drops_its_section_but_not_the_sections_after_it()
    {
        var body = Body($"""
            <html><body><main>
              <h1>Ridge walking boot</h1>
              <p>{Prose}</p>
              <h2>Customers also viewed</h2>
              <h3>Trail shoe</h3>
              <p>Trail shoe in grey, a lighter shoe for dry paths and gravel tracks.</p>
              <h3>Winter boot</h3>
              <p>Winter boot with insulation, for snow and frozen ground in the hills.</p>
              <h2>Specifications</h2>
              <p>Weight 540 grams per boot. Upper of nubuck leather with a rubber rand around the toe.</p>
            </main></body></html>
            """);
        Assert.Contains("waterproof membrane", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Trail shoe", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Winter boot", body, StringComparison.Ordinal);
        Assert.Contains("Specifications", body, StringComparison.Ordinal);
        Assert.Contains("nubuck leather", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Teaser_marker_in_the_middle_drops_its_block_and_keeps_the_next_section()
    {
        var body = Body($"""
            <html><body><main>
              <p>{Prose}</p>
              <h3>Related</h3>
              <p>Gloves for winter walks, a review of six pairs tested in the rain and snow.</p>
              <h2>Fit and sizing</h2>
              <p>The boot runs half a size small, so order up if you wear thick socks on long walks.</p>
            </main></body></html>
            """);
        Assert.DoesNotContain("six pairs", body, StringComparison.Ordinal);
        Assert.Contains("half a size small", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_printed_twice_for_mobile_and_desktop_is_body_once()
    {
        var body = Body($"""
            <html><body><main>
              <div class="mobile"><p>{Prose}</p></div>
              <div class="desktop"><p>{Prose}</p></div>
              <p>Price</p><p>Price</p>
            </main></body></html>
            """);
        Assert.Equal(body.IndexOf("waterproof membrane", StringComparison.Ordinal), body.LastIndexOf("waterproof membrane", StringComparison.Ordinal));
        Assert.Equal(2, body.Split("Price").Length - 1);
    }

    [Fact]
    public void Hidden_tab_panel_inside_main_is_body_but_hidden_popup_outside_is_not()
    {
        var body = Body($"""
            <html><body>
              <div class="notice" hidden><p>Sign up today and receive a discount code for your first order in our shop.</p></div>
              <main>
                <p>{Prose}</p>
                <div role="tabpanel" hidden><p>Care: brush off dry mud, wash with lukewarm water and let the boots dry away from the heater.</p></div>
              </main>
            </body></html>
            """);
        Assert.Contains("lukewarm water", body, StringComparison.Ordinal);
        Assert.DoesNotContain("discount code", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_paragraphs_that_are_most_of_the_text_are_kept_as_items()
    {
        var items = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            items.Append($"<h3><a href=\"/story/{i}\">Council votes on the new harbour plan, part {i}</a></h3>\n");
        }

        var body = Body($"""
            <html><head><script type="application/ld+json">{"{"}"@type":"NewsArticle","headline":"Front"{"}"}</script></head><body><main>
              <p>{Prose}</p>
              {items}
            </main></body></html>
            """);
        Assert.Contains("part 0", body, StringComparison.Ordinal);
        Assert.Contains("part 11", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_link_paragraphs_in_an_article_are_still_navigation()
    {
        var body = Body($"""
            <html><head><script type="application/ld+json">{"{"}"@type":"NewsArticle","headline":"Boots"{"}"}</script></head><body><main>
              <p>{Prose}</p>
              <p>{Prose} It was tested on three ridges in the rain.</p>
              <p>{Prose} The soles lasted a whole season.</p>
              <p><a href="/previous">Previous review of gloves</a></p>
            </main></body></html>
            """);
        Assert.DoesNotContain("Previous review", body, StringComparison.Ordinal);
    }
}
