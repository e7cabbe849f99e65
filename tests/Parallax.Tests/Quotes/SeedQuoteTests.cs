using Parallax.Model;
using Parallax.Quotes;
using Xunit.Abstractions;

namespace Parallax.Tests.Quotes;

public sealed class SeedQuoteTests(ITestOutputHelper output)
{
    private const string Role = "Iranian Foreign Ministry Spokesperson";
    private static readonly QuoteExtractor Extractor = new();

    [Fact]
    public void Seed_000_quotes_are_attributed_to_Kanaani()
    {
        var body = SeedArticles.Body("000");
        if (body is null)
        {
            output.WriteLine("SKIPPED: ../shared/seeds is absent (set PARALLAX_SHARED in a worktree).");
            return;
        }

        var article = SeedArticles.Article("000", body);
        var result = Extractor.Extract(article);
        QuoteAssertions.Invariants(article, result);
        var kanaani = Kanaani(result);
        var his = result.Quotes.Where(q => q.Speaker == kanaani.Id).ToList();
        Assert.True(his.Count >= 8, $"{his.Count} quotes by Kanaani");

        // Every quote by a person is his; the others are by governments (Tehran, Western countries).
        Assert.All(result.Quotes, q => Assert.True(q.Speaker == kanaani.Id || result.Speakers.Single(s => s.Id == q.Speaker).Kind != SpeakerKinds.Person));

        var military = Single(result, "Military and defense ties");
        Assert.Equal(QuoteKinds.Direct, military.Kind);
        Assert.Equal(kanaani.Id, military.Speaker);
        Assert.Equal(["Sputnik"], military.Via);
        Assert.EndsWith("not against any third country", military.Text, StringComparison.Ordinal);
        Assert.Equal("told", military.Cue);

        var relations = Single(result, "Relations between Iran and Russia");
        Assert.Equal(QuoteKinds.Direct, relations.Kind);
        Assert.Equal(kanaani.Id, relations.Speaker);

        var pressTv = Single(result, "Iran and Russia have a long history");
        Assert.Equal("Iran and Russia have a long history of military cooperation which did not start since the eruption of conflict in Ukraine", pressTv.Text);
        Assert.Equal(["Press TV"], pressTv.Via);
        Assert.Equal("he", pressTv.SpeakerMention);
        Assert.Equal(kanaani.Id, pressTv.Speaker);

        var first = result.Quotes[0];
        Assert.StartsWith("The defense cooperation", first.Text, StringComparison.Ordinal);
        Assert.Equal("Nasser Kanaani", first.SpeakerMention);
        Assert.Equal("stated", first.Cue);

        var mixed = Single(result, "Those who are regularly");
        Assert.Equal(QuoteKinds.Mixed, mixed.Kind);
        Assert.Equal(kanaani.Id, Single(result, "The Islamic Republic of Iran put efforts").Speaker);
    }

    [Fact]
    public void Seed_001_quotes_are_attributed_to_Kanaani_including_the_carried_paragraph()
    {
        var body = SeedArticles.Body("001");
        if (body is null)
        {
            output.WriteLine("SKIPPED: ../shared/seeds is absent (set PARALLAX_SHARED in a worktree).");
            return;
        }

        var article = SeedArticles.Article("001", body);
        var result = Extractor.Extract(article);
        QuoteAssertions.Invariants(article, result);
        var kanaani = Kanaani(result);
        Assert.True(result.Quotes.Count(q => q.Speaker == kanaani.Id) >= 15);

        var carried = Single(result, "The relations between Iran and Russia");
        Assert.Equal(QuoteKinds.Direct, carried.Kind);
        Assert.Equal(kanaani.Id, carried.Speaker);
        // The carried paragraph points at the mention it inherits its speaker from, earlier in the text.
        Assert.Equal("Kanaani", carried.SpeakerMention);
        Assert.True(carried.SpeakerEnd < carried.Start);
        Assert.Equal("The relations between Iran and Russia are based on the political will of the leaders of the two countries", carried.Text);

        var capacities = Single(result, "Iran and Russia have great");
        Assert.Equal(QuoteKinds.Direct, capacities.Kind);
        Assert.Equal("adding", capacities.Cue);
        Assert.Equal(kanaani.Id, capacities.Speaker);

        var lead = result.Quotes[0];
        Assert.Equal("The Iranian Foreign Ministry Spokesperson", lead.SpeakerMention);
        Assert.Equal(kanaani.Id, lead.Speaker);

        var conference = Single(result, "The conference was held");
        Assert.Equal(QuoteKinds.Direct, conference.Kind);
        Assert.Contains("Russia. It means", conference.Text, StringComparison.Ordinal);
        Assert.Equal(QuoteKinds.Mixed, Single(result, "the increased cooperation").Kind);
    }

    [Fact]
    public void Hand_written_excerpts_give_the_same_key_facts_without_shared_data()
    {
        var a = SeedArticles.Article("x000", SeedArticles.Excerpt000);
        var ra = Extractor.Extract(a);
        QuoteAssertions.Invariants(a, ra);
        var kanaani = Kanaani(ra);
        Assert.Equal(5, ra.Quotes.Count);
        Assert.All(ra.Quotes, q => Assert.Equal(kanaani.Id, q.Speaker));
        Assert.Equal(["Sputnik"], Single(ra, "Military and defense").Via);
        Assert.Equal(["Press TV"], Single(ra, "Iran and Russia have").Via);
        Assert.Equal("the spokesman", Single(ra, "The Islamic Republic").SpeakerMention);

        var b = SeedArticles.Article("x001", SeedArticles.Excerpt001);
        var rb = Extractor.Extract(b);
        QuoteAssertions.Invariants(b, rb);
        var kanaaniB = Kanaani(rb);
        Assert.All(rb.Quotes, q => Assert.Equal(kanaaniB.Id, q.Speaker));
        Assert.Equal(QuoteKinds.Direct, Single(rb, "The relations between").Kind);
        Assert.Equal("Nasser Kanaani", Single(rb, "Hossein Amir-Abdollahian").SpeakerMention);
    }

    private static Speaker Kanaani(ArticleQuotes result)
    {
        var speaker = Assert.Single(result.Speakers, s => s.Name == "Nasser Kanaani");
        Assert.Contains(Role, speaker.Roles);
        Assert.Equal(SpeakerKinds.Person, speaker.Kind);
        Assert.Contains("Kanaani", speaker.Aliases);
        return speaker;
    }

    private static Quote Single(ArticleQuotes result, string prefix) =>
        Assert.Single(result.Quotes, q => q.Text.StartsWith(prefix, StringComparison.Ordinal));
}
