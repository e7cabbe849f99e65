using System.Buffers;
using System.Text;

namespace Parallax.Text;

/// <summary>Runs of whitespace as one space, trimmed at both ends.</summary>
public static class Whitespace
{
    // HTML's own whitespace (the spec's "ASCII whitespace"): a no-break space is content there, not layout.
    private static readonly SearchValues<char> HtmlSpace = SearchValues.Create(" \t\n\r\f");

    /// <summary>Collapses every Unicode white-space character, U+00A0 included.</summary>
    public static string Collapse(string text) => Collapse(text, html: false);

    /// <summary>Collapses HTML's ASCII whitespace only, keeping no-break spaces as written.</summary>
    public static string CollapseHtml(string text) => Collapse(text, html: true);

    private static string Collapse(string text, bool html)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (html ? HtmlSpace.Contains(c) : char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
