using System.Security.Cryptography;
using System.Text;
using Parallax.Text;

namespace Parallax.Dedup;

/// <summary>Normalised word sequences and stable 64-bit hashes used to fingerprint article bodies.</summary>
internal static class TextFingerprint
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Lowercased word and number tokens of the NFKC form of <paramref name="text"/>; punctuation dropped.</summary>
    public static List<string> Words(string text)
    {
        var normalised = Nfkc(text);
        var tokens = Tokenizer.Tokenize(normalised);
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                words.Add(token.Of(normalised).ToString().ToLowerInvariant());
            }
        }

        return words;
    }

    /// <summary>
    /// Appends one 64-bit hash per word of <paramref name="text"/> to <paramref name="into"/> without allocating strings:
    /// words are runs of letters and digits, case-folded, NFKC-folded (<see cref="DedupRules"/>), accents dropped (so NFC
    /// and NFD spellings agree); everything else, apostrophes and quote marks included, separates words, which makes
    /// straight and curly quotes hash alike.
    /// </summary>
    public static void WordHashes(ReadOnlySpan<char> text, List<ulong> into)
    {
        var h = FnvOffset;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u00A0' && DedupRules.Folds.TryGetValue(c, out var folded))
            {
                foreach (var f in folded)
                {
                    Step(f, ref h, ref inWord, into);
                }

                continue;
            }

            Step(c, ref h, ref inWord, into);
        }

        if (inWord)
        {
            into.Add(Mix(h));
        }
    }

    private static void Step(char c, ref ulong h, ref bool inWord, List<ulong> into)
    {
        char letter;
        if (c < '\u0080')
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                letter = c;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                letter = (char)(c + 32);
            }
            else
            {
                letter = '\0';
            }
        }
        else if (c is >= DedupRules.CombiningFirst and <= DedupRules.CombiningLast)
        {
            // A combining accent continues the word it decorates.
            return;
        }
        else if (c >= DedupRules.Latin1First && c <= '\u00FF')
        {
            letter = DedupRules.Latin1Bases[c - DedupRules.Latin1First];
            letter = letter == ' ' ? '\0' : letter;
        }
        else if (c is >= DedupRules.FullwidthFirst and <= DedupRules.FullwidthLast)
        {
            Step((char)(c - DedupRules.FullwidthOffset), ref h, ref inWord, into);
            return;
        }
        else
        {
            letter = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        }

        if (letter == '\0')
        {
            if (inWord)
            {
                into.Add(Mix(h));
                h = FnvOffset;
                inWord = false;
            }

            return;
        }

        h ^= letter;
        h *= FnvPrime;
        inWord = true;
    }

    /// <summary>Whitespace collapsed, lowercased, NFKC; punctuation kept.</summary>
    public static string NormaliseForHash(string text)
    {
        var normalised = Nfkc(text);
        var sb = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong Hash(string word)
    {
        var h = FnvOffset;
        foreach (var c in word)
        {
            h ^= c;
            h *= FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>SplitMix64 finaliser: spreads bits so that XOR-seeded variants behave as independent hashes.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>NFKC as far as news text needs it; see <see cref="DedupRules"/> for why this is not <c>string.Normalize</c>.</summary>
    internal static string Nfkc(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsFold(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= DedupRules.FullwidthFirst and <= DedupRules.FullwidthLast)
            {
                sb.Append((char)(c - DedupRules.FullwidthOffset));
            }
            else if (DedupRules.Folds.TryGetValue(c, out var folded))
            {
                sb.Append(folded);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsFold(char c) =>
        c >= '\u00A0' && ((c is >= DedupRules.FullwidthFirst and <= DedupRules.FullwidthLast) || DedupRules.Folds.ContainsKey(c));
}
