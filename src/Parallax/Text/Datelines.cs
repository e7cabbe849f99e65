using System.Text.RegularExpressions;

namespace Parallax.Text;

/// <summary>
/// Datelines that open a news paragraph: <c>TEHRAN:</c>, <c>WASHINGTON (Reuters) -</c>,
/// <c>LONDON, March 3 (AP) —</c>. Later stages skip them when they take content from a sentence.
/// </summary>
public static partial class Datelines
{
    // A dateline is short; a longer all-caps run is a heading, not a dateline.
    private const int MaxLength = 100;

    /// <summary>
    /// The dateline at <paramref name="paragraphStart"/>, from its first character through the separator and
    /// the blanks after it (so the paragraph's text starts at <c>End</c>), or null when there is none.
    /// </summary>
    public static TextSpan? Match(string text, int paragraphStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (paragraphStart < 0 || paragraphStart >= text.Length)
        {
            return null;
        }

        var length = Math.Min(MaxLength, text.Length - paragraphStart);
        var match = DatelinePattern().Match(text, paragraphStart, length);
        if (!match.Success || match.Index != paragraphStart)
        {
            return null;
        }

        var end = match.Index + match.Length;
        return end < text.Length && !char.IsWhiteSpace(text[end]) ? new TextSpan(paragraphStart, end) : null;
    }

    [GeneratedRegex(
        @"\G(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}[ ]+)?" +
        @"\p{Lu}[\p{Lu}'’.\-]+(?:[ ]\p{Lu}[\p{Lu}'’.\-]*){0,3}" +
        @"(?:,[ ](?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}|\p{Lu}[\p{L}.]*(?:[ ]\p{Lu}[\p{L}.]*)?)){0,2}" +
        @"(?:[ ]?\([^()\n]{1,40}\))?" +
        @"(?:[ ]?:|[ ]+[-–—]{1,2}|[ ]?[—–])[ \u00A0]+",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();
}
