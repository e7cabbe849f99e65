using System.Buffers;
using System.Globalization;
using System.Text;

namespace Parallax.Store;

/// <summary>
/// A search hit's snippet, built in .NET from the stored title and body: a window of about one sentence around the
/// query's terms, each matched word between <c>[</c> and <c>]</c>. FTS5's <c>snippet()</c> did the same inside SQLite but
/// re-tokenised and stemmed every word of every listed article (about 3 ms of CPU for a page of 20 on the serve-load
/// store); here only the words that could stem to a query term are stemmed.
/// </summary>
internal sealed class SearchSnippet
{
    private static readonly string[] Operators = ["AND", "OR", "NOT", "NEAR"];

    /// <summary>Longest word stemmed: FTS5 indexes longer tokens unstemmed, and none of them is worth a snippet mark.</summary>
    private const int MaxWord = 64;

    /// <summary>Letters of a term searched for in the text: a stem keeps its word's first letters (Porter only rewrites endings).</summary>
    private const int KeyLength = 2;

    /// <summary>Hits whose windows are compared: enough for a multi-word query's terms to meet in one.</summary>
    private const int MaxWindowsTried = 16;

    private readonly List<string> _stems = [];
    private readonly List<string> _prefixes = [];

    /// <summary>The terms' first letters, any case: where a matching word can start.</summary>
    private SearchValues<string>? _keys;

    private SearchSnippet()
    {
    }

    /// <summary>True when the query names no term that a snippet could mark.</summary>
    public bool IsEmpty => _stems.Count == 0 && _prefixes.Count == 0;

    /// <summary>
    /// The terms of an FTS5 query: barewords and the words of "phrases", stemmed as the index stems them; <c>word*</c> is a
    /// prefix. Operators (AND, OR, NOT, NEAR), column names before <c>:</c> and <c>{...}</c> column sets are not terms.
    /// </summary>
    public static SearchSnippet ForQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snippet = new SearchSnippet();
        var quoted = false;
        var braces = false;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '"')
            {
                quoted = !quoted;
                i++;
                continue;
            }

            if (!quoted && (c == '{' || c == '}'))
            {
                braces = c == '{';
                i++;
                continue;
            }

            if (!IsTokenChar(query, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < query.Length && IsTokenChar(query, i))
            {
                i++;
            }

            var word = query[start..i];
            if (braces || (!quoted && (Array.IndexOf(Operators, word) >= 0 || NextNonSpace(query, i) == ':')))
            {
                continue;
            }

            var folded = Fold(word);
            if (!quoted && i < query.Length && query[i] == '*')
            {
                Add(snippet._prefixes, folded);
            }
            else
            {
                Add(snippet._stems, PorterStemmer.Stem(folded));
            }
        }

        var keys = snippet._stems.Concat(snippet._prefixes).Select(term => term[..Math.Min(KeyLength, term.Length)]).Distinct().ToArray();
        snippet._keys = keys.Length == 0 ? null : SearchValues.Create(keys, StringComparison.OrdinalIgnoreCase);
        return snippet;

        static void Add(List<string> list, string term)
        {
            if (term.Length > 0 && !list.Contains(term))
            {
                list.Add(term);
            }
        }
    }

    /// <summary>
    /// The snippet: from the body where it has a term, else from the title, else the body's opening words unmarked.
    /// <paramref name="tokens"/> words at most, with an ellipsis where text was cut.
    /// </summary>
    public string Build(string? title, string body, int tokens, string open, string close, string ellipsis)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokens);
        var hits = FindHits(body);
        if (hits.Count == 0 && !string.IsNullOrEmpty(title))
        {
            var titleHits = FindHits(title);
            if (titleHits.Count > 0)
            {
                return Render(title, titleHits, tokens, open, close, ellipsis);
            }
        }

        return Render(body, hits, tokens, open, close, ellipsis);
    }

    /// <summary>
    /// The words of <paramref name="text"/> that match a term, in text order. The terms' first letters are looked for with
    /// one vectorised search, and only the words that start there are folded and stemmed: a 2,500-character body costs a
    /// few microseconds, where cutting all of it into words cost over ten. Words with a diacritic among their first
    /// letters are found by a second vectorised search for non-ASCII characters.
    /// </summary>
    private List<(int Start, int End, int Term)> FindHits(string text)
    {
        var hits = new List<(int Start, int End, int Term)>();
        if (_keys is null)
        {
            return hits;
        }

        Span<char> folded = stackalloc char[MaxWord];
        var at = 0;
        while (at < text.Length)
        {
            var found = text.AsSpan(at).IndexOfAny(_keys);
            if (found < 0)
            {
                break;
            }

            var start = at + found;
            at = start + 1;
            if (start > 0 && IsTokenChar(text, start - 1))
            {
                continue;
            }

            var end = WordEnd(text, start);
            at = end;
            AddHit(hits, text, start, end, folded);
        }

        // Words with a diacritic among their first letters: the only ones the search above cannot see.
        at = 0;
        while (at < text.Length)
        {
            var found = text.AsSpan(at).IndexOfAnyExceptInRange('\0', '\u007f');
            if (found < 0)
            {
                break;
            }

            var index = at + found;
            at = index + 1;
            if (!IsTokenChar(text, index))
            {
                continue;
            }

            var start = index;
            while (start > 0 && IsTokenChar(text, start - 1))
            {
                start--;
            }

            var end = WordEnd(text, index);
            at = end;
            if (index - start < KeyLength)
            {
                AddHit(hits, text, start, end, folded);
            }
        }

        hits.Sort((x, y) => x.Start.CompareTo(y.Start));
        return hits;
    }

    private void AddHit(List<(int Start, int End, int Term)> hits, string text, int start, int end, Span<char> folded)
    {
        var terms = _stems.Count + _prefixes.Count;
        for (var t = 0; t < terms; t++)
        {
            if (Matches(text.AsSpan(start, end - start), t, folded))
            {
                hits.Add((start, end, t));
                return;
            }
        }
    }

    private bool Matches(ReadOnlySpan<char> word, int term, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
        {
            return false;
        }

        var folded = buffer[..FoldInto(word, buffer)];
        if (term >= _stems.Count)
        {
            return folded.StartsWith(_prefixes[term - _stems.Count], StringComparison.Ordinal);
        }

        var stem = _stems[term];
        return folded.Length >= stem.Length && folded[0] == stem[0] && PorterStemmer.Stem(new string(folded)) == stem;
    }

    /// <summary>
    /// The window of <paramref name="tokens"/> words with the most distinct terms (then the most hits, then the earliest),
    /// starting a few words before its first hit, or at the start of that hit's sentence when it is near.
    /// </summary>
    private static string Render(string text, List<(int Start, int End, int Term)> hits, int tokens, string open, string close, string ellipsis)
    {
        var first = NextWordStart(text, 0);
        if (first >= text.Length)
        {
            return "";
        }

        var (from, to) = Window(text, first, tokens);
        var best = (Distinct: -1, Count: -1);
        // Windows are tried from the first hits only: a long article's later hits rarely make a better snippet.
        for (var h = 0; h < Math.Min(hits.Count, MaxWindowsTried); h++)
        {
            var (start, end) = Window(text, WindowStart(text, hits[h].Start, tokens), tokens);
            var seen = 0UL;
            var count = 0;
            foreach (var (hitStart, _, term) in hits)
            {
                if (hitStart >= start && hitStart < end)
                {
                    seen |= 1UL << Math.Min(term, 63);
                    count++;
                }
            }

            var distinct = System.Numerics.BitOperations.PopCount(seen);
            if (distinct > best.Distinct || (distinct == best.Distinct && count > best.Count))
            {
                best = (distinct, count);
                (from, to) = (start, end);
            }
        }

        // A window at either end of the text takes the text's leading or trailing punctuation with it.
        var cutBefore = from > first;
        var cutAfter = NextWordStart(text, to) < text.Length;
        from = cutBefore ? from : 0;
        to = cutAfter ? to : text.Length;
        var builder = new StringBuilder(to - from + 16);
        if (cutBefore)
        {
            builder.Append(ellipsis);
        }

        var at = from;
        foreach (var (hitStart, hitEnd, _) in hits)
        {
            if (hitStart >= from && hitEnd <= to)
            {
                builder.Append(text, at, hitStart - at).Append(open).Append(text, hitStart, hitEnd - hitStart).Append(close);
                at = hitEnd;
            }
        }

        builder.Append(text, at, to - at);
        if (cutAfter)
        {
            builder.Append(ellipsis);
        }

        return builder.ToString();
    }

    /// <summary>Where a window for the hit at <paramref name="hit"/> opens: its sentence's start when near, else a few words back.</summary>
    private static int WindowStart(string text, int hit, int tokens)
    {
        // Words of context before the hit when no sentence starts near it: FTS5 shows a little lead-in too.
        const int LeadIn = 3;
        var start = hit;
        var lead = hit;
        // How far back a sentence start may be and still open the window: half a window keeps the hit well inside.
        for (var back = 0; back < tokens / 2; back++)
        {
            if (OpensSentence(text, start))
            {
                return start;
            }

            var previous = PreviousWordStart(text, start);
            if (previous < 0)
            {
                return start;
            }

            start = previous;
            if (back < LeadIn)
            {
                lead = previous;
            }
        }

        return lead;
    }

    /// <summary>
    /// The characters of <paramref name="tokens"/> words from the word at <paramref name="start"/>, moved back when the text
    /// ends first, so a late hit still gets a full window.
    /// </summary>
    private static (int Start, int End) Window(string text, int start, int tokens)
    {
        var end = start;
        var words = 0;
        for (var next = start; words < tokens && next < text.Length; next = NextWordStart(text, end))
        {
            end = WordEnd(text, next);
            words++;
        }

        for (; words < tokens; words++)
        {
            var previous = PreviousWordStart(text, start);
            if (previous < 0)
            {
                break;
            }

            start = previous;
        }

        return (start, end);
    }

    /// <summary>A word opens a sentence when only spaces and quotes separate it from the text's start or a full stop.</summary>
    private static bool OpensSentence(string text, int word)
    {
        for (var i = word - 1; i >= 0 && !IsTokenChar(text, i); i--)
        {
            if (text[i] is '.' or '!' or '?' or '\n')
            {
                return true;
            }
        }

        return NextWordStart(text, 0) == word;
    }

    private static int NextWordStart(string text, int i)
    {
        while (i < text.Length && !IsTokenChar(text, i))
        {
            i++;
        }

        return i;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && IsTokenChar(text, i))
        {
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        }

        return i;
    }

    /// <summary>The start of the word before the one at <paramref name="word"/>, or -1.</summary>
    private static int PreviousWordStart(string text, int word)
    {
        var i = word - 1;
        while (i >= 0 && !IsTokenChar(text, i))
        {
            i--;
        }

        if (i < 0)
        {
            return -1;
        }

        while (i > 0 && IsTokenChar(text, i - 1))
        {
            i--;
        }

        return i;
    }

    private static bool IsTokenChar(string text, int i)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        return CharUnicodeInfo.GetUnicodeCategory(text, i) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }

    private static string Fold(string word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..FoldInto(word, buffer)]);
    }

    /// <summary>Lower case without diacritics (remove_diacritics 2): what the index holds before stemming.</summary>
    private static int FoldInto(ReadOnlySpan<char> word, Span<char> into)
    {
        var ascii = true;
        foreach (var c in word)
        {
            ascii &= c < 0x80;
        }

        if (ascii)
        {
            return word.ToLowerInvariant(into);
        }

        // Normalisation is unavailable under InvariantGlobalization: the shared folding table serves here.
        var folded = Text.LetterFold.Fold(word.ToString()).AsSpan();
        var n = Math.Min(folded.Length, into.Length);
        folded[..n].CopyTo(into);
        return n;
    }
}
