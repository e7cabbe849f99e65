using System.Globalization;

namespace Parallax.Ingest;

/// <summary>
/// Lenient date reading for feeds and sitemaps: RFC 822 in its many broken variants (missing or wrong weekday,
/// two-digit year, no seconds, named or numeric zones, no zone at all) and ISO 8601 (with or without a zone).
/// A missing zone is read as UTC: feeds that omit it are mostly servers printing UTC.
/// </summary>
public static class FeedDates
{
    /// <summary>Years outside this range are typos (0202, 20024), not dates.</summary>
    private const int MinYear = 1990;

    private const int MaxYear = 2100;

    /// <summary>Two-digit years below this are 20xx, else 19xx (RFC 2822 section 4.3 uses 50).</summary>
    private const int TwoDigitYearPivot = 50;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>The date, or null when the text is not a date we can read with confidence.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var result = char.IsAsciiDigit(trimmed[0]) && trimmed.Length >= 10 && trimmed[4] == '-'
            ? ParseIso(trimmed)
            : ParseRfc822(trimmed);
        return result is { } value && value.Year is >= MinYear and <= MaxYear ? value : null;
    }

    /// <summary>The date in the form articles carry (<c>2024-05-01T09:30:00+02:00</c>), or null.</summary>
    public static string? Format(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseIso(string text)
    {
        // A lower-case 'z' or a trailing " UTC" are common slips.
        var cleaned = text.Replace('z', 'Z');
        if (cleaned.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase) || cleaned.EndsWith(" GMT", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[..^4] + "Z";
        }

        return DateTimeOffset.TryParseExact(cleaned, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) ? value : null;
    }

    /// <summary>
    /// Token by token: [weekday[,]] day month year time [zone]. The weekday is ignored (feeds get it wrong), the
    /// order "month day" is accepted too, and a zone may be a name, <c>+hhmm</c>, <c>+hh:mm</c> or absent.
    /// </summary>
    private static DateTimeOffset? ParseRfc822(string text)
    {
        var tokens = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        int? day = null, month = null, year = null;
        TimeSpan? time = null;
        var offset = TimeSpan.Zero;
        foreach (var raw in tokens)
        {
            var token = raw.TrimEnd('.');
            if (token.Contains(':', StringComparison.Ordinal) && time is null && token.Length > 0 && char.IsAsciiDigit(token[0]))
            {
                time = ParseTime(token, out var attachedZone);
                if (time is null)
                {
                    return null;
                }

                if (attachedZone is { } z)
                {
                    offset = z;
                }
            }
            else if (token.Length >= 3 && FeedRules.Months.TryGetValue(token[..3], out var m) && month is null && char.IsAsciiLetter(token[0]))
            {
                month = m;
            }
            else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (day is null && token.Length <= 2 && year is null)
                {
                    day = number;
                }
                else if (year is null)
                {
                    year = token.Length <= 2 ? (number < TwoDigitYearPivot ? 2000 + number : 1900 + number) : number;
                }
            }
            else if (ParseZone(token) is { } zone)
            {
                offset = zone;
            }

            // Weekdays and unknown words are skipped.
        }

        if (day is not { } d || month is not { } mo || year is not { } y || d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), mo))
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(y, mo, d, 0, 0, 0, offset) + (time ?? TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan? ParseTime(string token, out TimeSpan? zone)
    {
        zone = null;
        var end = token.Length;
        var signAt = token.IndexOfAny(['+', '-', 'Z', 'z']);
        if (signAt > 0)
        {
            zone = ParseZone(token[signAt..]);
            end = signAt;
        }

        var parts = token[..end].Split(':');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || h > 23 || min > 59)
        {
            return null;
        }

        var s = 0;
        if (parts.Length == 3 && !int.TryParse(parts[2].Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out s))
        {
            return null;
        }

        return s > 60 ? null : new TimeSpan(h, min, Math.Min(s, 59));
    }

    private static TimeSpan? ParseZone(string token)
    {
        if (FeedRules.ZoneOffsets.TryGetValue(token, out var named))
        {
            return named;
        }

        if (token.Length < 3 || (token[0] != '+' && token[0] != '-'))
        {
            return null;
        }

        var digits = token[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length is not (2 or 4) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var hours = digits.Length == 2 ? value : value / 100;
        var minutes = digits.Length == 2 ? 0 : value % 100;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return token[0] == '-' ? -span : span;
    }
}
