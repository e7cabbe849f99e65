using Parallax.Text;

namespace Parallax.Compare;

/// <summary>
/// Ids for the words and terms of one comparison run (one story): equal strings get one id, so that comparing two texts
/// is comparing int arrays (vectorised equality and search, merge intersections) instead of hashing strings per pair.
/// Also caches each lowercased word's canonical term, so stemming and synonym lookup run once per distinct word.
/// Not thread-safe: one table per run.
/// </summary>
internal sealed class TermTable
{
    /// <summary>Id of a word that is no content term (see <see cref="CanonicalId"/>).</summary>
    public const int None = -1;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> canonical = new(StringComparer.Ordinal);

    public int Count => ids.Count;

    public int Id(string s)
    {
        if (!ids.TryGetValue(s, out var id))
        {
            id = ids.Count;
            ids[s] = id;
        }

        return id;
    }

    /// <summary>Id of the canonical term of a lowercased word, or <see cref="None"/> for function words.</summary>
    public int CanonicalId(string lower)
    {
        if (!canonical.TryGetValue(lower, out var id))
        {
            id = QuoteTerms.Canonical(lower) is { } term ? Id(term) : None;
            canonical[lower] = id;
        }

        return id;
    }
}

/// <summary>A quote's words prepared for comparison: lowercased surface words and canonical content terms, as ids of one <see cref="TermTable"/>.</summary>
internal sealed class QuoteTerms
{
    private const int MinStemLength = 4;

    /// <summary>Figures with this many digits anchor a fact (<see cref="Anchors"/>); number words map to single digits.</summary>
    internal const int MinAnchorDigits = 2;

    /// <summary>At most this many parts per text: the slot bookkeeping of the one-to-many matching uses one bit per part.</summary>
    internal const int MaxParts = 32;

    private static readonly char[] Apostrophes = ['\'', '\u2019'];

    /// <summary>Terms of <paramref name="text"/>; with <paramref name="split"/>, also of each statement part (<see cref="ClauseSplitter"/>).</summary>
    public QuoteTerms(string text, TermTable table, bool split = false)
    {
        Words = WordDiff.Words(text);
        var lower = new List<int>(Words.Count);
        var content = new List<int>(Words.Count);
        var numbers = new List<int>();
        var anchors = new List<int>();
        foreach (var word in Words)
        {
            // Split at apostrophes so that "it's" and a detokenised "it ’ s" give the same words.
            var w = word.ToLowerInvariant();
            if (w.AsSpan().IndexOfAny(Apostrophes) < 0)
            {
                Add(w);
                continue;
            }

            foreach (var part in w.Split(Apostrophes, StringSplitOptions.RemoveEmptyEntries))
            {
                Add(part);
            }
        }

        Lower = [.. lower];
        LowerSorted = [.. lower];
        Array.Sort(LowerSorted);
        Content = [.. content];
        ContentSet = Distinct(content);
        Numbers = Distinct(numbers);
        Anchors = Distinct(anchors);
        LeadNumber = numbers.Count > 0 ? numbers[0] : -1;

        if (split)
        {
            var spans = ClauseSplitter.Split(text, 0, text.Length);
            if (spans.Count >= 2 && spans.Count <= MaxParts)
            {
                var parts = new List<(TextSpan, QuoteTerms)>(spans.Count);
                foreach (var span in spans)
                {
                    parts.Add((span, new QuoteTerms(span.Of(text), table)));
                }

                Parts = parts;
            }
        }

        void Add(string w)
        {
            var id = table.Id(w);
            var baseline = IsBaseline(lower, table);
            lower.Add(id);
            if (w.Length > 0 && char.IsAsciiDigit(w[0]) && !baseline)
            {
                numbers.Add(id);
                if (IsSpecificFigure(w))
                {
                    anchors.Add(id);
                }
            }

            // A compound names its parts: "Iran-Russia cooperation" is cooperation of Iran and Russia.
            if (w.Contains('-', StringComparison.Ordinal))
            {
                foreach (var part in w.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (table.CanonicalId(part) is var partTerm and not TermTable.None)
                    {
                        content.Add(partTerm);
                    }
                }

                return;
            }

            if (table.CanonicalId(w) is var term and not TermTable.None)
            {
                content.Add(term);
            }
        }
    }

    /// <summary>The statements the text carries, each with its span in the text; empty when it is one statement or was not split.</summary>
    public IReadOnlyList<(TextSpan Span, QuoteTerms Terms)> Parts { get; } = [];

    /// <summary>Ids of the words that are figures ("14", "3.75", "2,400"), sorted, for telling apart facts that differ only in numbers.</summary>
    public int[] Numbers { get; }

    /// <summary>
    /// Ids of the figures specific enough to name one fact of a story ("40,000", "3.75", "2027", "31"), sorted: single
    /// digits ("two men", "crane 6") recur across a story's different facts.
    /// </summary>
    public int[] Anchors { get; }

    /// <summary>Id of the first figure in the text, or -1: the figure the statement is about ("23 vessels ..., up from 14").</summary>
    public int LeadNumber { get; }

    /// <summary>Word and number tokens as written, for the word diff.</summary>
    public List<string> Words { get; }

    /// <summary>Ids of the lowercased words, in text order.</summary>
    public int[] Lower { get; }

    /// <summary><see cref="Lower"/> sorted: the multiset intersection of two texts' words bounds their LCS.</summary>
    public int[] LowerSorted { get; }

    /// <summary>Ids of the canonical content terms in text order.</summary>
    public int[] Content { get; }

    /// <summary>Ids of the distinct content terms, sorted.</summary>
    public int[] ContentSet { get; }

    /// <summary>How many ids two sorted id arrays share, duplicates counted as often as both have them (merge intersection).</summary>
    public static int CountCommon(int[] a, int[] b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    /// <summary>
    /// Whether the next word follows "up from" or "down from": a figure given as the baseline of a change ("23 vessels,
    /// up from 14") is not the figure the statement reports, so it neither ties nor parts two statements.
    /// </summary>
    private static bool IsBaseline(List<int> lower, TermTable table)
    {
        if (lower.Count < 2 || lower[^1] != table.Id("from"))
        {
            return false;
        }

        var before = lower[^2];
        return before == table.Id("up") || before == table.Id("down");
    }

    /// <summary>A figure of at least <see cref="MinAnchorDigits"/> digits (separators "." and "," skipped).</summary>
    internal static bool IsSpecificFigure(string w)
    {
        var digits = 0;
        foreach (var c in w)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('.' or ','))
            {
                break;
            }
        }

        return digits >= MinAnchorDigits;
    }

    private static int[] Distinct(List<int> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var array = ids.ToArray();
        Array.Sort(array);
        var n = 1;
        for (var i = 1; i < array.Length; i++)
        {
            if (array[i] != array[n - 1])
            {
                array[n++] = array[i];
            }
        }

        return n == array.Length ? array : array[..n];
    }

    /// <summary>Synonym-mapped light stem of a content word, or null for function words.</summary>
    internal static string? Canonical(string lower)
    {
        if (CompareRules.Stopwords.Contains(lower))
        {
            return null;
        }

        // A lone letter is what is left of a possessive or a contraction split at its apostrophe ("Velmont's", "don't"):
        // as a term it would tie together any two sentences that both use one.
        if (lower.Length == 1 && !char.IsAsciiDigit(lower[0]))
        {
            return null;
        }

        if (!CompareRules.Synonyms.TryGetValue(lower, out var term))
        {
            var stem = Stem(lower);
            if (!CompareRules.Synonyms.TryGetValue(stem, out term))
            {
                return CompareRules.Stopwords.Contains(stem) ? null : stem;
            }
        }

        // The canonical form is stemmed like any word, so that the form itself ("rise") meets the words mapped to it
        // ("increase" -> "rise").
        return CompareRules.Stopwords.Contains(term) ? null : Stem(term);
    }

    /// <summary>
    /// Strips plural, -ed/-ing and -ily endings, then a final e and a doubled final consonant, so that every form of a
    /// word meets at one stem ("stopped"/"stop", "hoped"/"hope", "taxes"/"tax", "temporarily"/"temporary"); possessives
    /// are already split off at the apostrophe.
    /// </summary>
    internal static string Stem(string w)
    {
        var stem = w;
        var verbal = false;

        // "regulatory" is what the "regulator" does, "advisory" the "advisor": one outlet names the body, another its kind.
        if (w.Length > MinStemLength + 3 && w.EndsWith("tory", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        if (w.Length > MinStemLength + 1 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > MinStemLength + 2 && w.EndsWith("ily", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > MinStemLength + 1 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            stem = w[..^3];
            verbal = true;
        }
        else if (w.Length > MinStemLength && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal))
        {
            stem = w[..^2];
            verbal = true;
        }
        else if (w.Length > MinStemLength - 1 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal))
        {
            stem = w[..^1];
        }

        if (stem.Length >= MinStemLength && stem[^1] == 'e' && stem[^2] != 'e')
        {
            return stem[..^1];
        }

        // "stopp" (from "stopped") meets "stop"; l, s and z double in the base word too ("call", "pass", "buzz").
        if (verbal && stem.Length >= MinStemLength && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e') && !IsVowel(stem[^1]))
        {
            return stem[..^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
