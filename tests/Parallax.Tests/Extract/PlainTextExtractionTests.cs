using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Tests.Extract;

public sealed class PlainTextExtractionTests
{
    private const string Body3 =
        "The city council approved the new budget on Tuesday after a long debate about road repairs and school funding.\n\n" +
        "Council members said the plan would raise spending on public transport by ten percent over the next two years.\n\n" +
        "Opponents argued that the increase was not matched by new revenue and warned of cuts later in the decade.";

    private static Article Extract(string text) => ExtractTestData.Article(ExtractTestData.ExtractText("/data/a.txt", text));

    [Fact]
    public void Repeated_headline_is_dropped_and_first_line_becomes_title()
    {
        var a = Extract("Council approves budget after long debate\n\nCouncil approves budget after long debate\n\n" + Body3);
        Assert.Equal("Council approves budget after long debate", a.Title);
        Assert.StartsWith("The city council approved", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Council approves budget", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Byline_with_people_gives_authors_but_no_outlet()
    {
        var a = Extract("Council approves budget after long debate\n\nBy Jane Doe and John Roe\n\n" + Body3);
        Assert.Equal(["Jane Doe", "John Roe"], a.Authors);
        Assert.Null(a.Outlet);
        Assert.DoesNotContain("Jane Doe", a.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Press TV")]
    [InlineData("Tasnim")]
    [InlineData("Reuters")]
    [InlineData("Northgate Times")]
    public void Byline_naming_an_outlet_sets_outlet_and_author(string outlet)
    {
        var a = Extract("Council approves budget after long debate\n\nBy " + outlet + "\n\n" + Body3);
        Assert.Equal(outlet, a.Outlet);
        Assert.Equal([outlet], a.Authors);
    }

    [Fact]
    public void Date_widget_near_byline_is_preferred_over_the_first_date()
    {
        var a = Extract("12 Jan 2022\n\nCouncil approves budget after long debate\n\nBy Jane Doe\n\nMarch 3, 2023\n\n" + Body3);
        Assert.Equal("2023-03-03", a.Published);
        Assert.DoesNotContain("2023", a.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wednesday , March 22 2023", "2023-03-22")]
    [InlineData("24 Feb 2023", "2023-02-24")]
    [InlineData("February 24, 2023", "2023-02-24")]
    [InlineData("2023-02-24", "2023-02-24")]
    [InlineData("22-03-2023", "2023-03-22")]
    [InlineData("Published: Feb 24, 2023 10:45 GMT", "2023-02-24")]
    [InlineData("Sunday 5th March 2023", "2023-03-05")]
    public void Date_lines_are_read_in_common_shapes(string line, string expected) =>
        Assert.Equal(expected, DateParser.ParseDateLine(line));

    [Theory]
    [InlineData("February 30, 2023")]
    [InlineData("The talks resumed on March 3, 2023 in Vienna")]
    [InlineData("Council approves budget")]
    public void Non_dates_and_impossible_dates_are_not_date_lines(string line) =>
        Assert.Null(DateParser.ParseDateLine(line));

    [Fact]
    public void Trailing_agency_credit_moves_from_body_to_authors()
    {
        var a = Extract("Council approves budget after long debate\n\n" + Body3 + " (AFP)");
        Assert.Equal(["AFP"], a.Authors);
        Assert.EndsWith("later in the decade.", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parenthesis_inside_the_last_sentence_is_not_a_credit()
    {
        var a = Extract("Council approves budget after long debate\n\n" + Body3 + " They cited the treaty (NPT).");
        Assert.Empty(a.Authors);
        Assert.EndsWith("They cited the treaty (NPT).", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Teaser_after_article_is_not_body()
    {
        var a = Extract("Council approves budget after long debate\n\n" + Body3 +
            "\n\nRead more\n\nMayor resigns over housing row\n\n03-03-2023 The mayor said on Friday that she would…");
        Assert.EndsWith("later in the decade.", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mayor resigns", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_bar_and_tag_lines_at_the_end_are_not_body()
    {
        var a = Extract("Council approves budget after long debate\n\n" + Body3 +
            "\n\nShare this:\n\nFacebook Twitter WhatsApp\n\nTags: budget, council, transport");
        Assert.EndsWith("later in the decade.", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_read_more_line_is_dropped_but_text_after_it_stays()
    {
        var a = Extract("Council approves budget after long debate\n\n" +
            "The city council approved the new budget on Tuesday after a long debate.\n\n" +
            "Read more: Mayor resigns over housing row\n\n" +
            "Opponents argued that the increase was not matched by new revenue.");
        Assert.Equal(2, a.Body.Split("\n\n").Length);
        Assert.DoesNotContain("Read more", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_wrapped_paragraph_lines_are_joined_with_a_space()
    {
        var a = Extract("Council approves budget after long debate\n\n" +
            "The city council approved the new budget on Tuesday after\n" +
            "a long debate about road repairs and school funding in the\n" +
            "northern districts.\n\nA second paragraph follows here.");
        Assert.Equal(
            "The city council approved the new budget on Tuesday after a long debate about road repairs and school funding in the northern districts.\n\nA second paragraph follows here.",
            a.Body);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_body()
    {
        var unix = Extract("Council approves budget after long debate\n\n" + Body3);
        var windows = Extract(("Council approves budget after long debate\n\n" + Body3).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(unix.Body, windows.Body);
        Assert.DoesNotContain('\r', windows.Body);
    }

    [Fact]
    public void Text_of_only_header_lines_has_no_content()
    {
        var result = ExtractTestData.ExtractText("/data/a.txt", "24 Feb 2023\n\nBy Jane Doe\n");
        ExtractTestData.Rejection(result, RejectReasons.NoContent);
    }

    [Fact]
    public void Clean_text_record_body_is_kept_unchanged()
    {
        const string text = "  First line.\r\n\r\nSecond\u00A0line with  double spaces.  ";
        var result = new ArticleExtractor(new ExtractOptions()).Extract(new RawDocument
        {
            Source = "in.jsonl#3",
            Id = "rec-7",
            CleanText = text,
            Title = "A title",
            Outlet = "Northgate Times",
            Published = "2023-02-24",
            Authors = ["Jane Doe"],
            Url = "https://example.org/a",
        });
        var a = ExtractTestData.Article(result);
        Assert.Same(text, a.Body);
        Assert.Equal("rec-7", a.Id);
        Assert.Equal("A title", a.Title);
        Assert.Equal("Northgate Times", a.Outlet);
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal("https://example.org/a", a.Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Blank_clean_text_record_is_empty(string text)
    {
        var result = new ArticleExtractor(new ExtractOptions()).Extract(new RawDocument { Source = "in.jsonl#1", CleanText = text });
        ExtractTestData.Rejection(result, RejectReasons.Empty);
    }

    [Fact]
    public void Id_is_file_name_for_paths_and_url_hash_otherwise()
    {
        Assert.Equal("000_ab12.txt", ArticleExtractor.DeriveId(new RawDocument { Source = "/x/y/000_ab12.txt" }, null));
        var byUrl = ArticleExtractor.DeriveId(new RawDocument { Source = "https://example.org/news/1" }, "https://example.org/news/1");
        Assert.Matches("^[0-9a-f]{16}$", byUrl);
        Assert.Equal(byUrl, ArticleExtractor.DeriveId(new RawDocument { Source = "crawl.warc.gz#1234" }, "https://example.org/news/1"));
        Assert.Equal("own", ArticleExtractor.DeriveId(new RawDocument { Source = "/x/a.txt", Id = "own" }, null));
    }
}
