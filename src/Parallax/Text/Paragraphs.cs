namespace Parallax.Text;

/// <summary>
/// Paragraphs of a body: runs of text separated by a blank line (a line break, optional blanks, another
/// line break). Spans are trimmed of surrounding white space and never empty.
/// </summary>
public static class Paragraphs
{
    public static List<TextSpan> Split(string text) => Split(text, 0, text?.Length ?? 0);

    public static List<TextSpan> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckRange(text, start, end);
        var result = new List<TextSpan>();
        var paragraphStart = start;
        var i = start;
        while (i < end)
        {
            if (text[i] == '\n')
            {
                var j = i + 1;
                while (j < end && text[j] != '\n' && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                if (j < end && text[j] == '\n')
                {
                    AddTrimmed(text, paragraphStart, i, result);
                    while (j < end && char.IsWhiteSpace(text[j]))
                    {
                        j++;
                    }

                    paragraphStart = j;
                    i = j;
                    continue;
                }
            }

            i++;
        }

        AddTrimmed(text, paragraphStart, end, result);
        return result;
    }

    internal static void CheckRange(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"range [{start}, {end}) is outside a text of length {text.Length}");
        }
    }

    internal static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> result)
    {
        var span = Trim(text, start, end);
        if (span.Length > 0)
        {
            result.Add(span);
        }
    }
}
