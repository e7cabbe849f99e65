using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Tests.Compare;

/// <summary>
/// Issue 7, recall on our gold: the term and matching rules that let reworded statements meet, each with the case that
/// must still stay apart. Sentences written for these tests in the manner of the samples.
/// </summary>
public sealed class ParaphraseRecallTests
{
    private static readonly Story ThreeArticleStory = new() { Id = "st", Articles = ["a", "b", "c"] };

    private static readonly Article[] ThreeArticles =
    [
        new() { Id = "a", Source = "a", Body = "" },
        new() { Id = "b", Source = "b", Body = "" },
        new() { Id = "c", Source = "c", Body = "" },
    ];

    private static Quote Q(string id, string article, string text, string? speaker = null, string? mention = null) =>
        new() { Id = id, Article = article, Kind = QuoteKinds.Indirect, Speaker = speaker, SpeakerMention = mention, Text = text, Start = 0, End = text.Length };

    private static IReadOnlyList<Alignment> Align(params Quote[] quotes) => new CoverageComparer().Align(ThreeArticleStory, ThreeArticles, quotes);

    [Fact]
    public void A_possessive_letter_is_no_content_term()
    {
        Assert.Null(QuoteTerms.Canonical("s"));
        Assert.Equal("9", QuoteTerms.Canonical("9"));
    }

    [Theory]
    [InlineData("increase", "rise")]
    [InlineData("raised", "rises")]
    [InlineData("factory", "plants")]
    [InlineData("spill", "leak")]
    [InlineData("forty", "40")]
    [InlineData("regulatory", "regulator")]
    public void A_canonical_form_meets_the_words_mapped_to_it(string a, string b) =>
        Assert.Equal(QuoteTerms.Canonical(b), QuoteTerms.Canonical(a));

    [Fact]
    public void A_block_quote_gives_its_second_statement_to_another_quote_once_its_first_is_taken()
    {
        // The block quote of article b matches the two quotes of article a part by part; the whole-to-whole score of the
        // second pair is the best one, but taking it would leave the first statement without its match.
        var quotes = new[]
        {
            Q("a1", "a", "all eleven cranes at the terminal had passed their annual certification in March", "sp-brandt", "Oskar Brandt"),
            Q("a2", "a", "We have nothing to hide and we welcome an inspection. But this stoppage was called without notice, and it is unlawful", "sp-brandt", "Oskar Brandt"),
            Q("b1", "b", "all the cranes had passed certification in March and that the company welcomed an inspection, but he called the stoppage unlawful because no notice had been given", "sp-brandt", "Oskar Brandt"),
        };

        var pairs = Align(quotes).Select(al => (al.A, al.B)).ToHashSet();

        Assert.Contains(("a1", "b1"), pairs);
        Assert.Contains(("a2", "b1"), pairs);
    }

    [Fact]
    public void A_named_speaker_restating_a_point_aligns_where_an_unnamed_one_would_not()
    {
        const string said = "this month's three-day strike at Port Alder had only a temporary effect on the prices of some imported goods";
        const string reworded = "it had a temporary effect on some import prices, mainly fresh produce, and would not alter the bank's outlook";

        var table = new TermTable();
        var score = new CoverageComparer().Score(new QuoteTerms(said, table), new QuoteTerms(reworded, table));
        Assert.Null(score); // under the general bar

        var same = Align(Q("a1", "a", said, "sp-strand", "Strand"), Q("b1", "b", reworded, "sp-strand", "Mikael Strand"));
        Assert.Single(same);

        var unnamed = Align(Q("a1", "a", said, null, "the governor"), Q("b1", "b", reworded, null, "he"));
        Assert.Empty(unnamed);
    }

    [Fact]
    public void Different_claims_of_one_named_speaker_stay_apart()
    {
        var result = Align(
            Q("a1", "a", "safety was not negotiable and the inspectorate would begin work at Kessing on Wednesday", "sp-varga", "Elena Varga"),
            Q("b1", "b", "the Kessing dispute had nothing to do with last month's strike at Port Alder", "sp-varga", "Elena Varga"));
        Assert.Empty(result);
    }

    [Fact]
    public void A_baseline_figure_does_not_tie_two_counts_together()
    {
        var result = Align(
            Q("a1", "a", "14 vessels were waiting at the outer anchorage by midday on Monday", null, "the harbour authority"),
            Q("b1", "b", "23 vessels were waiting at anchor on Wednesday, up from 14 on Monday", null, "the harbour authority"),
            Q("c1", "c", "19 vessels were at anchor by Tuesday morning, up from 14 on Monday", null, "the harbour authority"));
        Assert.Empty(result);
    }

    [Fact]
    public void A_dateline_is_left_out_of_the_lead_claim()
    {
        const string body = "KESSING (Meridian Wire) — Crane operators at the Kessing Bulk Terminal stopped work on Tuesday.";
        var article = new Article { Id = "a", Source = "a", Body = body };
        var units = ClaimAligner.Units(new Story { Id = "st", Articles = ["a"] }, [article], []);
        var unit = Assert.Single(units);
        Assert.StartsWith("Crane operators", unit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_participle_clause_after_a_comma_is_a_statement_part()
    {
        const string text = "About 2,400 dockworkers walked off the job at Port Alder on Monday, halting cargo handling at the country's busiest container port";
        var parts = ClauseSplitter.Split(text, 0, text.Length);
        Assert.Equal(2, parts.Count);
        Assert.Equal("halting cargo handling at the country's busiest container port", parts[1].Of(text));
    }

    [Fact]
    public void Including_does_not_start_a_statement_part()
    {
        const string text = "The council approved nine new bus routes across the eastern districts, including three night services to the airport";
        Assert.Single(ClauseSplitter.Split(text, 0, text.Length));
    }
}
