using System.Net;
using System.Text.RegularExpressions;
using Parallax.Web.Ui;

namespace Parallax.Tests.Web;

/// <summary>
/// Hostile markup in every stored field (titles, bodies, outlets, authors, quotes, speaker names and roles, URLs, ids)
/// comes out as text: encoded, never as elements, attributes or links. The browser half is in
/// <see cref="UiBrowserTests.Hostile_markup_on_every_page_runs_nothing_in_a_browser_with_scripts_on"/>.
/// </summary>
public sealed partial class UiSecurityTests(UiTestServer server) : IClassFixture<UiTestServer>
{
    public static TheoryData<string> HostilePages => new(HostileStory.Pages());

    [Theory]
    [MemberData(nameof(HostilePages))]
    public async Task Hostile_markup_is_encoded_on_every_page(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", Hrefs(html), StringComparer.OrdinalIgnoreCase);
        Assert.All(Hrefs(html), href => Assert.True(href.StartsWith('/') || href.StartsWith('#') || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal), href));
        // Parsed as a browser would: an attribute-breaking quote would leave an event handler on some element.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, svg, iframe, object, embed, base, meta[http-equiv]"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, document.QuerySelectorAll("link").Length);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_text_in_its_encoded_form()
    {
        var article = await server.Client.GetStringAsync(UiFormat.ArticleHref(HostileStory.ArticleA));
        Assert.Contains("&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;", article, StringComparison.Ordinal);
        Assert.Contains("Evil &lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;", article, StringComparison.Ordinal);
        Assert.Contains("x&#x27; onmouseover=&#x27;window.__pwned=1&#x27; data-x=&quot;", article, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"quote\" id=\"q-hostile-a_q1\">&lt;script&gt;", article, StringComparison.Ordinal);

        var speaker = await server.Client.GetStringAsync(UiFormat.SpeakerHref(HostileStory.SpeakerId));
        Assert.Contains("<h1>Mal Ice &lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;</h1>", speaker, StringComparison.Ordinal);

        var story = await server.Client.GetStringAsync(UiFormat.StoryHref(HostileStory.StoryId));
        Assert.Contains("aria-label=\"Wire &quot;&gt;&lt;svg onload=window.__pwned=1&gt;\"", story, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/hostile-b%22%3E%3Csvg%20onload%3Dalert%282%29%3E\"", story, StringComparison.Ordinal);
        Assert.True(story.Contains("<ins>", StringComparison.Ordinal) || story.Contains("<del>", StringComparison.Ordinal), "the hostile quotes' diff is missing");
    }

    [Fact]
    public async Task Article_urls_are_links_only_when_http_or_https()
    {
        var javascript = await server.Client.GetStringAsync(UiFormat.ArticleHref(HostileStory.ArticleA));
        Assert.DoesNotContain("class=\"source\"", javascript, StringComparison.Ordinal);
        Assert.Contains("<dd>javascript:window.__pwned=1;alert(1)</dd>", javascript, StringComparison.Ordinal);
        var data = await server.Client.GetStringAsync(UiFormat.ArticleHref(HostileStory.ArticleB));
        Assert.DoesNotContain("class=\"source\"", data, StringComparison.Ordinal);

        var withUrl = (await server.Store.GetStoriesAsync()).SelectMany(s => s.Articles).First(id => !id.StartsWith("hostile", StringComparison.Ordinal) && server.Store.GetArticleAsync(id).Result?.Url is { } u && u.StartsWith("http", StringComparison.Ordinal));
        var page = await server.Client.GetStringAsync(UiFormat.ArticleHref(withUrl));
        Assert.Matches("<a class=\"source\" href=\"https?://[^\"]+\" rel=\"nofollow noopener noreferrer\">", page);
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" JAVASCRIPT:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("vbscript:x", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/relative", null)]
    [InlineData("ftp://example.org/a", null)]
    [InlineData("https://example.org/a?b=\"c\"", "https://example.org/a?b=%22c%22")]
    [InlineData("HTTP://Example.org/", "http://example.org/")]
    public void Safe_link_keeps_only_absolute_http_and_https(string url, string? expected) =>
        Assert.Equal(expected, UiFormat.SafeLink(url));

    private static List<string> Hrefs(string html) =>
        HrefAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefAttribute();
}
