using System.IO.Compression;
using System.Text;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

public sealed class SitemapParserTests
{
    private const string NewsSitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url>
            <loc>https://paper.example/2025/03/04/harbour</loc>
            <lastmod>2025-03-04T09:00:00Z</lastmod>
            <news:news>
              <news:publication><news:name>Paper</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2025-03-04T08:30:00+01:00</news:publication_date>
              <news:title>Harbour &amp; budget</news:title>
            </news:news>
          </url>
          <url><loc>/relative/page</loc></url>
          <url><loc>javascript:alert(1)</loc></url>
          <url><lastmod>2025-03-01</lastmod></url>
        </urlset>
        """;

    [Fact]
    public void News_sitemap_entries_carry_title_and_publication_date()
    {
        var result = SitemapParser.Parse(Encoding.UTF8.GetBytes(NewsSitemap), new Uri("https://paper.example/sitemap.xml"));

        var sitemap = result.Sitemap!;
        Assert.Equal(SitemapKind.UrlSet, sitemap.Kind);
        Assert.Equal(["https://paper.example/2025/03/04/harbour", "https://paper.example/relative/page"], sitemap.Entries.Select(e => e.Location));
        var news = sitemap.Entries[0];
        Assert.Equal("Harbour & budget", news.NewsTitle);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.FromHours(1)), news.Published);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), news.LastModified);
    }

    [Fact]
    public void Sitemap_index_lists_child_sitemaps()
    {
        var result = SitemapParser.Parse(Encoding.UTF8.GetBytes("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://paper.example/sitemap-2025-03.xml.gz</loc><lastmod>2025-03-04</lastmod></sitemap>
              <sitemap><loc>https://paper.example/sitemap-2025-02.xml.gz</loc></sitemap>
            </sitemapindex>
            """));

        Assert.Equal(SitemapKind.Index, result.Sitemap!.Kind);
        Assert.Equal(2, result.Sitemap.Entries.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero), result.Sitemap.Entries[0].LastModified);
    }

    [Fact]
    public void Gzipped_sitemap_is_read_and_a_gzip_bomb_stops_at_the_cap()
    {
        var gz = Gzip(Encoding.UTF8.GetBytes(NewsSitemap));
        Assert.Equal(2, SitemapParser.Parse(gz, new Uri("https://paper.example/")).Sitemap!.Entries.Count);

        var bomb = Gzip(new byte[5_000_000]);
        var refused = SitemapParser.Parse(bomb, maxBytes: 1_000_000);
        Assert.Null(refused.Sitemap);
        Assert.Equal(RejectReasons.TooLarge, refused.Reason);
    }

    [Fact]
    public void Corrupt_gzip_and_other_xml_are_rejected_with_reasons()
    {
        Assert.Equal(RejectReasons.Unparseable, SitemapParser.Parse(new byte[] { 0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }).Reason);
        Assert.Equal(RejectReasons.UnsupportedFormat, SitemapParser.Parse(Encoding.UTF8.GetBytes("<rss/>")).Reason);
    }

    [Fact]
    public void Robots_txt_sitemap_lines_are_collected()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /search\nSitemap: https://paper.example/news-sitemap.xml\nsitemap:https://paper.example/index.xml # main\nSitemap: not a url\n");

        Assert.Equal(["https://paper.example/news-sitemap.xml", "https://paper.example/index.xml"], robots.Sitemaps);
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
