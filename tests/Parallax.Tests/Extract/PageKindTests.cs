using System.Text;
using Parallax.Extract;
using Parallax.Model;
using Xunit;

namespace Parallax.Tests.Extract;

public sealed class PageKindTests
{
    private const string Prose =
        "<p>Install the package with the command below, then restart the service so that it reads the new configuration file.</p>" +
        "<p>The configuration file lists every option with its default value; options left out keep their defaults on every start.</p>" +
        "<p>When the service starts it checks each option and writes a warning for any value it cannot use, then falls back to the default.</p>" +
        "<p>Logs go to the system journal unless a log folder is given, in which case one file is written per day and kept for a week.</p>";

    private static string Page(string url, string head = "") =>
        $"<!doctype html><html><head><title>Setting up the service</title><link rel=\"canonical\" href=\"{url}\">{head}</head>" +
        $"<body><main><h1>Setting up the service</h1>{Prose}</main></body></html>";

    private static Article Kept(string html) =>
        ExtractTestData.Article(ExtractTestData.Extract("/pages/a.html", Encoding.UTF8.GetBytes(html), new ExtractOptions { KeepAll = true }));

    [Fact]
    public void Undated_prose_under_a_docs_path_is_other()
    {
        var a = Kept(Page("https://example.org/docs/setup"));
        Assert.Equal(PageKinds.Other, a.Kind);
        Assert.Contains("Install the package", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Dated_prose_under_a_docs_path_stays_an_article()
    {
        var a = Kept(Page("https://example.org/docs/setup", "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"));
        Assert.Equal(PageKinds.Article, a.Kind);
    }

    [Fact]
    public void Undated_prose_without_other_evidence_stays_an_article()
    {
        Assert.Equal(PageKinds.Article, Kept(Page("https://example.org/setting-up-the-service")).Kind);
    }

    [Fact]
    public void Undated_prose_under_a_category_path_is_a_listing()
    {
        Assert.Equal(PageKinds.Listing, Kept(Page("https://example.org/category/guides/")).Kind);
    }

    [Fact]
    public void Og_type_product_makes_a_product_page()
    {
        Assert.Equal(PageKinds.Product, Kept(Page("https://example.org/setting-up-the-service", "<meta property=\"og:type\" content=\"product\">")).Kind);
    }
}
