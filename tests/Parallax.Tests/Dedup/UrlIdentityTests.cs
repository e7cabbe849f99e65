using Parallax.Dedup;

namespace Parallax.Tests.Dedup;

public sealed class UrlIdentityTests
{
    private const string Page = "https://example.com/news/2024/03/quake-hits-chile";

    [Theory]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile")]
    [InlineData("http://example.com/news/2024/03/quake-hits-chile")]
    [InlineData("https://www.example.com/news/2024/03/quake-hits-chile")]
    [InlineData("HTTPS://WWW.Example.COM/news/2024/03/quake-hits-chile/")]
    [InlineData("https://example.com:443/news/2024/03/quake-hits-chile#comments")]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile?utm_source=twitter&utm_medium=social")]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile?fbclid=IwAR0abc&gclid=xyz")]
    [InlineData("https://m.example.com/news/2024/03/quake-hits-chile")]
    [InlineData("https://amp.example.com/news/2024/03/quake-hits-chile")]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile/amp")]
    [InlineData("https://example.com/amp/news/2024/03/quake-hits-chile")]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile.amp")]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile?outputType=amp")]
    [InlineData("https://example.com/news/2024/03/quake-hits-chile?amp=1")]
    [InlineData("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/2024/03/quake-hits-chile")]
    [InlineData("  https://example.com/news/2024/03/quake-hits-chile  ")]
    public void Spellings_of_one_page_normalise_to_one_url(string url)
    {
        Assert.Equal(Page, UrlIdentity.Normalize(url));
    }

    [Fact]
    public void Amp_html_file_maps_to_the_html_file()
    {
        Assert.Equal("https://example.com/a/story.html", UrlIdentity.Normalize("https://www.example.com/a/story.amp.html"));
    }

    [Fact]
    public void Parameters_that_address_the_article_are_kept_and_sorted()
    {
        var a = UrlIdentity.Normalize("https://example.com/article.php?story=42&id=7&utm_campaign=x");
        var b = UrlIdentity.Normalize("https://example.com/article.php?id=7&story=42");
        Assert.Equal("https://example.com/article.php?id=7&story=42", a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, UrlIdentity.Normalize("https://example.com/article.php?id=8&story=42"));
    }

    [Fact]
    public void Different_paths_stay_different()
    {
        Assert.NotEqual(UrlIdentity.Normalize("https://example.com/news/a"), UrlIdentity.Normalize("https://example.com/news/b"));
        Assert.NotEqual(UrlIdentity.Normalize("https://example.com/news/a"), UrlIdentity.Normalize("https://example.org/news/a"));
    }

    [Fact]
    public void Path_case_is_kept_because_servers_may_distinguish_it()
    {
        Assert.Equal("https://example.com/News/A", UrlIdentity.Normalize("https://Example.com/News/A"));
    }

    [Fact]
    public void Index_file_and_root_normalise_to_the_folder()
    {
        Assert.Equal("https://example.com/", UrlIdentity.Normalize("http://www.example.com"));
        Assert.Equal("https://example.com/", UrlIdentity.Normalize("http://www.example.com/index.html"));
        Assert.Equal("https://example.com/world", UrlIdentity.Normalize("http://www.example.com/world/index.html"));
    }

    [Fact]
    public void A_non_default_port_is_kept()
    {
        Assert.Equal("https://example.com:8080/a", UrlIdentity.Normalize("http://example.com:8080/a/"));
    }

    [Fact]
    public void Mobile_prefix_is_kept_when_it_is_the_whole_name()
    {
        Assert.Equal("https://m.co/a", UrlIdentity.Normalize("https://m.co/a"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("not a url", "not a url")]
    [InlineData("/relative/path", "/relative/path")]
    public void Blank_and_relative_input_is_handled_without_throwing(string? url, string? expected)
    {
        Assert.Equal(expected, UrlIdentity.Normalize(url));
    }

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        foreach (var url in new[] { "http://www.example.com/a/b/?utm_source=x&q=1#top", "https://m.example.com/amp/x", "https://example.com/" })
        {
            var once = UrlIdentity.Normalize(url);
            Assert.Equal(once, UrlIdentity.Normalize(once));
        }
    }
}
