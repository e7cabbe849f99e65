using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Tests.Compare;

public sealed class CoverageAnalyzerTests
{
    private const string BodyA = "The board approved a 12 percent rise in bus and tram fares on Wednesday evening. “Nobody likes paying more,” Baptiste told Meridian Wire, Press TV reported. Children under 12 will continue to travel free of charge.";
    private const string BodyB = "The board approved a 12 percent rise in bus and tram fares on Wednesday. “Nobody likes paying more,” Baptiste said. The mayor voted against the increase and promised a discount scheme.";
    private const string BodyC = "Nobody likes paying more, Baptiste said, as the board approved a 12 percent rise in bus and tram fares on Wednesday evening.";

    private static readonly Story Story = new() { Id = "st", Articles = ["a", "b", "c"] };

    private static Article Art(string id, string body, string? dup = null) => new() { Id = id, Source = id, Outlet = "Outlet " + id.ToUpperInvariant(), Body = body, DuplicateOf = dup };

    private static Quote Q(string id, string article, string body, string text, string? speaker, params string[] via)
    {
        var start = body.IndexOf(text, StringComparison.Ordinal);
        return new Quote { Id = id, Article = article, Speaker = speaker, Kind = QuoteKinds.Direct, Text = text, Start = start, End = start + text.Length, Via = via };
    }

    private static StoryCoverage Analyze()
    {
        Article[] articles = [Art("a", BodyA), Art("b", BodyB, dup: "a"), Art("c", BodyC)];
        Quote[] quotes =
        [
            Q("a1", "a", BodyA, "Nobody likes paying more", "sp-b", "Meridian Wire", "Press TV"),
            Q("b1", "b", BodyB, "Nobody likes paying more", "sp-b"),
        ];
        var alignments = new CoverageComparer().Align(Story, articles, quotes);
        return new CoverageAnalyzer().Analyze(Story, articles, quotes, alignments);
    }

    [Fact]
    public void The_same_fact_in_plain_sentences_is_a_claim_alignment()
    {
        var coverage = Analyze();
        Assert.Contains(coverage.ClaimAlignments, c => c.A == "a" && c.B == "b" && c.AQuote is null && c.BQuote is null);
    }

    [Fact]
    public void A_sentence_only_one_article_carries_is_only_here()
    {
        var coverage = Analyze();
        var b = Assert.Single(coverage.Articles, x => x.Article == "b");
        var only = coverage.Statements.Where(s => b.OnlyHere.Contains(s.Id)).ToList();
        Assert.Contains(only, s => s.Mentions[0].Text.StartsWith("The mayor voted against", StringComparison.Ordinal));
        Assert.DoesNotContain(only, s => s.Mentions[0].Text.Contains("12 percent", StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_most_others_carry_is_left_out_where_missing()
    {
        var coverage = Analyze();
        var c = Assert.Single(coverage.Articles, x => x.Article == "c");
        var leftOut = coverage.Statements.Where(s => c.LeftOut.Contains(s.Id)).ToList();
        Assert.All(leftOut, s => Assert.True(s.Articles.Count >= 2));
        Assert.DoesNotContain(leftOut, s => s.Articles.Contains("c"));
    }

    [Fact]
    public void Via_becomes_a_chain_from_the_source_to_the_outlet()
    {
        var chain = Assert.Single(Analyze().Provenance.Chains);
        // "Baptiste told Meridian Wire, Press TV reported": Meridian Wire heard it first, Press TV cited it, Outlet A cites Press TV.
        Assert.Equal(["Meridian Wire", "Press TV", "Outlet A"], chain.Chain);
        Assert.Equal("a1", chain.Quote);
    }

    [Fact]
    public void Copies_and_first_reports_are_in_the_provenance()
    {
        var p = Analyze().Provenance;
        Assert.Equal(new Copy("b", "a", "Outlet A"), Assert.Single(p.Copies));
        Assert.Equal(["a", "b", "c"], p.Timeline.Select(t => t.Article));
        Assert.NotEmpty(p.Timeline[0].FirstReports);
        Assert.Empty(p.Timeline[1].FirstReports);
        Assert.True(p.Timeline[1].Repeats > 0);
    }

    [Fact]
    public void Statement_ids_are_unique_and_every_mention_is_exact()
    {
        var coverage = Analyze();
        var bodies = new Dictionary<string, string> { ["a"] = BodyA, ["b"] = BodyB, ["c"] = BodyC };
        Assert.Equal(coverage.Statements.Count, coverage.Statements.Select(s => s.Id).Distinct().Count());
        foreach (var m in coverage.Statements.SelectMany(s => s.Mentions))
        {
            Assert.Equal(m.Text, bodies[m.Article][m.Start..m.End]);
        }
    }
}
