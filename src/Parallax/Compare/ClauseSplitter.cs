using System.Text.RegularExpressions;
using Parallax.Text;

namespace Parallax.Compare;

/// <summary>
/// Splits a quote or sentence into the statements it carries: at sentence ends, semicolons and clause connectives
/// ("..., and that ...", "... and said ...", "..., but ..."). One outlet quotes as one block, or reports in one
/// sentence, what another gives as two quotes; aligning the parts lets each part find its own counterpart.
/// </summary>
internal static partial class ClauseSplitter
{
    /// <summary>
    /// A part needs this many content terms to stand as a statement: below it ("he said", "it is not noise") the piece
    /// stays with its neighbour. Three keeps "safety was not negotiable" (safety, negotiable ... plus the verb) apart from
    /// what follows it in the samples while connectives inside a name list ("Velmont and Ostravia") never split.
    /// </summary>
    internal const int MinPartTerms = 3;

    /// <summary>Texts shorter than this many characters are one statement: splitting them only adds work.</summary>
    private const int MinSplitLength = 60;

    /// <summary>Parts of <paramref name="text"/>[start..end) in text order, trimmed; a single part when nothing splits.</summary>
    public static List<TextSpan> Split(string text, int start, int end)
    {
        var result = new List<TextSpan>();
        if (end - start < MinSplitLength)
        {
            result.Add(new TextSpan(start, end));
            return result;
        }

        // Candidate cut points: (where the left part ends, where the right part starts).
        var cuts = new List<(int LeftEnd, int RightStart)>();
        var sentences = SentenceSplitter.Split(text, start, end);
        for (var i = 1; i < sentences.Count; i++)
        {
            cuts.Add((sentences[i - 1].End, sentences[i].Start));
        }

        foreach (var s in sentences)
        {
            foreach (var m in CompareRules.ClauseBreak().EnumerateMatches(text.AsSpan(s.Start, s.Length)))
            {
                cuts.Add((s.Start + m.Index, s.Start + m.Index + m.Length));
            }
        }

        if (cuts.Count == 0)
        {
            result.Add(new TextSpan(start, end));
            return result;
        }

        cuts.Sort((a, b) => a.LeftEnd.CompareTo(b.LeftEnd));
        var pieceStart = start;
        foreach (var (leftEnd, rightStart) in cuts)
        {
            if (leftEnd <= pieceStart || rightStart >= end)
            {
                continue;
            }

            // Cut only when both sides can stand alone; otherwise the connective stays inside the piece.
            if (ContentTerms(text, pieceStart, leftEnd) >= MinPartTerms && ContentTerms(text, rightStart, end) >= MinPartTerms)
            {
                result.Add(Trim(text, pieceStart, leftEnd));
                pieceStart = rightStart;
            }
        }

        result.Add(Trim(text, pieceStart, end));
        return result;
    }

    private static int ContentTerms(string text, int start, int end)
    {
        var n = 0;
        foreach (var w in WordDiff.Words(text[start..end]))
        {
            if (QuoteTerms.Canonical(w.ToLowerInvariant()) is not null)
            {
                n++;
            }
        }

        return n;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || IsEdgePunctuation(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':'))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static bool IsEdgePunctuation(char c) => c is ',' or ';' or ':' or '"' or '\u201C' or '\u201D';
}
