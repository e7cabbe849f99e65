using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Tests.Compare;

/// <summary>A quote or sentence carrying two statements aligns with each of them (issue 7: recall of split quotes).</summary>
public sealed class StatementPartTests
{
    // Written for these tests: one outlet reports two of a governor's statements in one sentence, another quotes each.
    private const string Joined = "inflation was coming down but was not yet beaten, and that cutting too early would undo a year of hard work";
    private const string First = "Inflation is coming down, but it is not yet beaten";
    private const string Second = "Cutting too early would undo a year of hard work";
    private const string Unrelated = "House prices rising at nine percent a year while wages rise at four is not a healthy market";

    private static readonly Story Story = new() { Id = "st", Articles = ["a", "b"] };

    private static readonly Article[] Articles =
    [
        new() { Id = "a", Source = "a", Body = "" },
        new() { Id = "b", Source = "b", Body = "" },
    ];

    private static Quote Q(string id, string article, string text, int start = 0) =>
        new() { Id = id, Article = article, Kind = QuoteKinds.Indirect, Speaker = "sp-strand", Text = text, Start = start, End = start + text.Length };

    [Fact]
    public void Clause_splitter_cuts_at_and_that_between_two_reported_statements()
    {
        var parts = ClauseSplitter.Split(Joined, 0, Joined.Length);
        Assert.Equal(2, parts.Count);
        Assert.Equal("inflation was coming down but was not yet beaten", parts[0].Of(Joined));
        Assert.Equal("cutting too early would undo a year of hard work", parts[1].Of(Joined));
    }

    [Fact]
    public void Clause_splitter_keeps_a_name_list_together()
    {
        const string text = "Velmont and Ostravia accused each other of carving up the river behind closed doors";
        Assert.Single(ClauseSplitter.Split(text, 0, text.Length));
    }

    [Fact]
    public void One_sentence_with_two_statements_aligns_with_both_quotes_of_the_other_outlet()
    {
        Quote[] quotes = [Q("a1", "a", Joined), Q("b1", "b", First), Q("b2", "b", Second, 100), Q("b3", "b", Unrelated, 200)];
        var result = new CoverageComparer().Align(Story, Articles, quotes);
        Assert.Contains(result, al => al.A == "a1" && al.B == "b1");
        Assert.Contains(result, al => al.A == "a1" && al.B == "b2");
        Assert.DoesNotContain(result, al => al.B == "b3");
    }

    [Fact]
    public void A_part_alignment_diffs_the_part_not_the_whole_quote()
    {
        Quote[] quotes = [Q("a1", "a", Joined), Q("b2", "b", Second)];
        var al = Assert.Single(new CoverageComparer().Align(Story, Articles, quotes));
        Assert.DoesNotContain(al.Diff, d => d.Text.Contains("inflation", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(AlignmentRelations.Verbatim, al.Relation);
    }

    [Theory]
    [InlineData("stopped", "stop")]
    [InlineData("hoped", "hope")]
    [InlineData("taxes", "tax")]
    [InlineData("temporarily", "temporary")]
    [InlineData("operating", "operate")]
    public void Word_forms_meet_at_one_stem(string a, string b) => Assert.Equal(QuoteTerms.Stem(b), QuoteTerms.Stem(a));
}
