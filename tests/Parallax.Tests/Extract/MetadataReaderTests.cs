using Parallax.Extract.Html;
using Parallax.Extract;

namespace Parallax.Tests.Extract;

public sealed class MetadataReaderTests
{
    private static HtmlMetadata Read(string head, string body, string? url = null)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument("<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>" + body + "</body></html>");
        return HtmlMetadataReader.Read(document, url);
    }

    [Fact]
    public void Headline_is_the_h1_that_agrees_with_the_metadata_title()
    {
        var meta = Read(
            "<title>Harbour strike ends after three weeks | Eastline</title><meta property=\"og:site_name\" content=\"Eastline\">",
            "<h1>Eastline</h1><h1>Menu</h1><article><h1>Harbour strike ends after three weeks</h1><p>Text.</p></article>");
        Assert.Equal("Harbour strike ends after three weeks", HtmlMetadataReader.ChooseTitle(meta));
        Assert.Equal(MetadataSources.H1, meta.TitleSource);
    }

    [Fact]
    public void Site_name_suffix_is_cut_from_the_title_when_no_heading_agrees()
    {
        var meta = Read("<title>Dock workers accept the wage offer - Eastline News</title><meta property=\"og:site_name\" content=\"Eastline News\">", "<h1>Subscribe today</h1>");
        Assert.Equal("Dock workers accept the wage offer", HtmlMetadataReader.ChooseTitle(meta));
        Assert.Equal(MetadataSources.DocumentTitle, meta.TitleSource);
    }

    [Fact]
    public void Site_name_prefix_is_cut_from_og_title()
    {
        var meta = Read("<meta property=\"og:site_name\" content=\"Leadline\"><meta property=\"og:title\" content=\"Leadline | State of search in 2026\">", "<p>x</p>");
        Assert.Equal("State of search in 2026", HtmlMetadataReader.ChooseTitle(meta));
    }

    [Fact]
    public void Double_encoded_entities_in_metadata_are_decoded()
    {
        var meta = Read("<meta property=\"og:title\" content=\"Costs &amp;#8211; a guide &amp;amp; more\">", "<p>x</p>");
        Assert.Equal("Costs – a guide & more", meta.OgTitle);
    }

    [Fact]
    public void Pipe_tail_of_a_title_like_h1_is_cut()
    {
        var meta = Read("<title>Best movers in the city 2025 | Top 19 Companies | Movehub</title>", "<h1>Best movers in the city 2025 | Top 19 Companies</h1>");
        Assert.Equal("Best movers in the city 2025", HtmlMetadataReader.ChooseTitle(meta));
    }

    [Fact]
    public void Json_ld_author_references_in_a_graph_are_followed()
    {
        var meta = Read(
            """<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"A","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Mara Lind"}]}</script>""",
            "<h1>A</h1>");
        Assert.Equal(["Mara Lind"], meta.Authors);
        Assert.Equal(MetadataSources.JsonLd, meta.AuthorsSource);
    }

    [Fact]
    public void Json_ld_author_arrays_give_every_name()
    {
        var meta = Read(
            """<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Mara Lind"},"Tomas Berg"]}</script>""", "<p>x</p>");
        Assert.Equal(["Mara Lind", "Tomas Berg"], meta.Authors);
    }

    [Fact]
    public void Visible_person_byline_beats_an_organisation_author()
    {
        var meta = Read(
            """<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Harbour Clinic"}}</script>""",
            "<article><h1>Sleep advice for shift workers</h1><p class=\"byline\">By Holly Brand</p><p>Body text here.</p></article>");
        Assert.Equal(["Holly Brand"], meta.Authors);
        Assert.Equal(MetadataSources.Byline, meta.AuthorsSource);
    }

    [Fact]
    public void Organisation_author_is_kept_when_nothing_else_names_one()
    {
        var meta = Read(
            """<meta property="og:site_name" content="Harbour Clinic"><script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Harbour Clinic"}}</script>""",
            "<h1>Sleep advice</h1><p>Body.</p>");
        Assert.Equal(["Harbour Clinic"], meta.Authors);
    }

    [Fact]
    public void Site_name_in_a_byline_is_not_an_author()
    {
        var meta = Read("<meta property=\"og:site_name\" content=\"Eastline News\">", "<h1>Strike ends</h1><div class=\"author\">By Eastline News</div>");
        Assert.Empty(meta.Authors);
    }

    [Fact]
    public void Email_the_author_is_not_a_name()
    {
        var meta = Read(string.Empty, "<h1>Strike ends</h1><div class=\"author-box\"><a href=\"mailto:x@y.z\">Email the author</a></div>");
        Assert.Empty(meta.Authors);
    }

    [Fact]
    public void Author_link_text_is_the_author()
    {
        var meta = Read(string.Empty, "<h1>Strike ends</h1><span>Written by <a href=\"/author/jane-doe\">Jane Doe</a></span><p>Body.</p>");
        Assert.Equal(["Jane Doe"], meta.Authors);
    }

    [Fact]
    public void Byline_label_in_its_own_element_takes_the_next_element()
    {
        var meta = Read(string.Empty, "<h1>Strike ends</h1><div><div>Written by</div><div>Jack Shepherd</div></div><p>Body.</p>");
        Assert.Equal(["Jack Shepherd"], meta.Authors);
    }

    [Fact]
    public void Byline_with_a_date_keeps_only_the_name()
    {
        var meta = Read(string.Empty, "<h1>What people love about Rust</h1><div class=\"publish-date-author\">Dec. 19, 2025 · Niko Mats on behalf of <a href=\"/g\">Vision group</a></div>");
        Assert.Equal(["Niko Mats"], meta.Authors);
        Assert.StartsWith("2025-12-19", meta.Published, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_in_an_author_box_is_not_a_name()
    {
        var meta = Read(string.Empty, "<h1>Strike ends</h1><p>By joining our monthly tabloid of what is happening you agree.</p>");
        Assert.Empty(meta.Authors);
    }

    [Fact]
    public void Login_name_in_meta_yields_to_a_visible_byline()
    {
        var meta = Read("<meta name=\"author\" content=\"andrew.keaveney\">", "<h1>Strike ends</h1><p class=\"byline\">By Denise Everhart</p>");
        Assert.Equal(["Denise Everhart"], meta.Authors);
    }

    [Fact]
    public void Microdata_author_name_is_read()
    {
        var meta = Read(string.Empty, "<div itemscope itemtype=\"https://schema.org/Article\"><span itemprop=\"author\" itemscope><span itemprop=\"name\">Ana Ruiz</span></span></div>");
        Assert.Equal(["Ana Ruiz"], meta.Authors);
        Assert.Equal(MetadataSources.Microdata, meta.AuthorsSource);
    }

    [Fact]
    public void Published_and_modified_dates_are_kept_apart()
    {
        var meta = Read(
            "<meta property=\"article:published_time\" content=\"2025-01-29T20:47:55+00:00\"><meta property=\"article:modified_time\" content=\"2025-08-19T13:25:59+00:00\">",
            "<h1>x</h1>");
        Assert.Equal("2025-01-29T20:47:55+00:00", meta.Published);
        Assert.Equal(MetadataSources.Meta, meta.PublishedSource);
        Assert.Equal("2025-08-19T13:25:59+00:00", meta.Modified);
    }

    [Fact]
    public void Json_ld_article_date_wins_over_meta()
    {
        var meta = Read(
            """<meta name="date" content="2020-01-01"><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-03-17T19:47:39+00:00","dateModified":"2024-05-03"}</script>""",
            "<h1>x</h1>");
        Assert.Equal("2024-03-17T19:47:39+00:00", meta.Published);
        Assert.Equal(MetadataSources.JsonLd, meta.PublishedSource);
        Assert.Equal("2024-05-03", meta.Modified);
    }

    [Fact]
    public void Web_page_json_ld_date_counts_when_no_article_has_one()
    {
        var meta = Read("""<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2021-01-27T06:00:00+00:00"}]}</script>""", "<h1>x</h1>");
        Assert.Equal("2021-01-27T06:00:00+00:00", meta.Published);
    }

    [Fact]
    public void Offset_is_kept_as_written_so_the_day_does_not_shift()
    {
        var meta = Read("<meta property=\"article:published_time\" content=\"2025-12-18T23:30:00-08:00\">", "<h1>x</h1>");
        Assert.StartsWith("2025-12-18", meta.Published, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_element_next_to_the_headline_is_the_date()
    {
        var meta = Read(string.Empty, "<aside><time datetime=\"2019-01-01\">old</time></aside>" + new string('x', 10).Replace("x", "<p>filler</p>") +
            "<article><h1>Strike ends</h1><time datetime=\"2024-05-14T09:30:00+02:00\">May 14</time><p>Body.</p></article>");
        Assert.Equal("2024-05-14T09:30:00+02:00", meta.Published);
        Assert.Equal(MetadataSources.TimeElement, meta.PublishedSource);
    }

    [Fact]
    public void Updated_label_makes_a_modified_date_not_a_published_one()
    {
        var meta = Read(string.Empty, "<h1>Strike ends</h1><p>Updated <time datetime=\"2025-10-08\">October 8, 2025</time></p><p>Body.</p>");
        Assert.Null(meta.Published);
        Assert.Equal("2025-10-08", meta.Modified);
    }

    [Fact]
    public void Visible_dateline_under_the_headline_is_the_date()
    {
        var meta = Read(string.Empty, "<h1>Understanding the kitchen sink</h1><div class=\"text-200\">October 3, 2024</div><p>Body.</p>");
        Assert.Equal("2024-10-03", meta.Published);
        Assert.Equal(MetadataSources.Byline, meta.PublishedSource);
    }

    [Fact]
    public void Last_updated_label_in_the_previous_element_marks_modified()
    {
        var meta = Read(string.Empty, "<div><div>Last updated:</div><div>Dec 12, 2025</div></div><h1>Top blockchain agencies</h1><p>Body.</p>");
        Assert.Null(meta.Published);
        Assert.Equal("2025-12-12", meta.Modified);
    }

    [Fact]
    public void Relative_times_are_ignored()
    {
        var meta = Read(string.Empty, "<h1>Strike ends</h1><p>Posted 3 hours ago, 2025 edition</p>");
        Assert.Null(meta.Published);
    }

    [Fact]
    public void Url_date_is_the_last_resort()
    {
        var meta = Read("<link rel=\"canonical\" href=\"https://blog.example.org/2025/12/19/what-people-love\">", "<h1>What people love</h1>");
        Assert.Equal("2025-12-19", meta.Published);
        Assert.Equal(MetadataSources.Url, meta.PublishedSource);
    }

    [Fact]
    public void Page_url_date_is_used_when_the_page_names_no_url()
    {
        var meta = Read(string.Empty, "<h1>x</h1>", "https://scratch.example.com/2025/09/04/top-trends/");
        Assert.Equal("2025-09-04", meta.Published);
    }

    [Fact]
    public void Section_language_canonical_and_outlet_are_read()
    {
        var meta = Read(
            "<meta property=\"article:section\" content=\"World\"><meta property=\"og:site_name\" content=\"Eastline\"><link rel=\"canonical\" href=\"https://eastline.example/a\">",
            "<h1>x</h1>");
        Assert.Equal("World", meta.Section);
        Assert.Equal("Eastline", meta.Outlet);
        Assert.Equal("https://eastline.example/a", meta.Url);
        Assert.Equal("en", meta.Language);
    }
}
