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

    [Fact]
    public void Spelling_variant_in_the_same_story_merges_with_the_known_person()
    {
        var directory = new SpeakerDirectory([]);
        var known = directory.Resolve(Local("Nasser Kanaani", ["Iranian Foreign Ministry Spokesperson"]), "story-1");
        var variant = directory.Resolve(Local("Nasser Kanani"), "story-1");
        var surnameOnly = directory.Resolve(Local("Kanani", kind: SpeakerKinds.Unknown), "story-1");
        Assert.Equal(known.Id, variant.Id);
        Assert.Equal(known.Id, surnameOnly.Id);
        Assert.Contains("Nasser Kanani", Assert.Single(directory.All).Aliases);
    }

    [Fact]
    public void Spelling_variant_in_another_story_or_without_a_story_stays_apart()
    {
        var directory = new SpeakerDirectory([]);
        var known = directory.Resolve(Local("Nasser Kanaani"), "story-1");
        Assert.NotEqual(known.Id, directory.Resolve(Local("Nasser Kanani"), "story-2").Id);
        Assert.NotEqual(known.Id, directory.Resolve(Local("Ali Kanaanii")).Id);
    }

    [Fact]
    public void Different_first_names_never_merge_even_one_edit_apart()
    {
        var directory = new SpeakerDirectory([]);
        var bill = directory.Resolve(Local("Bill Clinton"), "story-1");
        var hillary = directory.Resolve(Local("Hillary Clinton"), "story-1");
        var other = directory.Resolve(Local("Hillary Clintom"), "story-1");
        var karen = directory.Resolve(Local("Karen Bass"), "story-1");
        Assert.NotEqual(bill.Id, hillary.Id);
        Assert.Equal(hillary.Id, other.Id);
        Assert.NotEqual(karen.Id, directory.Resolve(Local("Karen Bess"), "story-1").Id);
    }

    [Fact]
    public void Variant_fitting_two_known_people_merges_with_neither()
    {
        var directory = new SpeakerDirectory([]);
        var a = directory.Resolve(Local("Ahmad Rahimi"), "story-1");
        var b = directory.Resolve(Local("Reza Rahimy"), "story-1");
        var c = directory.Resolve(Local("Rahim"), "story-1");
        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.NotEqual(b.Id, c.Id);
    }

    [Theory]
    [InlineData("kanaani", "kanani", true)]
    [InlineData("kanani", "kanaani", true)]
    [InlineData("rahimi", "rahimy", true)]
    [InlineData("clinton", "clinton", false)]
    [InlineData("kanaani", "kanoonii", false)]
    public void One_edit_apart_counts_one_insertion_deletion_or_substitution(string a, string b, bool expected) =>
        Assert.Equal(expected, SpeakerDirectory.OneEditApart(a, b));
}
