namespace Parallax.Text;

/// <summary>Positions relative to the start of their line.</summary>
public static class LineStarts
{
    /// <summary>
    /// Whether only whitespace and opening quotes or brackets stand between the previous line break (or the start of
    /// the text) and <paramref name="start"/>: a capitalised word there says nothing about being a name.
    /// </summary>
    public static bool IsAtLineStart(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c) && c is not '"' and not '\u201C' and not '\'' and not '\u2018' and not '(')
            {
                return false;
            }
        }

        return true;
    }
}
