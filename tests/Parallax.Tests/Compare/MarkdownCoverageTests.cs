using Parallax.Compare;
using Parallax.Model;
using Parallax.Pipeline;

namespace Parallax.Tests.Compare;

/// <summary>The Markdown report carries the coverage analysis JSON and HTML have (issue 7, item 4).</summary>
public sealed class MarkdownCoverageTests
{
    private const string BodyA = "The board approved a 12 percent rise in bus and tram fares on Wednesday evening. “Nobody likes paying more,” Baptiste told Meridian Wire, Press TV reported. Children under 12 will continue to travel free of charge.";
    private const string BodyB = "The board approved a 12 percent rise in bus and tram fares on Wednesday. “Nobody likes paying more,” Baptiste said. The mayor voted against the increase and promised a discount scheme for pensioners. Children under 12 will continue to travel free of charge.";
    private const string BodyC = "Nobody likes paying more, Baptiste said, as the board approved a 12 percent rise in bus and tram fares on Wednesday evening.";

    private static Quote Q(string id, string article, string body, string text, params string[] via)
    {
        var start = body.IndexOf(text, StringComparison.Ordinal);
        return new Quote { Id = id, Article = article, Speaker = "sp-b", Kind = QuoteKinds.Direct, Text = text, Start = start, End = start + text.Length, Via = via };
    }

    private static string Markdown()
    {
        var story = new Story { Id = "st", Title = "Fares rise", Articles = ["a", "b", "c"], Outlets = ["Outlet A", "Outlet B", "Outlet C"] };
        Article[] articles =
        [
            new() { Id = "a", Source = "a", Outlet = "Outlet A", Title = "Fares up", Published = "2026-06-10", Body = BodyA, Story = "st" },
            new() { Id = "b", Source = "b", Outlet = "Outlet B", Title = "Fares up 12%", Published = "2026-06-11", Body = BodyB, Story = "st", DuplicateOf = "a" },
            new() { Id = "c", Source = "c", Outlet = "Outlet C", Title = "Fare rise", Published = "2026-06-12", Body = BodyC, Story = "st" },
        ];
        Quote[] quotes = [Q("a1", "a", BodyA, "Nobody likes paying more", "Meridian Wire", "Press TV"), Q("b1", "b", BodyB, "Nobody likes paying more")];
        var alignments = new CoverageComparer().Align(story, articles, quotes);
        var report = new Report
        {
            Parallax = "test",
            Articles = articles,
            Stories = [story],
            Speakers = [new Speaker { Id = "sp-b", Name = "Leon Baptiste" }],
            Quotes = quotes,
            Alignments = alignments,
        };
        return MarkdownReportWriter.Write(report);
    }

    [Fact]
    public void Markdown_report_has_the_timeline_with_first_reports()
    {
        var md = Markdown();
        Assert.Contains("### Timeline", md, StringComparison.Ordinal);
        Assert.Contains("| first to report | repeats |", md, StringComparison.Ordinal);
        Assert.Contains("near-copy of Outlet A", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_lists_what_an_outlet_alone_reports_and_what_it_leaves_out()
    {
        var md = Markdown();
        Assert.Contains("### What each outlet alone reports, and what it leaves out", md, StringComparison.Ordinal);
        Assert.Contains("The mayor voted against the increase", md, StringComparison.Ordinal);
        Assert.Contains("- left out:\n  - Children under 12 will continue to travel free of charge.", md.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_shows_the_same_fact_and_the_citation_chain()
    {
        var md = Markdown();
        Assert.Contains("### The same fact across outlets", md, StringComparison.Ordinal);
        Assert.Contains("Meridian Wire → Press TV → Outlet A", md, StringComparison.Ordinal);
    }
}
