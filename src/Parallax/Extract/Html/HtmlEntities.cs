using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace Parallax.Extract.Html;

/// <summary>
/// Character references (<c>&amp;amp;</c>, <c>&amp;#8217;</c>, <c>&amp;#x2019;</c>). Numeric references follow the HTML
/// standard, including its remapping of C1 controls to the windows-1252 characters pages mean by them. Named
/// references ending in ';' are resolved by <see cref="WebUtility.HtmlDecode(string)"/> (HTML 4's set, which is what
/// pages use) and remembered; the few legacy names browsers accept without ';' are handled here.
/// </summary>
internal static class HtmlEntities
{
    /// <summary>Longest named reference looked at; the longest in the standard is 32 characters with its ';'.</summary>
    private const int MaxNameLength = 32;

    /// <summary>Names decoded without a ';' (as browsers do for the oldest ones); the ones seen on real pages.</summary>
    private static readonly FrozenDictionary<string, string> Legacy = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["AMP"] = "&", ["lt"] = "<", ["LT"] = "<", ["gt"] = ">", ["GT"] = ">", ["quot"] = "\"", ["QUOT"] = "\"",
        ["nbsp"] = "\u00a0", ["copy"] = "\u00a9", ["COPY"] = "\u00a9", ["reg"] = "\u00ae", ["REG"] = "\u00ae",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names from the HTML standard's list that HTML 4 (and so <see cref="WebUtility"/>) lacks, the ones pages use for punctuation.</summary>
    private static readonly FrozenDictionary<string, string> Html5Only = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bullet"] = "\u2022", ["hyphen"] = "\u2010", ["dash"] = "\u2010", ["apos"] = "'", ["colon"] = ":", ["comma"] = ",",
        ["period"] = ".", ["excl"] = "!", ["quest"] = "?", ["num"] = "#", ["dollar"] = "$", ["percnt"] = "%", ["lpar"] = "(",
        ["rpar"] = ")", ["ast"] = "*", ["plus"] = "+", ["sol"] = "/", ["semi"] = ";", ["equals"] = "=", ["commat"] = "@",
        ["lsqb"] = "[", ["rsqb"] = "]", ["lowbar"] = "_", ["grave"] = "`", ["lcub"] = "{", ["rcub"] = "}", ["verbar"] = "|",
        ["Tab"] = "\t", ["NewLine"] = "\n", ["centerdot"] = "\u00b7", ["half"] = "\u00bd", ["star"] = "\u2606", ["check"] = "\u2713",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> LegacyBySpan = Legacy.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// What numeric references 0x80-0x9F stand for: the standard maps these C1 controls to the windows-1252 characters
    /// at the same byte, because that is what pages written in windows-1252 meant. Zero marks the five unmapped codes.
    /// </summary>
    private static readonly char[] C1 =
    [
        '\u20ac', '\0', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021', '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017d', '\0',
        '\0', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014', '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\0', '\u017e', '\u0178',
    ];

    /// <summary>Named references seen so far; null values mark names that are not references.</summary>
    private static readonly ConcurrentDictionary<string, string?> Named = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> NamedBySpan = Named.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The text with its character references decoded; <paramref name="inAttribute"/> applies the standard's stricter rule for legacy names.</summary>
    public static string Decode(ReadOnlySpan<char> text, bool inAttribute)
    {
        var amp = text.IndexOf('&');
        if (amp < 0)
        {
            return text.ToString();
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (amp >= 0)
        {
            sb.Append(text[i..amp]);
            var consumed = DecodeOne(text[amp..], inAttribute, sb);
            if (consumed == 0)
            {
                sb.Append('&');
                consumed = 1;
            }

            i = amp + consumed;
            var next = text[i..].IndexOf('&');
            amp = next < 0 ? -1 : i + next;
        }

        sb.Append(text[i..]);
        return sb.ToString();
    }

    /// <summary>Decodes the reference at the start of <paramref name="s"/> (which begins with '&amp;') into <paramref name="sb"/>; returns the characters consumed, 0 when it is no reference.</summary>
    private static int DecodeOne(ReadOnlySpan<char> s, bool inAttribute, StringBuilder sb)
    {
        if (s.Length < 2)
        {
            return 0;
        }

        if (s[1] == '#')
        {
            return DecodeNumeric(s, sb);
        }

        var n = 1;
        while (n < s.Length && n <= MaxNameLength && char.IsAsciiLetterOrDigit(s[n]))
        {
            n++;
        }

        if (n == 1)
        {
            return 0;
        }

        var name = s[1..n];
        if (n < s.Length && s[n] == ';')
        {
            if (LookupNamed(name) is { } value)
            {
                sb.Append(value);
                return n + 1;
            }

            return 0;
        }

        // Without ';' only the legacy names count, and in an attribute not before '=' or a letter/digit (query strings: "&copy=1").
        for (var len = name.Length; len >= 2; len--)
        {
            if (LegacyBySpan.TryGetValue(name[..len], out var legacy))
            {
                var after = 1 + len < s.Length ? s[1 + len] : '\0';
                if (inAttribute && (after == '=' || char.IsAsciiLetterOrDigit(after)))
                {
                    return 0;
                }

                sb.Append(legacy);
                return 1 + len;
            }
        }

        return 0;
    }

    private static string? LookupNamed(ReadOnlySpan<char> name)
    {
        if (NamedBySpan.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var key = name.ToString();
        var reference = "&" + key + ";";
        var decoded = WebUtility.HtmlDecode(reference);
        var value = decoded == reference ? Html5Only.GetValueOrDefault(key) : decoded;
        Named.TryAdd(key, value);
        return value;
    }

    private static int DecodeNumeric(ReadOnlySpan<char> s, StringBuilder sb)
    {
        var hex = s.Length > 2 && s[2] is 'x' or 'X';
        var i = hex ? 3 : 2;
        var start = i;
        long value = 0;
        while (i < s.Length && (hex ? char.IsAsciiHexDigit(s[i]) : char.IsAsciiDigit(s[i])))
        {
            // Past the largest code point the value only needs to stay invalid, not exact.
            value = Math.Min(value * (hex ? 16 : 10) + Digit(s[i]), 0x110000);
            i++;
        }

        if (i == start)
        {
            return 0;
        }

        if (i < s.Length && s[i] == ';')
        {
            i++;
        }

        AppendCodePoint(sb, (int)value);
        return i;
    }

    private static int Digit(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendCodePoint(StringBuilder sb, int value)
    {
        if (value is >= 0x80 and <= 0x9f && C1[value - 0x80] != '\0')
        {
            sb.Append(C1[value - 0x80]);
        }
        else if (value == 0 || value > 0x10ffff || value is >= 0xd800 and <= 0xdfff)
        {
            sb.Append('\ufffd');
        }
        else if (value < 0x10000)
        {
            sb.Append((char)value);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(value));
        }
    }
}
