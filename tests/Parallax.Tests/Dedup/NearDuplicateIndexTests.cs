using Parallax.Dedup;
using Parallax.Model;

namespace Parallax.Tests.Dedup;

public sealed class NearDuplicateIndexTests
{
    private const string AgencyStory =
        "The city council of Northbridge voted on Tuesday to close the old harbour bridge to heavy trucks after engineers found cracks in two of its steel supports. " +
        "The bridge, built in 1931, carries about twelve thousand vehicles a day and links the port with the industrial district on the east bank. " +
        "Council members said the closure would last at least six months while a repair plan is drawn up and funding is found.\n\n" +
        "Local haulage firms warned that the detour through the town centre would add forty minutes to each trip and increase congestion near two schools. " +
        "The mayor said buses and emergency vehicles would still be allowed to cross at reduced speed, and that traffic police would watch the approach roads.\n\n" +
        "A full inspection report is expected to be published next month, the council said in a statement.";

    private const string OtherStoryOnSameTopic =
        "Engineers inspecting bridges across the region have been asked to prioritise structures built before the war, the transport ministry said on Wednesday. " +
        "The request follows the closure of a harbour crossing in Northbridge, where cracks were found in steel supports earlier this week. " +
        "A ministry spokesperson said that more than three hundred bridges in the region are older than eighty years and that many have never had a full structural survey.\n\n" +
        "Industry groups welcomed the move but said funding for repairs has fallen for a decade, and that local councils cannot pay for major works on their own. " +
        "The ministry promised to publish a list of the bridges to be inspected first before the end of the year.";

    private static Article Make(string id, string body) => new() { Id = id, Source = id + ".txt", Body = body };

    [Fact]
    public void Identical_body_is_a_duplicate_of_the_first()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("a", AgencyStory));
        Assert.Equal("a", index.FindDuplicateOf(Make("b", AgencyStory)));
    }

    [Fact]
    public void Lightly_edited_copy_is_a_duplicate()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("a", AgencyStory));
        var edited = AgencyStory
            .Replace("on Tuesday", "on Tuesday evening", StringComparison.Ordinal)
            .Replace("Council members", "Councillors", StringComparison.Ordinal)
            .ToUpperInvariant();
        Assert.Equal("a", index.FindDuplicateOf(Make("b", edited)));
    }

    [Fact]
    public void Agency_copy_with_an_extra_paragraph_is_a_duplicate()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("agency", AgencyStory));
        var local = AgencyStory + "\n\nIn Northbridge itself, shop owners on Market Street said they feared a drop in customers during the works, " +
            "and the chamber of commerce asked the council to review parking rules in the town centre for the duration of the closure.";
        Assert.Equal("agency", index.FindDuplicateOf(Make("local", local)));
    }

    [Fact]
    public void Shorter_cut_of_an_earlier_article_is_a_duplicate()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("full", AgencyStory));
        var cut = AgencyStory[..AgencyStory.IndexOf("A full inspection", StringComparison.Ordinal)];
        Assert.Equal("full", index.FindDuplicateOf(Make("cut", cut)));
    }

    [Fact]
    public void Different_stories_on_the_same_topic_are_not_duplicates()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("a", AgencyStory));
        Assert.Null(index.FindDuplicateOf(Make("b", OtherStoryOnSameTopic)));
    }

    [Fact]
    public void Earliest_added_match_wins()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("other", OtherStoryOnSameTopic));
        index.Add(Make("first", AgencyStory));
        index.Add(Make("second", AgencyStory + " Extra."));
        Assert.Equal("first", index.FindDuplicateOf(Make("third", AgencyStory)));
    }

    [Fact]
    public void Article_is_not_a_duplicate_of_itself()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("a", AgencyStory));
        Assert.Null(index.FindDuplicateOf(Make("a", AgencyStory)));
    }

    [Fact]
    public void Short_texts_match_only_when_equal_after_normalisation()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("a", "Police closed the bridge on Tuesday."));
        Assert.Equal("a", index.FindDuplicateOf(Make("b", "POLICE closed   the bridge, on Tuesday")));
        Assert.Null(index.FindDuplicateOf(Make("c", "Police closed the bridge on Wednesday.")));
    }

    [Fact]
    public void Content_hash_ignores_case_and_whitespace_but_not_words()
    {
        var a = NearDuplicateIndex.ContentHash("  Hello\n\nWorld ");
        Assert.Equal(a, NearDuplicateIndex.ContentHash("hello world"));
        Assert.Equal(a, NearDuplicateIndex.ContentHash("ＨＥＬＬＯ world"));
        Assert.NotEqual(a, NearDuplicateIndex.ContentHash("hello worlds"));
        Assert.Equal(64, a.Length);
    }

    [Fact]
    public void Empty_index_finds_nothing()
    {
        Assert.Null(new NearDuplicateIndex().FindDuplicateOf(Make("a", AgencyStory)));
    }

    [Fact]
    public void Curly_quotes_nbsp_and_decomposed_accents_do_not_hide_a_copy()
    {
        var index = new NearDuplicateIndex();
        var original = "The caf\u00e9 owner said \"we will reopen\" after the council's decision. " + AgencyStory;
        index.Add(Make("a", original));
        var reencoded = original.Replace("\u00e9", "e\u0301", StringComparison.Ordinal).Replace("\"we", "\u201Cwe", StringComparison.Ordinal)
            .Replace("reopen\"", "reopen\u201D", StringComparison.Ordinal).Replace("'", "\u2019", StringComparison.Ordinal).Replace(" ", "\u00A0", StringComparison.Ordinal);
        Assert.Equal("a", index.FindDuplicateOf(Make("b", reencoded)));
    }

    [Fact]
    public void A_copy_of_a_copy_points_at_the_original()
    {
        var index = new NearDuplicateIndex();
        index.Add(Make("original", AgencyStory));
        index.Add(Make("copy", AgencyStory + " Extra paragraph from an outlet.") with { DuplicateOf = "original" });
        Assert.Equal("original", index.FindDuplicateOf(Make("third", AgencyStory + " Extra paragraph from an outlet.")));
    }

    [Fact]
    public void Memory_per_article_is_reported_and_small()
    {
        var index = new NearDuplicateIndex();
        for (var i = 0; i < 200; i++)
        {
            index.Add(Make($"a{i}", $"Story {i}. " + AgencyStory.Replace("Northbridge", $"Town{i}", StringComparison.Ordinal)));
        }

        var perArticle = index.ApproximateBytes / (double)index.Count;
        Assert.InRange(perArticle, 500, 2500);
    }
}
