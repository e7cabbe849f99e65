namespace Parallax.Stories;

/// <summary>
/// The year an article's text places its event in, for time agreement when publication dates are missing or say
/// little (ECB+ has none): the year most often written in the text, a dateline's year counting double.
/// </summary>
internal static class TimeAgreement
{
    /// <summary>Years outside this range are history or typos, not the event's year.</summary>
    private const int FirstYear = 1950;

    private const int LastYear = 2039;

    /// <summary>Characters at the top of the body where a dateline ("Posted 12/19/2005", "November 12, 2011") sits.</summary>
    private const int DatelineChars = 300;

    public static int? ContentYear(string text)
    {
        Span<int> counts = stackalloc int[LastYear - FirstYear + 1];
        var any = false;
        for (var i = 0; i + 4 <= text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            var j = i;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j - i == 4 && (j == text.Length || !char.IsAsciiLetterOrDigit(text[j])))
            {
                var year = ((text[i] - '0') * 1000) + ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                if (year is >= FirstYear and <= LastYear)
                {
                    counts[year - FirstYear] += i < DatelineChars ? 2 : 1;
                    any = true;
                }
            }

            i = j;
        }

        if (!any)
        {
            return null;
        }

        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] >= counts[best])
            {
                best = k;
            }
        }

        return FirstYear + best;
    }
}
