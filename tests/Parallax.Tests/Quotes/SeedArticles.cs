using Parallax.Model;

namespace Parallax.Tests.Quotes;

/// <summary>
/// The two seed articles as clean bodies, built from ../shared/seeds when present, and a hand-written copy of
/// a few of their paragraphs so that core tests run without ../shared.
/// </summary>
internal static class SeedArticles
{
    public const string Seed000Start = "TEHRAN: The defense cooperation";
    public const string Seed000End = " (Int\u2019l Monitoring Desk)";
    public const string Seed001Start = "The Iranian Foreign Ministry Spokesperson says Tehran";

    /// <summary>Paragraphs of seed 000, typed by hand.</summary>
    public const string Excerpt000 =
        "TEHRAN: The defense cooperation between Iran and Russia dates back to years before the start of war in Ukraine and is not against any third country, Iranian Foreign Ministry Spokesperson Nasser Kanaani stated.\n\n" +
        "\u201CMilitary and defense ties between the Islamic Republic of Iran and the Russian Federation sit in the framework of mutual interests of the two states and are not against any third country,\u201D Kanaani told Sputnik on Friday.\n\n" +
        "Iran and Russia have a long history of military cooperation which did not start since the eruption of conflict in Ukraine, he said, Press TV reported.\n\n" +
        "Those who are regularly waging propaganda against Iran and wrongly accuse it of supporting Russia during the Ukraine conflict should \u201Ctake a look at the volume of their arms shipments\u201D to the one side of the conflict, Kanaani added.\n\n" +
        "The Islamic Republic of Iran put efforts since the start of the conflict to find a political solution to end the war, the spokesman stated.";

    /// <summary>Paragraphs of seed 001, typed by hand (with its non-breaking spaces).</summary>
    public const string Excerpt001 =
        "The Iranian Foreign Ministry Spokesperson says Tehran and Moscow can play a vital role in generating a balance in the global energy market.\n\n" +
        "The spokesperson of the\u00A0Iranian Foreign Ministry, Nasser Kanaani, announced on Friday that Hossein Amir-Abdollahian is set to visit Moscow in the near future, adding that the Iran-Russia military and defense cooperation is not hostile to any third country.\n\n" +
        "Kanaani highlighted that Tehran and Moscow can play a vital role in generating a balance in the global energy market, stressing that\u00A0Western accusations against Iran\u00A0vis-\u00E0-vis Ukraine come in accordance with their political goals.\n\n" +
        "\"The relations between Iran and Russia are based on the political will of the leaders of the two countries,\" adding that \"Iran and Russia have great, common and complementary economic capacities.\"";

    /// <summary><c>../shared/seeds</c>; it may not exist.</summary>
    public static string SharedSeeds() => Path.Combine(TestPaths.Shared ?? Path.Combine(TestPaths.RepoRoot, "..", "shared"), "seeds");

    /// <summary>The clean body of a seed, or null when ../shared is absent.</summary>
    public static string? Body(string prefix)
    {
        var folder = SharedSeeds();
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var file = Directory.GetFiles(folder, prefix + "_*.txt").SingleOrDefault();
        if (file is null)
        {
            return null;
        }

        var paragraphs = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        var text = string.Join("\n\n", paragraphs);
        return prefix switch
        {
            "000" => Cut(text, Seed000Start, Seed000End),
            "001" => Cut(text, Seed001Start, null),
            _ => text,
        };
    }

    public static Article Article(string id, string body) => new() { Id = id, Source = id + ".txt", Body = body };

    private static string Cut(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = end is null ? text.Length : text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }
}
