namespace Parallax.Text;

/// <summary>
/// Splits English news text into sentences with exact offsets (spans are trimmed, never empty).
/// A blank line always ends a sentence. Closing quote marks and brackets after a terminator stay with the
/// sentence they close, and a terminator followed by a lowercase word (<c>"We will win!" he said.</c>) does
/// not end the sentence. Abbreviations, initials, decimals and ellipses inside a sentence are kept.
/// </summary>
public static class SentenceSplitter
{
    public static List<TextSpan> Split(string text) => Split(text, 0, text?.Length ?? 0);

    public static List<TextSpan> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        Paragraphs.CheckRange(text, start, end);
        var result = new List<TextSpan>();
        foreach (var paragraph in Paragraphs.Split(text, start, end))
        {
            SplitParagraph(text, paragraph.Start, paragraph.End, result);
        }

        return result;
    }

    private static void SplitParagraph(string text, int start, int end, List<TextSpan> result)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '\u2026'))
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < end && text[j] is '.' or '!' or '?' or '\u2026')
            {
                j++;
            }

            var isEllipsis = c == '\u2026' || j - i >= 3;
            if (c == '.' && j == i + 1 && !DotMayEndSentence(text, sentenceStart, i, end))
            {
                i = j;
                continue;
            }

            while (j < end && IsCloser(text[j]))
            {
                j++;
            }

            if (j >= end)
            {
                break;
            }

            if (!char.IsWhiteSpace(text[j]))
            {
                i = j;
                continue;
            }

            var next = j;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= end || !StartsSentence(text[next]) || (isEllipsis && !char.IsUpper(text[next])))
            {
                i = next;
                continue;
            }

            Add(text, sentenceStart, j, result);
            sentenceStart = next;
            i = next;
        }

        Add(text, sentenceStart, end, result);
    }

    private static bool DotMayEndSentence(string text, int sentenceStart, int dot, int end)
    {
        if (dot + 1 < end && char.IsLetterOrDigit(text[dot + 1]))
        {
            // "3.5", "U.S.A", "example.com": no space after the dot.
            return false;
        }

        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return true;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial: "J. R. R. Tolkien", "George W. Bush".
            return false;
        }

        var nextWord = NextWord(text, dot + 1, end);
        var lookup = SentenceRules.TitleAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            return false;
        }

        if (SentenceRules.NumberAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return nextWord.Length == 0 || !char.IsDigit(nextWord[0]);
        }

        if (word.Contains('.') || SentenceRules.InnerAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return SentenceRules.SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord);
        }

        return true;
    }

    private static ReadOnlySpan<char> NextWord(string text, int from, int end)
    {
        var i = from;
        while (i < end && (char.IsWhiteSpace(text[i]) || IsOpener(text[i])))
        {
            i++;
        }

        var j = i;
        while (j < end && char.IsLetterOrDigit(text[j]))
        {
            j++;
        }

        return text.AsSpan(i, j - i);
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || IsOpener(c) || (!char.IsLetter(c) && !char.IsPunctuation(c)) || c is '-' or '\u2014' or '\u2013';

    private static bool IsOpener(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '\u201E' or '(' or '[';

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or ')' or ']';

    private static void Add(string text, int start, int end, List<TextSpan> result)
    {
        var span = Paragraphs.Trim(text, start, end);
        if (span.Length > 0)
        {
            result.Add(span);
        }
    }
}
