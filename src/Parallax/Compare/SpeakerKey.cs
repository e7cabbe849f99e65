using Parallax.Model;

namespace Parallax.Compare;

/// <summary>
/// Who a quote is attributed to, reduced to what two outlets' attributions can be checked against: the speaker id,
/// the proper-name words of the speaker's name (or of the mention as written when no speaker record is given), and
/// the proper-name words of its roles ("Kessing Bulk Handling spokesman" speaks for "Kessing Bulk Handling").
/// </summary>
internal sealed class SpeakerKey
{
    public static readonly SpeakerKey Unknown = new(null, [], []);

    private SpeakerKey(string? id, HashSet<string> names, HashSet<string> affiliations)
    {
        Id = id;
        Names = names;
        Affiliations = affiliations;
    }

    public string? Id { get; }

    public HashSet<string> Names { get; }

    public HashSet<string> Affiliations { get; }

    public static SpeakerKey Of(Quote quote, IReadOnlyDictionary<string, Speaker>? speakers)
    {
        if (quote.Speaker is { } id && speakers is not null && speakers.TryGetValue(id, out var speaker))
        {
            var names = ProperWords(speaker.Name);
            foreach (var alias in speaker.Aliases)
            {
                names.UnionWith(ProperWords(alias));
            }

            var affiliations = new HashSet<string>(StringComparer.Ordinal);
            foreach (var role in speaker.Roles)
            {
                affiliations.UnionWith(ProperWords(role));
            }

            affiliations.ExceptWith(names);
            return new SpeakerKey(id, names, affiliations);
        }

        return quote.Speaker is null && quote.SpeakerMention is null
            ? Unknown
            : new SpeakerKey(quote.Speaker, quote.SpeakerMention is { } m ? ProperWords(m) : [], []);
    }

    /// <summary>
    /// False only when both attributions name someone and nothing ties them together: "Ana Sorel" and "Clara Voss" are
    /// two speakers, while "the company" or "he" could be anyone and "Marta Linde" is "branch chair Marta Linde".
    /// </summary>
    public static bool Compatible(SpeakerKey a, SpeakerKey b)
    {
        if (a.Id is not null && string.Equals(a.Id, b.Id, StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Names.Count == 0 || b.Names.Count == 0)
        {
            return true;
        }

        return a.Names.Overlaps(b.Names) || a.Affiliations.Overlaps(b.Names) || b.Affiliations.Overlaps(a.Names);
    }

    /// <summary>
    /// True when both attributions positively name one speaker: the same speaker record, or a proper name in common.
    /// A pronoun or a bare "the company" is compatible with anyone but is never the same.
    /// </summary>
    public static bool Same(SpeakerKey a, SpeakerKey b) =>
        (a.Id is not null && string.Equals(a.Id, b.Id, StringComparison.Ordinal) && a.Names.Count > 0)
        || (a.Names.Count > 0 && b.Names.Count > 0 && a.Names.Overlaps(b.Names));

    /// <summary>Capitalised words of a name that identify someone: titles, roles and determiners are left out.</summary>
    internal static HashSet<string> ProperWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in WordDiff.Words(text))
        {
            if (word.Length < 2 || !char.IsUpper(word[0]))
            {
                continue;
            }

            var lower = word.ToLowerInvariant();
            if (!CompareRules.TitleWords.Contains(lower) && !CompareRules.Stopwords.Contains(lower))
            {
                words.Add(lower);
            }
        }

        return words;
    }
}
