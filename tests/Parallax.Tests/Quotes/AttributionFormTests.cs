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

    [Fact]
    public void Speech_verb_inside_a_subordinate_clause_reports_what_follows()
    {
        var q = Assert.Single(Quotes("The senator gave no figures, though she said \u201Cnew fees\u201D would pay for the bridge."));
        Assert.Equal("she", q.SpeakerMention);
        Assert.Equal("\u201Cnew fees\u201D would pay for the bridge", q.Text);
        Assert.Equal(QuoteKinds.Mixed, q.Kind);
    }

    [Fact]
    public void Relative_who_is_the_speaker_of_its_clause()
    {
        var q = Assert.Single(Quotes("The board hired a builder who said the roof had been poorly repaired."));
        Assert.Equal("who", q.SpeakerMention);
        Assert.Equal("the roof had been poorly repaired", q.Text);
    }

    [Fact]
    public void Capitalised_states_in_a_country_name_is_not_a_cue()
    {
        Assert.Empty(Quotes("Exports to the United States grew by a fifth over the winter."));
    }

    [Fact]
    public void Introduction_holding_a_quoted_title_leaves_the_subject_leading()
    {
        var q = Assert.Single(Quotes("On Sunday\u2019s edition of \u201CMorning Desk,\u201D Mayor Ida Brandt said the levy would stay."));
        Assert.Equal("Ida Brandt", q.SpeakerMention);
        Assert.Equal("the levy would stay", q.Text);
    }

    [Fact]
    public void Name_before_several_comma_phrases_is_the_speaker()
    {
        var q = Assert.Single(Quotes("\u201CWe will appeal,\u201D Tom Ruiz, the attorney general of Nevada, one of the states in the suit, said."));
        Assert.Equal("Tom Ruiz", q.SpeakerMention);
        Assert.Equal("We will appeal", q.Text);
    }

    [Fact]
    public void Common_noun_source_after_an_inverted_cue_is_the_speaker()
    {
        var q = Assert.Single(Quotes("\u201CThe talks are stuck,\u201D said one senior source in the delegation."));
        Assert.Equal("one senior source in the delegation", q.SpeakerMention);
        Assert.Equal("The talks are stuck", q.Text);
    }

    [Fact]
    public void Possessive_owner_of_a_claim_noun_is_the_speaker()
    {
        var q = Assert.Single(Quotes("Fact checkers examined Ortega\u2019s claim that crime had \u201Cdoubled\u201D in a year."));
        Assert.Equal("Ortega\u2019s", q.SpeakerMention);
        Assert.Equal("crime had \u201Cdoubled\u201D in a year", q.Text);
    }

    [Fact]
    public void Government_with_a_weekday_before_its_verb_is_the_speaker()
    {
        var q = Assert.Single(Quotes("Iran\u2019s Foreign Ministry on Monday rejected the report as \u201Cbaseless.\u201D"));
        Assert.Equal("Iran\u2019s Foreign Ministry", q.SpeakerMention);
        Assert.StartsWith("the report as", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_quote_ending_in_a_period_names_its_author()
    {
        var q = Assert.Single(Quotes("\u201CWe came here to work.\u201D\u2015 Lena Ortiz."));
        Assert.Equal("Lena Ortiz", q.SpeakerMention);
        Assert.Equal(QuoteKinds.Direct, q.Kind);
    }

    [Fact]
    public void Name_with_a_place_and_an_apposition_is_the_subject_of_a_leading_cue()
    {
        var q = Assert.Single(Quotes("Rep. Ada Lowe of Ohio, a member of the budget panel, said the plan would fail."));
        Assert.Equal("Rep. Ada Lowe", q.SpeakerMention);
        Assert.Equal("the plan would fail", q.Text);
    }

    [Fact]
    public void Introduction_before_the_subject_is_not_content_when_a_report_follows_the_verb()
    {
        var q = Assert.Single(Quotes("Lashing out, Trump said the justice had \u201Cembarrassed\u201D the court."));
        Assert.Equal("Trump", q.SpeakerMention);
        Assert.Equal(QuoteKinds.Mixed, q.Kind);
        Assert.Equal("the justice had \u201Cembarrassed\u201D the court", q.Text);
    }

    [Fact]
    public void Quotation_closed_by_a_comma_takes_an_unlisted_verb_after_its_subject()
    {
        var q = Assert.Single(Quotes("\u201CDenver,\u201D he answered."));
        Assert.Equal("he", q.SpeakerMention);
        Assert.Equal("Denver", q.Text);
    }

    [Fact]
    public void Inverted_verb_reads_a_long_speaker_phrase_up_to_its_comma()
    {
        var q = Assert.Single(Quotes("\u201CThis is just a show,\u201D said Virginia delegate Ben Ortiz, angered by the vote."));
        Assert.Equal("Ben Ortiz", q.SpeakerMention);
        Assert.Equal("This is just a show", q.Text);
    }

    [Fact]
    public void Names_before_a_colon_and_a_quotation_are_its_speakers()
    {
        var q = Assert.Single(Quotes("Mark Hale and Jon Reed: \u201CThe polls closed too early.\u201D"));
        Assert.Equal("Mark Hale and Jon Reed", q.SpeakerMention);
        Assert.Equal("The polls closed too early", q.Text);
    }

    [Fact]
    public void Headline_label_in_title_case_is_a_speaker()
    {
        var q = Assert.Single(Quotes("Hale: Budget talks are not over"));
        Assert.Equal("Hale", q.SpeakerMention);
        Assert.Equal("Budget talks are not over", q.Text);
    }

    [Fact]
    public void Speech_verb_after_and_shares_the_sentence_subject()
    {
        var q = Assert.Single(Quotes("Judge Rivera doubled down on the ruling and said the law was \u201Cplainly void.\u201D"));
        Assert.Equal("Rivera", q.SpeakerMention);
        Assert.StartsWith("the law was", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_after_a_question_mark_belongs_to_the_quotation_before_it()
    {
        var q = Assert.Single(Quotes("\u201CWho do they think they are?\u201D Trump said of Apple."));
        Assert.Equal("Trump", q.SpeakerMention);
        Assert.Equal("Who do they think they are?", q.Text);
    }

    [Fact]
    public void Capitalised_noun_that_spells_a_cue_is_not_one()
    {
        Assert.Empty(Quotes("The United States has been lobbying other countries to back the ruling."));
    }

    [Fact]
    public void According_to_a_role_then_a_name_takes_the_name_as_source()
    {
        var q = Assert.Single(Quotes("According to Northwind spokesman Jonas Meyer, a fund of 12 million crowns will compensate the crews."));
        Assert.Equal("Northwind spokesman Jonas Meyer", q.SpeakerMention);
        Assert.Equal("a fund of 12 million crowns will compensate the crews", q.Text);
    }

    [Fact]
    public void According_to_without_a_comma_reads_a_long_source()
    {
        var q = Assert.Single(Quotes("Clinton leads Sanders by 271 pledged delegates according to a count by The Associated Press."));
        Assert.Equal("a count by The Associated Press", q.SpeakerMention);
        Assert.Equal("Clinton leads Sanders by 271 pledged delegates", q.Text);
    }

    [Fact]
    public void Share_of_voters_is_a_collective_speaker()
    {
        var q = Assert.Single(Quotes("Just 28 percent of voters said they had a positive view of the mayor."));
        Assert.Equal("Just 28 percent of voters", q.SpeakerMention);
        Assert.Equal("they had a positive view of the mayor", q.Text);
    }

    [Fact]
    public void Went_on_to_say_is_a_cue_of_the_first_verb_subject()
    {
        var q = Assert.Single(Quotes("He went on to say that the deal was dead."));
        Assert.Equal("He", q.SpeakerMention);
        Assert.Equal("the deal was dead", q.Text);
    }

    [Fact]
    public void Clause_before_the_subject_is_not_the_report_when_a_quotation_follows_the_verb()
    {
        var q = Assert.Single(Quotes("When Olsen accused the mayor of hiding the budget, she said \u201CI published every line of it\u201D at the hearing."));
        Assert.Equal("she", q.SpeakerMention);
        Assert.StartsWith("\u201CI published every line of it", q.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotation_after_a_cue_with_an_aside_is_the_report()
    {
        var q = Assert.Single(Quotes("Marta Ruiz, speaking to farmers, said, \u201CThe harvest will be late this year.\u201D"));
        Assert.Equal("Marta Ruiz", q.SpeakerMention);
        Assert.Equal("The harvest will be late this year", q.Text);
    }

    [Fact]
    public void Quotation_after_a_coordinated_cue_takes_the_nearest_pronoun()
    {
        var q = Assert.Single(Quotes("Last week, when I asked Dan Moss about the race, he smiled and said, \u201CI am not running.\u201D"));
        Assert.Equal("I am not running", q.Text);
    }

    [Fact]
    public void Report_inside_a_report_keeps_the_outer_speaker()
    {
        var q = Assert.Single(Quotes("Kemp said he thinks \u201Cthe town deserves better.\u201D"));
        Assert.Equal("Kemp", q.SpeakerMention);
    }

    [Fact]
    public void Quotation_without_a_cue_is_the_sentence_subject_statement()
    {
        var q = Assert.Single(Quotes("Later that day Vera Lind expressed amusement that the board had \u201Cfinally found its spine after all these years\u201D on the matter."));
        Assert.Equal("finally found its spine after all these years", q.Text);
        Assert.Equal("Vera Lind", q.SpeakerMention);
        Assert.Null(q.Cue);
    }

    [Fact]
    public void Short_term_or_title_in_quotation_marks_without_a_cue_is_no_quote()
    {
        Assert.Empty(Quotes("Ana Berg watched \u201CThe Long Road to the Sea\u201D and called the \u201Cgreen new plan\u201D a good start."));
    }

    [Fact]
    public void Quotation_opening_a_paragraph_takes_the_speaker_named_after_it()
    {
        var quotes = Quotes("The vote was close.\n\n\u201CWe will keep going no matter what.\u201D \u201CThat is all,\u201D Jo Pike said.");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Jo Pike", q.SpeakerMention));
    }

    [Fact]
    public void Short_quotation_after_a_naming_verb_is_the_namer_statement()
    {
        var q = Assert.Single(Quotes("At the debate Senator Ruth Ames called her rival a \u201Cmoderate\u201D in passing."));
        Assert.Equal("Ruth Ames", q.SpeakerMention);
        Assert.Equal("called", q.Cue);
        Assert.StartsWith("her rival a \u201Cmoderate", q.Text, StringComparison.Ordinal);
    }
}
