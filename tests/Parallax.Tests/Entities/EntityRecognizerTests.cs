using Parallax.Entities;

namespace Parallax.Tests.Entities;

public sealed class EntityRecognizerTests
{
    [Fact]
    public void Demonyms_and_capitals_fold_to_their_country()
    {
        var entities = EntityRecognizer.Recognize("The navy said Somali pirates were taken to Mogadishu, where officials of Somalia met them.");
        Assert.Contains(entities, e => e.Text == "Somali" && e.Key == "somalia" && e.Kind == EntityKind.Place);
        Assert.Contains(entities, e => e.Text == "Mogadishu" && e.Key == "mogadishu" && e.Country == "somalia");
        Assert.Contains(entities, e => e.Text == "Somalia" && e.Key == "somalia");
    }

    [Fact]
    public void A_title_makes_a_person_and_a_later_surname_refers_back()
    {
        var text = "Officials said President Barack Obama would travel on Friday. Later, Obama told reporters he was ready.";
        var entities = EntityRecognizer.Recognize(text);
        var full = Assert.Single(entities, e => e.Text == "Barack Obama");
        Assert.Equal(EntityKind.Person, full.Kind);
        var later = Assert.Single(entities, e => e.Text == "Obama");
        Assert.Equal("barack obama", later.Key);
    }

    [Fact]
    public void Organisation_heads_and_gazetteer_organisations_are_typed()
    {
        var entities = EntityRecognizer.Recognize("A report by the Ministry of Health was sent to the UN and to the Indian Navy.");
        Assert.Contains(entities, e => e.Text == "Ministry of Health" && e.Kind == EntityKind.Organisation);
        Assert.Contains(entities, e => e.Text == "UN" && e.Key == "united nations");
        Assert.Contains(entities, e => e.Text == "Indian Navy" && e.Kind == EntityKind.Organisation);
        Assert.Contains(entities, e => e.Text == "Indian" && e.Key == "india");
    }

    [Fact]
    public void A_lone_capitalised_word_opening_a_sentence_is_not_a_name()
    {
        var entities = EntityRecognizer.Recognize("Police said the road was closed. Rescuers arrived later.");
        Assert.DoesNotContain(entities, e => e.Text is "Police" or "Rescuers");
    }

    [Fact]
    public void Offsets_are_exact()
    {
        const string text = "Engineers from Chile\u2019s Onemi agency met Gen. Ana Rojas in Valparaiso.\n\nRojas spoke.";
        var entities = EntityRecognizer.Recognize(text);
        Assert.NotEmpty(entities);
        Assert.All(entities, e => Assert.Equal(e.Text, text[e.Start..e.End]));
        Assert.Contains(entities, e => e.Key == "chile");
        Assert.Contains(entities, e => e.Text == "Ana Rojas" && e.Kind == EntityKind.Person);
    }

    [Fact]
    public void Empty_text_gives_no_entities()
    {
        Assert.Empty(EntityRecognizer.Recognize(""));
    }
}
