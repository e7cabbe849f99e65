using System.Text.RegularExpressions;

namespace Parallax.Stories;

/// <summary>
/// The year an article's text places its event in, for time agreement when publication dates are missing or say
/// little (ECB+ has none): the year most often written in a date in the text ("Feb. 4, 2009", "2 / 3 / 2009",
/// "9 September 2013", "2009-02-04"), a dateline's year counting double. A bare year ("since 1991", "a 2008 GMC Sierra",
/// "the 2008-09 season") is background more often than the event's time, so it does not count.
/// </summary>
internal static partial class TimeAgreement
{
    /// <summary>Years outside this range are history or typos, not the event's year.</summary>
    private const int FirstYear = 1950;

    private const int LastYear = 2039;

    /// <summary>Characters at the top of the body where a dateline ("Posted 12/19/2005", "November 12, 2011") sits.</summary>
    private const int DatelineChars = 300;

    /// <summary>Characters before a year searched for its month or day-and-month.</summary>
    private const int DateContextChars = 16;

    /// <summary>Whether a year that ends the text before it (<paramref name="before"/>) or starts
    /// <paramref name="after"/> is written as part of a date.</summary>
    internal static bool InDate(ReadOnlySpan<char> before, ReadOnlySpan<char> after) =>
        MonthBeforeYear().IsMatch(before) || NumericDateBeforeYear().IsMatch(before) || IsoDateAfterYear().IsMatch(after);

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
                var from = Math.Max(0, i - DateContextChars);
                if (year is >= FirstYear and <= LastYear
                    && InDate(text.AsSpan(from, i - from), text.AsSpan(j, Math.Min(6, text.Length - j))))
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

    /// <summary>Weekday names in <see cref="DayOfWeek"/> order, as a news text writes them.</summary>
    private static readonly string[] WeekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>
    /// The weekday an article's text places its event on: the weekday name it writes most often, the first written on ties
    /// ("stole jewels on Thursday"). Two events of one kind (two heists in one city, two fights of one champion) mostly fall
    /// on different weekdays, while reports of one event repeat its day. Null when no weekday is named.
    /// </summary>
    public static DayOfWeek? EventWeekday(string text)
    {
        Span<int> counts = stackalloc int[7];
        Span<int> firstAt = stackalloc int[7];
        firstAt.Fill(int.MaxValue);
        var any = false;
        var span = text.AsSpan();
        for (var at = span.IndexOf("day", StringComparison.Ordinal); at >= 0;)
        {
            var end = at + 3;
            if (end == span.Length || !char.IsLetter(span[end]))
            {
                for (var d = 0; d < WeekdayNames.Length; d++)
                {
                    var name = WeekdayNames[d];
                    var start = end - name.Length;
                    if (start >= 0 && (start == 0 || !char.IsLetter(span[start - 1])) && span[start..end].SequenceEqual(name))
                    {
                        counts[d]++;
                        firstAt[d] = Math.Min(firstAt[d], start);
                        any = true;
                        break;
                    }
                }
            }

            var next = span[end..].IndexOf("day", StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }

        if (!any)
        {
            return null;
        }

        var best = 0;
        for (var d = 1; d < counts.Length; d++)
        {
            if (counts[d] > counts[best] || (counts[d] == counts[best] && firstAt[d] < firstAt[best]))
            {
                best = d;
            }
        }

        return (DayOfWeek)best;
    }

    [GeneratedRegex(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*)?,?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthBeforeYear();

    [GeneratedRegex(@"\b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDateBeforeYear();

    [GeneratedRegex(@"^-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateAfterYear();
}
