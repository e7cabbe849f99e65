using System.Collections.Frozen;
using System.Text;

namespace Parallax.Extract;

/// <summary>A guessed encoding with the share of its non-ASCII characters that read as its expected script.</summary>
internal readonly record struct CharsetGuess(Encoding Encoding, string Name, double Confidence);

/// <summary>
/// Guesses the encoding of undeclared text that is not UTF-8, for the legacy encodings news sites still serve:
/// windows-1252 (Western Europe), windows-1250 (Central Europe), windows-1251 and KOI8-R (Cyrillic),
/// windows-1256 (Arabic, Persian), GBK (Chinese) and Shift-JIS (Japanese). Each candidate decodes the bytes; a
/// multi-byte candidate must decode without error; the score is the share of non-ASCII characters that are letters of
/// the candidate's script, less a penalty for control and unassigned characters. Below
/// <see cref="MinConfidence"/> nothing is guessed, so the caller rejects the input rather than store mojibake.
/// </summary>
internal static class CharsetDetector
{
    /// <summary>
    /// Least share of expected-script letters among non-ASCII characters. Right guesses on our test texts score
    /// above 0.9; wrong single-byte decodings of Cyrillic or Arabic bytes score under 0.5 (box drawing, symbols,
    /// C1 controls), so 0.75 separates them with room on both sides.
    /// </summary>
    private const double MinConfidence = 0.75;

    /// <summary>Bytes looked at: enough for a verdict, bounded for huge pages.</summary>
    private const int SampleBytes = 64 * 1024;

    /// <summary>
    /// Most share of non-ASCII letters among all letters for a Latin-script guess: French or Polish news text has
    /// well under a quarter; Arabic or Cyrillic bytes read as windows-1252 are nearly all non-ASCII.
    /// </summary>
    private const double MaxLatinHighLetterShare = 0.4;

    /// <summary>Least share of kana among the Japanese reading's CJK characters for it to beat a Chinese reading.</summary>
    private const double MinKanaShare = 0.1;

    /// <summary>
    /// Least share of a script's most frequent letters among its letters. In Russian text о е а и н т с р в make
    /// up about half of all letters, in Arabic ا ل ي م و ن ه ر ت ب about as much; the same bytes read in the other
    /// script's code page give letters in the wrong proportions (Arabic read as windows-1251 is mostly З б ж г).
    /// </summary>
    private const double MinCommonLetterShare = 0.3;

    private static readonly FrozenSet<char> CommonCyrillic = "оеаинтсрвОЕАИНТСРВ".ToFrozenSet();
    private static readonly FrozenSet<char> CommonArabic = "اليمونهرتب".ToFrozenSet();

    private enum Script
    {
        Latin,
        Cyrillic,
        Arabic,
        Chinese,
        Japanese,
    }

    private static readonly (int CodePage, string Name, Script Script)[] Candidates =
    [
        (1252, "windows-1252", Script.Latin),
        (1250, "windows-1250", Script.Latin),
        (1251, "windows-1251", Script.Cyrillic),
        (20866, "koi8-r", Script.Cyrillic),
        (1256, "windows-1256", Script.Arabic),
        (936, "gbk", Script.Chinese),
        (932, "shift_jis", Script.Japanese),
    ];

    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static CharsetGuess? Detect(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > SampleBytes ? bytes[..CutAtAscii(bytes, SampleBytes)] : bytes;
        CharsetGuess? best = null;
        var bestRank = 0.0;
        foreach (var (codePage, name, script) in Candidates)
        {
            var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            string text;
            try
            {
                text = encoding.GetString(sample);
            }
            catch (DecoderFallbackException)
            {
                continue;
            }

            var (score, kana) = Score(text, script);

            // Japanese bytes also decode as (rare) Chinese characters; kana decide between the two readings.
            var rank = score + (script == Script.Japanese && kana >= MinKanaShare ? 0.05 : 0);
            if (rank > bestRank)
            {
                bestRank = rank;
                best = new CharsetGuess(Encoding.GetEncoding(codePage), name, score);
            }
        }

        return best is { Confidence: >= MinConfidence } ? best : null;
    }

    private static (double Score, double KanaShare) Score(string text, Script script)
    {
        int high = 0, good = 0, bad = 0, asciiLetters = 0, highLetters = 0, kana = 0, mixed = 0, common = 0;
        var commonSet = script switch
        {
            Script.Cyrillic => CommonCyrillic,
            Script.Arabic => CommonArabic,
            _ => null,
        };
        var previous = ' ';
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                if (char.IsLetter(c))
                {
                    asciiLetters++;
                    mixed += previous >= 0x80 && char.IsLetter(previous) && script != Script.Latin ? 1 : 0;
                }
                else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                {
                    bad++;
                }

                previous = c;
                continue;
            }

            high++;
            if (char.IsLetter(c))
            {
                highLetters++;
                mixed += previous < 0x80 && char.IsLetter(previous) && script != Script.Latin ? 1 : 0;

                // Capitals inside words are rare in real text; KOI8-R read as windows-1251 is full of them.
                mixed += char.IsUpper(c) && char.IsLower(previous) ? 1 : 0;
            }

            if (Expected(c, script))
            {
                good++;
                kana += c is >= '\u3040' and <= '\u30FF' ? 1 : 0;
                common += commonSet?.Contains(c) == true ? 1 : 0;
            }
            else if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherNotAssigned || c == '\uFFFD')
            {
                bad++;
            }
            else if (char.IsPunctuation(c) || char.IsWhiteSpace(c) || c is '\u00AB' or '\u00BB')
            {
                // Typographic quotes, dashes and no-break spaces are normal in every script: neutral.
                high--;
            }

            previous = c;
        }

        if (high <= 0
            || (script == Script.Latin && highLetters > MaxLatinHighLetterShare * (asciiLetters + highLetters))
            || (commonSet is not null && common < MinCommonLetterShare * good))
        {
            return (0, 0);
        }

        return (Math.Max(0, (good - (2.0 * bad) - mixed) / high), good == 0 ? 0 : (double)kana / good);
    }

    private static bool Expected(char c, Script script) => script switch
    {
        Script.Latin => c is >= '\u00C0' and <= '\u024F' && c != '\u00D7' && c != '\u00F7' || c is '\u0152' or '\u0153' or '\u0160' or '\u0161' or '\u017D' or '\u017E' or '\u0178',
        Script.Cyrillic => c is >= '\u0400' and <= '\u04FF',
        Script.Arabic => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or '\u200C' or '\u200D',
        Script.Chinese => IsHan(c),
        _ => c is >= '\u3040' and <= '\u30FF' || IsHan(c),
    };

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';

    // Cut a sample where a multi-byte sequence cannot be split: at an ASCII byte.
    private static int CutAtAscii(ReadOnlySpan<byte> bytes, int limit)
    {
        var i = limit;
        while (i > limit - 16 && i > 0 && bytes[i - 1] >= 0x80)
        {
            i--;
        }

        return i;
    }
}
