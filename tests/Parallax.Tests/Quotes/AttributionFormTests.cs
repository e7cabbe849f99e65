using Parallax.Model;
using Parallax.Quotes;

namespace Parallax.Tests.Quotes;

/// <summary>Attribution forms found in US political news (the PolNeAR style), on hand-written sentences.</summary>
public sealed class AttributionFormTests
{
    private static List<Quote> Quotes(string body)
    {
        var article = SeedArticles.Article("f", body);
        var result = new QuoteExtractor().Extract(article);
        QuoteAssertions.Invariants(article, result);
        return [.. result.Quotes];
    }

    [Fact]
    public void Common_noun_source_after_the_report_is_the_speaker()
    {
        var q = Assert.Single(Quotes("The mayor left the dinner early to avoid the press, a source said."));
        Assert.Equal("a source", q.SpeakerMention);
        Assert.Equal("The mayor left the dinner early to avoid the press", q.Text);
    }

    [Fact]
    public void Titled_name_keeps_its_title_and_skips_a_party_tag()
    {
        var q = Assert.Single(Quotes("\u201CThis is a sad day,\u201D Rep. Alma Reyes (D-Ore.) said Friday."));
        Assert.Equal("Rep. Alma Reyes", q.SpeakerMention);
        Assert.Equal("This is a sad day", q.Text);
    }

    [Fact]
    public void Doubled_apostrophes_delimit_a_direct_quote()
    {
        var q = Assert.Single(Quotes("''It is not reform,'' said Mr. Olden."));
        Assert.Equal("It is not reform", q.Text);
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Equal("Mr. Olden", q.SpeakerMention);
    }

    [Fact]
    public void Quote_cut_by_its_attribution_is_one_statement()
    {
        var q = Assert.Single(Quotes("\"Every time you say that,\" Tessa Lund said, \"you help the other side.\""));
        Assert.StartsWith("Every time you say that", q.Text, StringComparison.Ordinal);
        Assert.EndsWith("you help the other side", q.Text, StringComparison.Ordinal);
        Assert.Equal("Tessa Lund", q.SpeakerMention);
    }

    [Fact]
    public void Belief_and_intention_cues_are_attributions()
    {
        var q = Assert.Single(Quotes("Mr. Obama believes that his climate work will be his legacy."));
        Assert.Equal("his climate work will be his legacy", q.Text);
        Assert.Equal("believes", q.Cue);
    }

    [Fact]
    public void According_to_a_common_noun_names_the_source()
    {
        var q = Assert.Single(Quotes("Turnout rose by a third, according to the county survey."));
        Assert.Equal("the county survey", q.SpeakerMention);
        Assert.Equal("Turnout rose by a third", q.Text);
    }

    [Fact]
    public void Transcript_label_is_the_speaker_of_its_line()
    {
        var q = Assert.Single(Quotes("A transcript of the debate follows.\n\nHOLT: Well, we will see about that tonight."));
        Assert.Equal("HOLT", q.SpeakerMention);
        Assert.Equal("Well, we will see about that tonight", q.Text);
    }

    [Fact]
    public void Signed_quote_on_its_own_line_names_its_author()
    {
        var quotes = Quotes("\u201CThe debate changed my mind.\u201D \u2015 Rosa Vidal\n\u201CI am still undecided.\u201D \u2015 Tom Berg");
        Assert.Equal(["Rosa Vidal", "Tom Berg"], quotes.Select(q => q.SpeakerMention));
    }

    [Fact]
    public void Interrupting_attribution_keeps_the_longer_side_as_content()
    {
        var q = Assert.Single(Quotes("In law school, she said, everyone was pushed along to the next case."));
        Assert.Equal("everyone was pushed along to the next case", q.Text);
        Assert.Equal("she", q.SpeakerMention);
    }

    [Fact]
    public void Scare_quotes_without_a_cue_are_not_quotes()
    {
        Assert.Empty(Quotes("The so-called \u201Cspecial military operation\u201D entered its second year."));
    }
}
