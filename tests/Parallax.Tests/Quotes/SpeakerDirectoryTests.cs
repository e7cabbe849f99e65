using Parallax.Model;
using Parallax.Quotes;

namespace Parallax.Tests.Quotes;

public sealed class SpeakerDirectoryTests
{
    private static Speaker Local(string name, string[]? roles = null, string kind = SpeakerKinds.Person, string[]? aliases = null) =>
        new() { Id = "s1", Name = name, Roles = roles ?? [], Kind = kind, Aliases = aliases ?? [] };

    [Fact]
    public void New_speaker_gets_a_stable_slug_id()
    {
        var directory = new SpeakerDirectory([]);
        var speaker = directory.Resolve(Local("Nasser Kanaani", ["Iranian Foreign Ministry Spokesperson"]));
        Assert.Equal("sp-nasser-kanaani", speaker.Id);
        Assert.Equal(["Kanaani"], speaker.Aliases);
        Assert.Equal(speaker.Id, directory.Resolve(Local("Nasser Kanaani")).Id);
    }

    [Fact]
    public void Same_name_in_other_case_and_diacritics_merges_and_roles_accumulate()
    {
        var directory = new SpeakerDirectory([]);
        directory.Resolve(Local("José Núñez", ["Minister"]));
        var merged = directory.Resolve(Local("jose nunez", ["minister", "Economy Minister"]));
        Assert.Equal("sp-jose-nunez", merged.Id);
        Assert.Equal(["Minister", "Economy Minister"], merged.Roles);
        Assert.Single(directory.All);
    }

    [Fact]
    public void Surname_alone_matches_a_single_known_person()
    {
        var directory = new SpeakerDirectory([]);
        var full = directory.Resolve(Local("Nasser Kanaani"));
        Assert.Equal(full.Id, directory.Resolve(Local("Kanaani", kind: SpeakerKinds.Unknown)).Id);
    }

    [Fact]
    public void Ambiguous_surname_makes_a_new_speaker()
    {
        var directory = new SpeakerDirectory([]);
        directory.Resolve(Local("Anna Berg"));
        directory.Resolve(Local("Lars Berg"));
        var berg = directory.Resolve(Local("Berg"));
        Assert.Equal("sp-berg", berg.Id);
        Assert.Equal(3, directory.All.Count);
    }

    [Fact]
    public void Full_name_upgrades_a_speaker_known_by_surname_and_keeps_its_id()
    {
        var directory = new SpeakerDirectory([new Speaker { Id = "sp-kanaani", Name = "Kanaani" }]);
        var merged = directory.Resolve(Local("Nasser Kanaani", ["Spokesperson"]));
        Assert.Equal("sp-kanaani", merged.Id);
        Assert.Equal("Nasser Kanaani", merged.Name);
        Assert.Contains("Kanaani", merged.Aliases);
        Assert.Equal(SpeakerKinds.Person, merged.Kind);
    }

    [Fact]
    public void All_is_ordered_by_id()
    {
        var directory = new SpeakerDirectory([]);
        directory.Resolve(Local("Zed Alpha"));
        directory.Resolve(Local("Amy Zulu"));
        Assert.Equal(["sp-amy-zulu", "sp-zed-alpha"], directory.All.Select(s => s.Id));
    }

    [Fact]
    public void Seed_speakers_of_both_articles_become_one_canonical_speaker()
    {
        var directory = new SpeakerDirectory([]);
        var extractor = new QuoteExtractor();
        var a = extractor.Extract(SeedArticles.Article("x000", SeedArticles.Excerpt000)).Speakers.Single(s => s.Name == "Nasser Kanaani");
        var b = extractor.Extract(SeedArticles.Article("x001", SeedArticles.Excerpt001)).Speakers.Single(s => s.Name == "Nasser Kanaani");
        Assert.Equal(directory.Resolve(a).Id, directory.Resolve(b).Id);
        var canonical = Assert.Single(directory.All);
        Assert.Contains("Iranian Foreign Ministry Spokesperson", canonical.Roles);
    }
}
