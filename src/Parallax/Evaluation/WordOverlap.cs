namespace Parallax.Evaluation;

/// <summary>Precision, recall and F1 of one prediction against one gold text.</summary>
public readonly record struct Prf(double Precision, double Recall, double F1);

/// <summary>
/// The WCXB body metric (../shared/bench/README.md): word-level F1 over lowercased <c>\w+</c> tokens counted
/// as multisets, overlap = multiset intersection size.
/// </summary>
public static class WordOverlap
{
    public static Prf Score(string predicted, string gold)
    {
        var p = Count(predicted);
        var g = Count(gold);
        int pn = p.Values.Sum(), gn = g.Values.Sum();
        if (pn == 0 && gn == 0)
        {
            return new Prf(1, 1, 1);
        }

        // Nothing extracted, or nothing to extract: no overlap is possible, and the page scores zero.
        if (pn == 0 || gn == 0)
        {
            return new Prf(0, 0, 0);
        }

        var overlap = 0;
        foreach (var (word, n) in p)
        {
            if (g.TryGetValue(word, out var m))
            {
                overlap += Math.Min(n, m);
            }
        }

        double precision = (double)overlap / pn, recall = (double)overlap / gn;
        return new Prf(precision, recall, overlap == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /// <summary>Lowercased word tokens as Python's <c>\w+</c> sees them: letters, digits, marks and underscore.</summary>
    public static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[128];
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWord(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWord(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            var lower = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            lookup[lower] = lookup.TryGetValue(lower, out var n) ? n + 1 : 1;
        }

        return counts;
    }

    private static bool IsWord(char c) =>
        char.IsLetterOrDigit(c) || c == '_' ||
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
