using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

public sealed class FeedParserTests
{
    internal static readonly string LongParagraphs = string.Join("", Enumerable.Range(1, 8).Select(i =>
        $"<p>Paragraph {i} of the council report says the harbour budget rose by {i * 3} percent after the storm season, and residents asked why the repairs took so long to begin.</p>"));

    private static Feed Parse(string xml, string? baseUri = null)
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), baseUri is null ? null : new Uri(baseUri));
        Assert.True(result.Feed is not null, $"{result.Reason}: {result.Detail}");
        return result.Feed!;
    }

    [Fact]
    public void Rss2_items_carry_link_guid_date_authors_and_plain_text_summary()
    {
        var feed = Parse($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Harbour Gazette</title>
                <link>https://gazette.example/</link>
                <item>
                  <title>Budget &amp; storms</title>
                  <link>https://gazette.example/news/budget</link>
                  <guid isPermaLink="false">gz-1042</guid>
                  <pubDate>Tue, 04 Mar 2025 08:15:00 +0100</pubDate>
                  <dc:creator>Ana Ruiz</dc:creator>
                  <description>&lt;p&gt;The &lt;b&gt;council&lt;/b&gt; met.&lt;/p&gt;</description>
                  <content:encoded><![CDATA[{LongParagraphs}]]></content:encoded>
                </item>
                <item>
                  <title>Teaser only</title>
                  <link>/news/teaser</link>
                  <description><![CDATA[Short <i>teaser</i>.]]></description>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("Harbour Gazette", feed.Title);
        var first = feed.Items[0];
        Assert.Equal("gz-1042", first.Id);
        Assert.Equal("https://gazette.example/news/budget", first.Link);
        Assert.Equal("Budget & storms", first.Title);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 15, 0, TimeSpan.FromHours(1)), first.Published);
        Assert.Equal(["Ana Ruiz"], first.Authors);
        Assert.Equal("The council met.", first.Summary);
        Assert.True(first.HasFullContent);
        var second = feed.Items[1];
        Assert.Equal("https://gazette.example/news/teaser", second.Link);
        Assert.Equal("Short teaser.", second.Summary);
        Assert.False(second.HasFullContent);
        Assert.Null(second.Published);
    }

    [Fact]
    public void Rss_guid_that_is_a_permalink_serves_as_the_link()
    {
        var feed = Parse("""<rss version="0.92"><channel><item><guid>https://x.example/a</guid></item></channel></rss>""");

        Assert.Equal("https://x.example/a", feed.Items[0].Link);
    }

    [Fact]
    public void Rdf_feed_items_sit_beside_the_channel()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://wire.example/"><title>Wire</title><link>https://wire.example/</link></channel>
              <item rdf:about="https://wire.example/1">
                <title>First</title><link>https://wire.example/1</link>
                <dc:date>2025-03-04T10:00:00Z</dc:date><dc:creator>Lee Chen</dc:creator>
                <description>One line.</description>
              </item>
            </rdf:RDF>
            """);

        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("Wire", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://wire.example/1", item.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(["Lee Chen"], item.Authors);
    }

    [Fact]
    public void Atom_entries_resolve_relative_links_and_read_xhtml_content()
    {
        var feed = Parse($"""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
              <title type="html">&lt;b&gt;Blog&lt;/b&gt;</title>
              <link rel="self" href="https://blog.example/atom.xml"/>
              <link href="https://blog.example/"/>
              <entry>
                <id>tag:blog.example,2025:1</id>
                <title>Hello</title>
                <link rel="alternate" type="text/html" href="hello"/>
                <updated>2025-03-02T09:00:00Z</updated>
                <published>2025-03-01T09:00:00+02:00</published>
                <author><name>Sam Okafor</name></author>
                <author><name>Ida Berg</name></author>
                <summary>Short.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{LongParagraphs}</div></content>
              </entry>
            </feed>
            """);

        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("Blog", feed.Title);
        Assert.Equal("https://blog.example/", feed.Link);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://blog.example/posts/hello", entry.Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(2)), entry.Published);
        Assert.Equal(["Sam Okafor", "Ida Berg"], entry.Authors);
        Assert.True(entry.HasFullContent);
        Assert.StartsWith("<p", entry.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_ampersands_and_html_entities_are_repaired()
    {
        var feed = Parse("""<rss><channel><title>Fish & Chips&nbsp;Daily</title><item><title>A &mdash; B</title><link>https://x.example/?a=1&b=2</link></item></channel></rss>""");

        Assert.Equal("Fish & Chips\u00a0Daily".Replace('\u00a0', ' '), feed.Title!.Replace('\u00a0', ' '));
        Assert.Equal("A \u2014 B", feed.Items[0].Title);
        Assert.Equal("https://x.example/?a=1&b=2", feed.Items[0].Link);
    }

    [Fact]
    public void A_dtd_is_refused_so_entities_cannot_expand()
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss><channel><title>&b;</title></channel></rss>
            """));

        Assert.Null(result.Feed);
        Assert.Equal(RejectReasons.Unparseable, result.Reason);
    }

    [Fact]
    public void Non_feed_xml_and_oversized_input_are_rejected_with_reasons()
    {
        Assert.Equal(RejectReasons.UnsupportedFormat, FeedParser.Parse(Encoding.UTF8.GetBytes("<html><body/></html>")).Reason);
        Assert.Equal(RejectReasons.TooLarge, FeedParser.Parse(new byte[2000], maxBytes: 1000).Reason);
        Assert.Equal(RejectReasons.Unparseable, FeedParser.Parse(Encoding.UTF8.GetBytes("<rss><channel>")).Reason);
        Assert.Equal(RejectReasons.Empty, FeedParser.Parse(Encoding.UTF8.GetBytes("  ")).Reason);
    }

    [Theory]
    [InlineData("Tue, 04 Mar 2025 08:15:00 GMT", "2025-03-04T08:15:00+00:00")]
    [InlineData("Wed, 04 Mar 2025 08:15:00 GMT", "2025-03-04T08:15:00+00:00")]
    [InlineData("04 Mar 2025 08:15 EST", "2025-03-04T08:15:00-05:00")]
    [InlineData("Tue, 4 Mar 25 08:15:00 +0530", "2025-03-04T08:15:00+05:30")]
    [InlineData("Tue, 04 March 2025 08:15:00 -07:00", "2025-03-04T08:15:00-07:00")]
    [InlineData("Tue, 04 Mar 2025 08:15:00", "2025-03-04T08:15:00+00:00")]
    [InlineData("Mar 4, 2025 08:15:00 PDT", "2025-03-04T08:15:00-07:00")]
    [InlineData("Tue, 04 Mar 2025 08:15:00 CEST", "2025-03-04T08:15:00+02:00")]
    [InlineData("2025-03-04T08:15:00Z", "2025-03-04T08:15:00+00:00")]
    [InlineData("2025-03-04T08:15:00.123+01:00", "2025-03-04T08:15:00+01:00")]
    [InlineData("2025-03-04T08:15:00", "2025-03-04T08:15:00+00:00")]
    [InlineData("2025-03-04 08:15:00 UTC", "2025-03-04T08:15:00+00:00")]
    [InlineData("2025-03-04", "2025-03-04T00:00:00+00:00")]
    public void Broken_and_variant_dates_are_read(string text, string expected)
    {
        Assert.Equal(expected, FeedDates.Format(FeedDates.Parse(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2025 08:15:00 GMT")]
    [InlineData("Tue, 04 Mar 2025 25:15:00 GMT")]
    [InlineData("0202-03-04T08:15:00Z")]
    public void Unreadable_dates_are_null(string text)
    {
        Assert.Null(FeedDates.Parse(text));
    }

    [Fact]
    public void Feeds_are_discovered_from_a_page_head()
    {
        var feeds = FeedDiscovery.Discover("""
            <html><head>
              <link rel="stylesheet" href="/s.css">
              <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.rss">
              <link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
              <link rel="alternate" hreflang="fr" href="/fr/">
              <link rel="alternate" type="application/rss+xml" href="/feed.rss">
            </head><body></body></html>
            """, new Uri("https://news.example/section/page"));

        Assert.Equal(["https://news.example/feed.rss", "https://other.example/atom"], feeds.Select(f => f.AbsoluteUri));
    }

    [Fact]
    public async Task A_feed_file_yields_full_content_items_and_rejects_the_rest_as_needing_fetching()
    {
        var dir = Directory.CreateTempSubdirectory("parallax-feed-");
        try
        {
            var path = Path.Combine(dir.FullName, "gazette.rss");
            await File.WriteAllTextAsync(path, $"""
                <rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>G</title>
                  <item><title>Harbour budget rises</title><link>https://gazette.example/full</link><pubDate>Tue, 04 Mar 2025 08:15:00 GMT</pubDate>
                    <content:encoded><![CDATA[{LongParagraphs}]]></content:encoded></item>
                  <item><title>Teaser</title><link>https://gazette.example/teaser</link><description>Only a line.</description></item>
                </channel></rss>
                """);

            var items = new List<SourceItem>();
            await foreach (var item in new FileSource([dir.FullName], new FileSourceOptions()).ReadAsync())
            {
                items.Add(item);
            }

            Assert.Equal(2, items.Count);
            var document = items[0].Document!;
            Assert.Equal(path + "#1", document.Source);
            Assert.Equal("https://gazette.example/full", document.Url);
            Assert.Equal("2025-03-04T08:15:00+00:00", document.Published);
            var article = new Parallax.Extract.ArticleExtractor(new Parallax.Extract.ExtractOptions()).Extract(document).Article;
            Assert.NotNull(article);
            Assert.Contains("harbour budget rose by 3 percent", article.Body, StringComparison.Ordinal);
            Assert.Equal("Harbour budget rises", article.Title);
            var rejection = items[1].Rejection!;
            Assert.Equal(RejectReasons.NoContent, rejection.Reason);
            Assert.Contains("needs fetching", rejection.Detail, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_xml_file_that_is_not_a_feed_stays_unsupported()
    {
        var dir = Directory.CreateTempSubdirectory("parallax-feed-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "config.xml"), "<configuration/>");
            var items = new List<SourceItem>();
            await foreach (var item in new FileSource([dir.FullName], new FileSourceOptions()).ReadAsync())
            {
                items.Add(item);
            }

            Assert.Equal(RejectReasons.UnsupportedFormat, Assert.Single(items).Rejection!.Reason);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Random_and_truncated_input_never_throws()
    {
        var sample = Encoding.UTF8.GetBytes($"""<rss><channel><item><title>T</title><link>/a</link><pubDate>Tue, 04 Mar 2025</pubDate><description>{LongParagraphs}</description></item></channel></rss>""");
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))), bytes =>
        {
            var result = FeedParser.Parse(bytes);
            return result.Feed is not null || result.Reason is not null;
        }).QuickCheckThrowOnFailure();
        Prop.ForAll(Gen.Choose(0, sample.Length).ToArbitrary(), cut =>
        {
            var result = FeedParser.Parse(sample.AsMemory(0, cut));
            return result.Feed is not null || result.Reason is not null;
        }).QuickCheckThrowOnFailure();
    }
}
