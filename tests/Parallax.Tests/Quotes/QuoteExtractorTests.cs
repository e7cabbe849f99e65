using FsCheck;
using FsCheck.Fluent;
using Parallax.Model;
using Parallax.Quotes;

namespace Parallax.Tests.Quotes;

public sealed class QuoteExtractorTests
{
    private static ArticleQuotes Extract(string body, out Article article)
    {
        article = SeedArticles.Article("a", body);
        var result = new QuoteExtractor().Extract(article);
        QuoteAssertions.Invariants(article, result);
        return result;
    }

    private static Quote One(string body)
    {
        var result = Extract(body, out _);
        return Assert.Single(result.Quotes);
    }

    [Fact]
    public void Direct_quote_excludes_marks_and_trailing_comma()
    {
        var q = One("\u201CWe are not against any third country,\u201D Kanaani told Sputnik on Friday.");
        Assert.Equal("We are not against any third country", q.Text);
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Equal("Kanaani", q.SpeakerMention);
        Assert.Equal("told", q.Cue);
        Assert.Equal(["Sputnik"], q.Via);
    }

    [Fact]
    public void Quote_of_two_sentences_is_one_direct_quote()
    {
        var q = One("\"We will go. We will win,\" he said.");
        Assert.Equal("We will go. We will win", q.Text);
        Assert.Equal(QuoteKinds.Direct, q.Kind);
    }

    [Fact]
    public void Inverted_attribution_names_the_speaker_after_the_verb()
    {
        var q = One("\"It is over,\" said Prime Minister Anna Berg.");
        Assert.Equal("Anna Berg", q.SpeakerMention);
        var speakers = Extract("\"It is over,\" said Prime Minister Anna Berg.", out _).Speakers;
        Assert.Equal(["Prime Minister"], Assert.Single(speakers).Roles);
    }

    [Theory]
    [InlineData("Mayor Roberta Castellan", "She", "Roberta Castellan")]
    [InlineData("Councillor Peter Lind", "He", "Peter Lind")]
    public void A_gendered_pronoun_skips_a_speaker_of_the_other_gender_for_a_person_named_since(string named, string pronoun, string expected)
    {
        var other = pronoun == "She" ? "Leon Baptiste" : "Anna Berg";
        var body = $"\"The fares must rise,\" said chief executive {other}. {named}, who sits on the board, voted against the rise. " +
            $"{pronoun} said a discount scheme for pensioners would follow next month.";

        var result = Extract(body, out _);

        var reported = Assert.Single(result.Quotes, q => q.Text.Contains("discount scheme", StringComparison.Ordinal));
        var speaker = Assert.Single(result.Speakers, s => s.Id == reported.Speaker);
        Assert.Equal(expected, speaker.Name);
    }

    [Fact]
    public void A_gendered_pronoun_reaches_a_surname_named_since_through_its_full_name()
    {
        const string Body = "Governor Mikael Strand said rates would stay on hold. \"I can't tell them,\" broker Elif Demir said. " +
            "Strand, who has led the bank since 2022, was blunt about house prices. He said that combination was not a healthy market.";

        var result = Extract(Body, out _);

        var reported = Assert.Single(result.Quotes, q => q.Text.Contains("healthy market", StringComparison.Ordinal));
        Assert.Equal("Mikael Strand", Assert.Single(result.Speakers, s => s.Id == reported.Speaker).Name);
    }

    [Fact]
    public void A_gendered_pronoun_keeps_the_last_speaker_when_nobody_fitting_was_named_since()
    {
        const string Body = "\"The fares must rise,\" said chief executive Leon Baptiste. Mayor Roberta Castellan voted against. " +
            "\"We had no choice,\" Baptiste said. He said a discount scheme for pensioners would follow next month.";

        var result = Extract(Body, out _);

        var reported = Assert.Single(result.Quotes, q => q.Text.Contains("discount scheme", StringComparison.Ordinal));
        Assert.Equal("Leon Baptiste", Assert.Single(result.Speakers, s => s.Id == reported.Speaker).Name);
    }

    [Fact]
    public void A_role_apposition_after_a_quotation_leads_to_the_name_not_the_listener()
    {
        var q = One("\"This is a tax on people who cannot afford a car,\" the alliance's spokesperson, Sam Ortiz, told Eastline News.");
        Assert.Equal("This is a tax on people who cannot afford a car", q.Text);
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Equal("Sam Ortiz", q.SpeakerMention);
        Assert.Equal(["Eastline News"], q.Via);
    }

    [Fact]
    public void Reported_speech_with_that_takes_the_clause()
    {
        var q = One("Kanaani highlighted that Tehran and Moscow can play a vital role.");
        Assert.Equal("Tehran and Moscow can play a vital role", q.Text);
        Assert.Equal(QuoteKinds.Indirect, q.Kind);
        Assert.Equal("highlighted", q.Cue);
    }

    [Fact]
    public void Trailing_attribution_and_reporting_channel_give_content_and_via()
    {
        var q = One("Iran and Russia have a long history of cooperation, he said, Press TV reported.");
        Assert.Equal("Iran and Russia have a long history of cooperation", q.Text);
        Assert.Equal("he", q.SpeakerMention);
        Assert.Equal(["Press TV"], q.Via);
    }

    [Fact]
    public void Partly_quoted_report_is_mixed()
    {
        var q = One("Those who accuse Iran should \u201Ctake a look at their arms shipments\u201D to one side, Kanaani added.");
        Assert.Equal(QuoteKinds.Mixed, q.Kind);
        Assert.Equal("Those who accuse Iran should \u201Ctake a look at their arms shipments\u201D to one side", q.Text);
    }

    [Fact]
    public void Participle_adds_a_second_quote_by_the_same_speaker()
    {
        var result = Extract("Iran and Ukraine have friendly relations, he noted, adding that ties have decreased.", out _);
        Assert.Equal(2, result.Quotes.Count);
        Assert.Equal("adding", result.Quotes[1].Cue);
        Assert.Equal("ties have decreased", result.Quotes[1].Text);
        Assert.Equal(result.Quotes[0].Speaker, result.Quotes[1].Speaker);
    }

    [Fact]
    public void According_to_at_the_start_names_the_speaker()
    {
        var q = One("According to Kanaani, the visit will happen soon.");
        Assert.Equal("Kanaani", q.SpeakerMention);
        Assert.Equal("according to", q.Cue);
        Assert.Equal("the visit will happen soon", q.Text);
    }

    [Fact]
    public void According_to_an_agency_after_a_cue_is_a_channel()
    {
        var q = One("The visit will happen soon, the minister said, according to the IRNA news agency.");
        Assert.Equal(["IRNA"], q.Via);
        Assert.Equal("the minister", q.SpeakerMention);
    }

    [Fact]
    public void A_capitalised_generic_word_is_part_of_a_channel_name()
    {
        var q = One("The talks will resume on Friday, she told Meridian Wire, the Harbor Ledger reported.");
        Assert.Equal(["Meridian Wire", "Harbor Ledger"], q.Via);
        Assert.Equal("she", q.SpeakerMention);
    }

    [Fact]
    public void Dateline_is_not_part_of_the_content()
    {
        var q = One("TEHRAN: The cooperation is old, Foreign Minister Ali Ahmadi stated.");
        Assert.Equal("The cooperation is old", q.Text);
        Assert.Equal("Ali Ahmadi", q.SpeakerMention);
    }

    [Fact]
    public void Ministry_speaking_is_a_government()
    {
        var result = Extract("The sanctions are illegal, the Foreign Ministry said.", out _);
        Assert.Equal(SpeakerKinds.Government, Assert.Single(result.Speakers).Kind);
        Assert.Equal("the Foreign Ministry", result.Quotes[0].SpeakerMention);
    }

    [Fact]
    public void Surname_pronoun_and_role_noun_resolve_to_the_introduced_person()
    {
        var body = "The talks failed, Foreign Ministry Spokesman Omar Haddad said.\n\nThe door is open, Haddad added.\n\nA deal is possible, he noted.\n\nWe are patient, the spokesman stated.";
        var result = Extract(body, out _);
        Assert.Equal(4, result.Quotes.Count);
        var speaker = Assert.Single(result.Speakers);
        Assert.All(result.Quotes, q => Assert.Equal(speaker.Id, q.Speaker));
        Assert.Equal("Omar Haddad", speaker.Name);
        Assert.Equal(["Foreign Ministry Spokesman"], speaker.Roles);
        Assert.Equal("s1", speaker.Id);
    }

    [Fact]
    public void Quote_without_a_speaker_takes_the_previous_paragraph_speaker()
    {
        var body = "The plan works, Omar Haddad said.\n\n\"It is a good plan,\" adding that \"it will last.\"";
        var result = Extract(body, out _);
        Assert.Equal(3, result.Quotes.Count);
        Assert.All(result.Quotes, q => Assert.Equal("s1", q.Speaker));
        Assert.Equal("Omar Haddad", result.Quotes[1].SpeakerMention);
        Assert.Equal(body.IndexOf("Omar", StringComparison.Ordinal), result.Quotes[1].SpeakerStart);
    }

    [Fact]
    public void Quote_without_a_speaker_far_from_any_other_has_none()
    {
        var body = "The plan works, Omar Haddad said.\n\nWeather was mild.\n\nTraffic was light.\n\n\"It is a good plan.\"";
        var result = Extract(body, out _);
        Assert.Null(result.Quotes[^1].Speaker);
    }

    [Fact]
    public void Scare_quotes_without_a_cue_are_not_quotes()
    {
        Assert.Empty(Extract("Russia aims to \u201Cde-Nazify\u201D the republic.", out _).Quotes);
    }

    [Fact]
    public void Quote_ids_follow_start_offsets()
    {
        var result = Extract("A is true, he said.\n\nB is true, Ann Lee said.", out var article);
        Assert.Equal(["a:q1", "a:q2"], result.Quotes.Select(q => q.Id));
        Assert.True(result.Quotes[0].Start < result.Quotes[1].Start);
        Assert.Equal(article.Id, result.Quotes[1].Article);
    }

    [Fact]
    public void Random_bodies_never_throw_and_keep_offsets_exact()
    {
        var words = Gen.Elements("he", "said", ",", ".", "\"", "\u201C", "\u201D", "Kanaani", "told", "that", "adding", "the", "spokesman",
            "according", "to", "Reuters", "reported", "\n\n", "TEHRAN:", "Iran", "Mr.", "U.S.", "...", "\u2014", "of", "Ministry");
        var bodies = Gen.ListOf(words).Select(w => string.Join(' ', w)).ToArbitrary();
        Prop.ForAll(bodies, body =>
        {
            var article = SeedArticles.Article("r", body);
            QuoteAssertions.Invariants(article, new QuoteExtractor().Extract(article));
        }).QuickCheckThrowOnFailure();
    }
}
