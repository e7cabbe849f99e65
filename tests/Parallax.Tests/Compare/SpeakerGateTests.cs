using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Tests.Compare;

public sealed class SpeakerGateTests
{
    private const string Sorel = "Water does not stop at a border post, and neither should cooperation";
    private const string Voss = "If water does not stop at a border post, then neither should the negotiating table";

    private static readonly Story TwoArticleStory = new() { Id = "st", Articles = ["a", "b"] };
    private static readonly Article[] TwoArticles = [new() { Id = "a", Source = "a", Body = "" }, new() { Id = "b", Source = "b", Body = "" }];

    private static Quote Q(string id, string article, string text, string? speaker, string? mention = null) =>
        new() { Id = id, Article = article, Kind = QuoteKinds.Direct, Text = text, Start = 0, End = text.Length, Speaker = speaker, SpeakerMention = mention };

    [Fact]
    public void Words_of_two_different_speakers_are_never_aligned()
    {
        Speaker[] speakers = [new() { Id = "sp-sorel", Name = "Ana Sorel" }, new() { Id = "sp-voss", Name = "Clara Voss" }];
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("a1", "a", Sorel, "sp-sorel"), Q("b1", "b", Voss, "sp-voss")], speakers);
        Assert.Empty(result);
    }

    [Fact]
    public void The_same_words_by_the_same_speaker_are_aligned()
    {
        Speaker[] speakers = [new() { Id = "sp-sorel", Name = "Ana Sorel" }];
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("a1", "a", Sorel, "sp-sorel"), Q("b1", "b", Sorel, "sp-sorel")], speakers);
        Assert.Single(result);
    }

    [Fact]
    public void A_speaker_resolved_twice_under_a_longer_name_is_the_same_speaker()
    {
        Speaker[] speakers = [new() { Id = "sp-1", Name = "Marta Linde" }, new() { Id = "sp-2", Name = "branch chair Marta Linde" }];
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("a1", "a", Sorel, "sp-1"), Q("b1", "b", Sorel, "sp-2")], speakers);
        Assert.Single(result);
    }

    [Fact]
    public void A_company_spokesperson_speaks_for_the_company()
    {
        Speaker[] speakers =
        [
            new() { Id = "sp-brandt", Name = "Oskar Brandt", Roles = ["Kessing Bulk Handling spokesman"] },
            new() { Id = "sp-kbh", Name = "Kessing Bulk Handling", Kind = SpeakerKinds.Organization },
        ];
        var result = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("a1", "a", Sorel, "sp-brandt"), Q("b1", "b", Sorel, "sp-kbh")], speakers);
        Assert.Single(result);
    }

    [Fact]
    public void Without_speaker_records_the_mentions_decide()
    {
        var differ = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("a1", "a", Sorel, "x", "Sorel"), Q("b1", "b", Sorel, "y", "Voss")]);
        Assert.Empty(differ);
        var pronoun = new CoverageComparer().Align(TwoArticleStory, TwoArticles, [Q("a1", "a", Sorel, "x", "Sorel"), Q("b1", "b", Sorel, "y", "she")]);
        Assert.Single(pronoun);
    }
}
