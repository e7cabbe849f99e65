using Parallax.Compare;
using Parallax.Model;
using Xunit.Abstractions;

namespace Parallax.Tests.Compare;

public sealed class CoverageComparerTests(ITestOutputHelper output)
{
    // Real statements from the two seed articles (Iran-Russia, February 2023): A from the earlier, B from the later.
    private const string RelationsA = "Relations between Iran and Russia are based on the political will of the leaders of the two countries";
    private const string RelationsB = "The relations between Iran and Russia are based on the political will of the leaders of the two countries";
    private const string TiesA = "Military and defense ties between the Islamic Republic of Iran and the Russian Federation sit in the framework of mutual interests of the two states and are not against any third country";
    private const string TiesB = "the military and defense relations between the two countries are in compliance with a framework of the common interests of the two countries and are not against any third country";
    private const string ArmsA = "Measures of the countries that are exporting arms worth tens of billions of dollars to the one side of the conflict are not helping to end the war";
    private const string ArmsB = "countries that export dozens of billions of dollars of weapons to one side of the war are not helping to end the war";
    private const string EconomyA = "Iran and Russian enjoy great, joint, and complementary economic capacities";
    private const string EconomyB = "Iran and Russia have great, common and complementary economic capacities";
    private const string UkraineA = "Iran and Ukraine have a history of friendly relations";
    private const string VisitB = "Hossein Amir-Abdollahian is set to visit Moscow in the near future";
    private const string HistoryA = "Iran and Russia have a long history of military cooperation which did not start since the eruption of conflict in Ukraine";
    private const string BalanceB = "Tehran and Moscow can play a vital role in generating a balance in the global energy market";

    private static readonly Story TwoArticleStory = new() { Id = "st-seed", Articles = ["a", "b"] };

    private static readonly Article[] TwoArticles =
    [
        new() { Id = "a", Source = "a", Body = "" },
        new() { Id = "b", Source = "b", Body = "" },
    ];

    private static Quote Q(string id, string article, string text, int start = 0) =>
        new() { Id = id, Article = article, Kind = QuoteKinds.Direct, Text = text, Start = start, End = start + text.Length };

    private IReadOnlyList<Alignment> AlignPair(string a, string b)
    {
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("qa", "a", a), Q("qb", "b", b)]);
        foreach (var r in result)
        {
            output.WriteLine($"{r.Relation} {r.Score}");
        }

        return result;
    }

    [Fact]
    public void Identical_quotes_are_verbatim_with_full_score()
    {
        var result = AlignPair(RelationsA, RelationsA + ".");
        var alignment = Assert.Single(result);
        Assert.Equal(AlignmentRelations.Verbatim, alignment.Relation);
        Assert.Equal(1.0, alignment.Score);
        Assert.Equal([new DiffRun(DiffOps.Same, RelationsA)], alignment.Diff);
    }

    [Fact]
    public void Shorter_quote_contained_word_for_word_is_verbatim()
    {
        var alignment = Assert.Single(AlignPair("based on the political will of the leaders", RelationsB));
        Assert.Equal(AlignmentRelations.Verbatim, alignment.Relation);
    }

    [Fact]
    public void Seed_relations_statement_is_near_verbatim()
    {
        var alignment = Assert.Single(AlignPair(RelationsA, RelationsB));
        Assert.Equal(AlignmentRelations.NearVerbatim, alignment.Relation);
        Assert.Equal("qa", alignment.A);
        Assert.Equal("qb", alignment.B);
        Assert.InRange(alignment.Score, 0.9, 0.999);
        Assert.Equal(new DiffRun(DiffOps.Insert, "The"), alignment.Diff[0]);
    }

    [Fact]
    public void Seed_defense_ties_statement_is_aligned()
    {
        var alignment = Assert.Single(AlignPair(TiesA, TiesB));
        Assert.Contains(alignment.Relation, new[] { AlignmentRelations.Paraphrase, AlignmentRelations.NearVerbatim });
    }

    [Fact]
    public void Seed_arms_exports_statement_is_a_paraphrase()
    {
        var alignment = Assert.Single(AlignPair(ArmsA, ArmsB));
        Assert.Equal(AlignmentRelations.Paraphrase, alignment.Relation);
        Assert.InRange(alignment.Score, CoverageComparer.ParaphraseThreshold, 1);
    }

    [Fact]
    public void Seed_economic_capacities_statement_is_aligned()
    {
        var alignment = Assert.Single(AlignPair(EconomyA, EconomyB));
        Assert.Contains(alignment.Relation, new[] { AlignmentRelations.Paraphrase, AlignmentRelations.NearVerbatim });
    }

    [Theory]
    [InlineData(UkraineA, VisitB)]
    [InlineData(HistoryA, BalanceB)]
    [InlineData(UkraineA, RelationsB)]
    [InlineData(HistoryA, EconomyB)]
    [InlineData(ArmsA, TiesB)]
    public void Unrelated_statements_of_one_story_are_not_aligned(string a, string b)
    {
        Assert.Empty(AlignPair(a, b));
    }

    [Fact]
    public void Quotes_of_the_same_article_are_never_aligned()
    {
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("q1", "a", RelationsA), Q("q2", "a", RelationsA, 200)]);
        Assert.Empty(result);
    }

    [Fact]
    public void Quotes_of_articles_not_given_are_ignored()
    {
        var result = new CoverageComparer().Align(TwoArticleStory, [TwoArticles[0]], [Q("q1", "a", RelationsA), Q("q2", "b", RelationsA)]);
        Assert.Empty(result);
    }

    [Fact]
    public void A_is_the_quote_of_the_earlier_article_in_story_order()
    {
        var story = TwoArticleStory with { Articles = ["b", "a"] };
        var alignment = Assert.Single(new CoverageComparer().Align(story, TwoArticles, [Q("qa", "a", RelationsA), Q("qb", "b", RelationsB)]));
        Assert.Equal("qb", alignment.A);
        Assert.Equal("qa", alignment.B);
        Assert.Equal("st-seed", alignment.Story);
        Assert.Equal(new DiffRun(DiffOps.Delete, "The"), alignment.Diff[0]);
    }

    [Fact]
    public void Each_quote_keeps_only_its_best_match_in_the_other_article()
    {
        Quote[] quotes =
        [
            Q("a1", "a", RelationsA, 0),
            Q("a2", "a", EconomyA, 300),
            Q("b1", "b", RelationsB, 0),
            Q("b2", "b", RelationsA, 200),
            Q("b3", "b", EconomyB, 400),
        ];
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, quotes);

        Assert.Equal(2, result.Count);
        Assert.Equal(("a1", "b2", AlignmentRelations.Verbatim), (result[0].A, result[0].B, result[0].Relation));
        Assert.Equal(("a2", "b3"), (result[1].A, result[1].B));
    }

    [Fact]
    public void Output_is_ordered_by_article_then_position()
    {
        var story = new Story { Id = "s", Articles = ["x", "y", "z"] };
        Article[] articles = [new() { Id = "z", Source = "z", Body = "" }, new() { Id = "y", Source = "y", Body = "" }, new() { Id = "x", Source = "x", Body = "" }];
        Quote[] quotes = [Q("z1", "z", EconomyB, 5), Q("y1", "y", EconomyA, 50), Q("x2", "x", RelationsB, 90), Q("x1", "x", EconomyB, 10), Q("y2", "y", RelationsA, 10)];
        var result = new CoverageComparer().Align(story, articles, quotes);
        Assert.Equal(
            ["x1>y1", "x1>z1", "x2>y2", "y1>z1"],
            result.Select(r => $"{r.A}>{r.B}"));
    }

    [Fact]
    public void Score_has_at_most_three_decimals()
    {
        foreach (var alignment in AlignPair(TiesA, TiesB).Concat(AlignPair(ArmsA, ArmsB)))
        {
            Assert.Equal(Math.Round(alignment.Score, 3), alignment.Score);
        }
    }
    [Fact]
    public void Reworded_statements_sharing_a_specific_figure_align_below_the_plain_bar()
    {
        const string A = "The agency estimates that about 40,000 litres of fertiliser solution entered the river";
        const string B = "About 40,000 litres of a fertiliser solution containing ammonia escaped overnight when a valve on a storage tank failed";
        var alignment = Assert.Single(AlignPair(A, B));
        Assert.Equal(AlignmentRelations.Paraphrase, alignment.Relation);
        Assert.True(alignment.Score < CoverageComparer.ParaphraseThreshold, $"score {alignment.Score} should be under the plain bar");
    }

    [Fact]
    public void The_same_rewording_with_a_different_figure_does_not_align()
    {
        const string A = "The agency estimates that about 40,000 litres of fertiliser solution entered the river";
        const string B = "About 3,000 litres of a fertiliser solution containing ammonia escaped overnight when a valve on a storage tank failed";
        Assert.Empty(AlignPair(A, B));
    }

    [Fact]
    public void Single_digits_do_not_anchor_a_fact()
    {
        Assert.False(QuoteTerms.IsSpecificFigure("6"));
        Assert.True(QuoteTerms.IsSpecificFigure("31"));
        Assert.True(QuoteTerms.IsSpecificFigure("3.75"));
        Assert.True(QuoteTerms.IsSpecificFigure("40,000"));
    }
}
