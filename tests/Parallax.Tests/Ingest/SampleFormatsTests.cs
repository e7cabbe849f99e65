using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

/// <summary>The samples' feed and WARC files read as their README says: what becomes a document and what is skipped.</summary>
public sealed class SampleFormatsTests
{
    private static async Task<List<SourceItem>> ReadAsync(IDocumentSource source)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync())
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task Sample_warc_gives_the_article_page_and_skips_robots_txt_the_404_and_the_request()
    {
        var skipped = new WarcSkipCounts();
        var path = Path.Combine(TestPaths.Samples, "warc", "riverside-post.warc.gz");

        var items = await ReadAsync(new WarcSource(path, new FileSourceOptions(), skipped));

        var document = Assert.Single(items).Document!;
        Assert.Equal("https://www.riversidepost.example/news/2026/07/09/brennick-crews-appeal-calder-ridge-wind-farm", document.Url);
        Assert.Equal("text/html", document.ContentType);
        Assert.Equal(1, skipped.NotHtml);
        Assert.Equal(1, skipped.NotOk);
        Assert.Equal(2, skipped.OtherRecordTypes);
    }

    [Fact]
    public async Task Sample_rss_item_with_content_is_a_document_named_after_the_feed_and_a_summary_only_item_needs_fetching()
    {
        var items = await ReadAsync(new FeedFileSource(Path.Combine(TestPaths.Samples, "feeds", "harbor-ledger.rss"), new FileSourceOptions()));

        Assert.Equal(2, items.Count);
        Assert.Equal("Harbor Ledger", items[0].Document!.Outlet);
        Assert.Equal(["Miriam Sato"], items[0].Document!.Authors);
        Assert.Equal(RejectReasons.NoContent, items[1].Rejection!.Reason);
        Assert.Contains("needs fetching", items[1].Rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_atom_entry_is_a_document_with_its_outlet_author_and_date()
    {
        var items = await ReadAsync(new FeedFileSource(Path.Combine(TestPaths.Samples, "feeds", "eastline-news.atom"), new FileSourceOptions()));

        var document = Assert.Single(items).Document!;
        Assert.Equal("Eastline News", document.Outlet);
        Assert.Equal(["Tobias Renn"], document.Authors);
        Assert.StartsWith("2026-07-09T07:30:00", document.Published, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbor Ledger", "Harbor Ledger")]
    [InlineData("Eastline News - Energy", "Eastline News")]
    [InlineData("The Northgate Times | World", "The Northgate Times")]
    [InlineData("Al-Ahram Weekly: Egypt", "Al-Ahram Weekly")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Outlet_is_the_channel_title_before_its_first_separator(string? channelTitle, string? outlet) =>
        Assert.Equal(outlet, FeedRules.OutletName(channelTitle));
}
