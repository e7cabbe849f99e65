using System.Buffers;
using System.Globalization;

namespace Parallax.Text;

/// <summary>
/// Splits English news text into words, numbers, quotes and punctuation with exact offsets.
/// Words keep inner apostrophes and hyphens (<c>Kiev's</c>, <c>Amir-Abdollahian</c>) and dotted
/// abbreviations (<c>U.S.</c>); numbers keep decimal points and thousands separators (<c>3.5</c>, <c>10,000</c>).
/// </summary>
public static class Tokenizer
{
    private static readonly SearchValues<char> QuoteChars = SearchValues.Create("\"'\u2018\u2019\u201C\u201D\u00AB\u00BB\u201E\u201A");
    private static readonly SearchValues<char> WordJoiners = SearchValues.Create("'\u2019-\u2010\u2011");

    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5));
        Tokenize(text, start, end, tokens);
        return tokens;
    }

    /// <summary>Fills <paramref name="tokens"/> (cleared first) with the tokens of <c>[start, end)</c>, so a hot loop can reuse one list.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsDigit(text[j]) || ((text[j] == '.' || text[j] == ',') && j + 1 < end && char.IsDigit(text[j + 1]))))
                {
                    j++;
                }

                // "2023's", "1990s", "5th" stay one token.
                while (j < end && char.IsLetter(text[j]))
                {
                    j++;
                }

                tokens.Add(new Token(i, j, TokenKind.Number));
                i = j;
                continue;
            }

            if (IsWordChar(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    if (IsWordChar(d) || char.IsDigit(d))
                    {
                        j++;
                    }
                    else if (WordJoiners.Contains(d) && j + 1 < end && IsWordChar(text[j + 1]))
                    {
                        j++;
                    }
                    else if (d == '.' && j + 1 < end && char.IsLetter(text[j + 1]) && j + 2 <= end && IsDottedAbbreviation(text, i, j, end))
                    {
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                // Keep the final dot of a dotted abbreviation such as "U.S." as part of the word.
                if (j < end && text[j] == '.' && j - i >= 3 && text[j - 2] == '.')
                {
                    j++;
                }

                tokens.Add(new Token(i, j, TokenKind.Word));
                i = j;
                continue;
            }

            if (QuoteChars.Contains(c))
            {
                tokens.Add(new Token(i, i + 1, TokenKind.Quote));
                i++;
                continue;
            }

            if (char.IsSurrogate(c) && i + 1 < end && char.IsSurrogatePair(c, text[i + 1]))
            {
                tokens.Add(new Token(i, i + 2, TokenKind.Symbol));
                i += 2;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var kind = category is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
                ? TokenKind.Symbol
                : TokenKind.Punctuation;
            tokens.Add(new Token(i, i + 1, kind));
            i++;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // "U.S", "U.K", "e.g" — single letters separated by dots.
    private static bool IsDottedAbbreviation(string text, int wordStart, int dot, int end)
    {
        if (dot - wordStart != 1 && !(dot - wordStart >= 3 && text[dot - 2] == '.'))
        {
            return false;
        }

        return dot + 2 >= end || !char.IsLetter(text[dot + 2]);
    }
}
