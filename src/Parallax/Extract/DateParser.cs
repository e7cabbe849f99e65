using System.Globalization;

namespace Parallax.Extract;

/// <summary>Reads publication dates from header widgets and metadata values.</summary>
internal static class DateParser
{
    /// <summary>Years outside this range are page furniture (copyright lines, ids), not publication dates.</summary>
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    /// <summary>When the whole line is a date (<c>Wednesday , March 22 2023</c>, <c>24 Feb 2023</c>), its <c>YYYY-MM-DD</c>.</summary>
    public static string? ParseDateLine(string line)
    {
        if (line.Length is < 6 or > 80)
        {
            return null;
        }

        System.Text.RegularExpressions.Match m;
        try
        {
            m = ExtractRules.DateLine().Match(line);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }

        if (!m.Success)
        {
            return null;
        }

        if (NamedOrIso(m) is { Matched: true } named)
        {
            return named.Date;
        }

        // dd-mm-yyyy is the common order outside the US; mm-dd only when the first number cannot be a month... and vice versa.
        var a = int.Parse(m.Groups["d4"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["m4"].Value, CultureInfo.InvariantCulture);
        return b > 12 && a <= 12
            ? Compose(m.Groups["y4"].Value, a, b.ToString(CultureInfo.InvariantCulture))
            : Compose(m.Groups["y4"].Value, b, a.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Normalises a metadata value (<c>2023-02-24T10:30:00+03:00</c>, <c>2023-02-24</c>, <c>February 24, 2023</c>)
    /// to the contract's form: full ISO-8601 with offset when it has one, else <c>YYYY-MM-DD</c>.
    /// </summary>
    public static string? NormalizeMetadata(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto) && HasOffset(v) && InRange(dto.Year))
        {
            return dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        if (v.Length >= 10 && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && InRange(d.Year))
        {
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return ParseDateLine(v);
    }

    /// <summary>
    /// The first date written anywhere in a short text (a dateline, a byline tail, a widget), as <c>YYYY-MM-DD</c>,
    /// with where it starts. Numeric dates: <c>2024-05-01</c> is ISO; with a dot the day comes first (European use);
    /// with a slash or dash the month comes first unless the first number cannot be a month.
    /// </summary>
    public static (string Date, int Index)? FindDate(string text)
    {
        if (text.Length < 6)
        {
            return null;
        }

        System.Text.RegularExpressions.Match m;
        try
        {
            m = MetadataRules.DateInText().Match(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }

        for (; m.Success; m = m.NextMatch())
        {
            var date = FromMatch(m);
            if (date is not null)
            {
                return (date, m.Index);
            }
        }

        return null;
    }

    /// <summary>The date in a URL's path (<c>/2024/05/01/</c>), as <c>YYYY-MM-DD</c>.</summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000)
        {
            return null;
        }

        try
        {
            var m = MetadataRules.UrlDate().Match(url);
            return m.Success ? Compose(m.Groups["y"].Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value) : null;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// The forms that name their month or are year-first (groups y1-y3 of the date patterns), composed (null when not a
    /// real date); not matched for the numeric day/month forms, whose order each caller decides.
    /// </summary>
    private static (bool Matched, string? Date) NamedOrIso(System.Text.RegularExpressions.Match m)
    {
        if (m.Groups["y1"].Success)
        {
            return (true, Compose(m.Groups["y1"].Value, MonthOf(m.Groups["m1"].Value), m.Groups["d1"].Value));
        }

        if (m.Groups["y2"].Success)
        {
            return (true, Compose(m.Groups["y2"].Value, MonthOf(m.Groups["m2"].Value), m.Groups["d2"].Value));
        }

        return m.Groups["y3"].Success
            ? (true, Compose(m.Groups["y3"].Value, int.Parse(m.Groups["m3"].Value, CultureInfo.InvariantCulture), m.Groups["d3"].Value))
            : (false, null);
    }

    private static string? FromMatch(System.Text.RegularExpressions.Match m)
    {
        if (NamedOrIso(m) is { Matched: true } named)
        {
            return named.Date;
        }

        var a = int.Parse(m.Groups["d4"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["m4"].Value, CultureInfo.InvariantCulture);
        var dotted = m.Value.Contains('.', StringComparison.Ordinal);
        var monthFirst = a > 12 ? false : b > 12 || !dotted;
        return monthFirst
            ? Compose(m.Groups["y4"].Value, a, b.ToString(CultureInfo.InvariantCulture))
            : Compose(m.Groups["y4"].Value, b, a.ToString(CultureInfo.InvariantCulture));
    }

    private static bool HasOffset(string v)
    {
        var t = v.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var time = v.AsSpan(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.LastIndexOfAny('+', '-') > 0;
    }

    private static int MonthOf(string name) => ExtractRules.Months.TryGetValue(name, out var m) ? m : ExtractRules.Months.TryGetValue(name[..Math.Min(3, name.Length)], out m) ? m : 0;

    private static string? Compose(string year, int month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (!InRange(y) || month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        return new DateOnly(y, month, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static bool InRange(int year) => year is >= MinYear and <= MaxYear;
}
