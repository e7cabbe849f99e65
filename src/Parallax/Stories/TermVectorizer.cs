using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Parallax.Text;

namespace Parallax.Stories;

/// <summary>Turns an article into weighted content-word counts (before IDF), with title and name-like words boosted.</summary>
internal static class TermVectorizer
{
    private const int MinTermLength = 2;

    /// <summary>Longer words are lowercased on the heap; nearly every word fits the stack buffer.</summary>
    private const int StackWordChars = 64;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Stopwords =
        StoryRules.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Dictionary<string, double> Count(string? title, string body, double titleWeight, double entityWeight, double numberWeight = 1)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(title))
        {
            AddText(counts, title, titleWeight, entityWeight: 1, numberWeight, detectEntities: false);
        }

        AddText(counts, body, 1, entityWeight, numberWeight, detectEntities: true);
        return counts;
    }

    /// <summary>
    /// Counts the content words of <paramref name="text"/> (title then body, tokenised once by the caller) into
    /// <paramref name="table"/>: the tokens before <paramref name="titleEnd"/> are the title's, the rest the body's. Same
    /// terms and weights as <see cref="Count"/> on the title and body apart, without a string per word.
    /// </summary>
    public static void CountInto(TermTable table, string text, List<Token> tokens, int titleEnd, double titleWeight, double entityWeight, double numberWeight = 1)
    {
        var first = 0;
        while (first < tokens.Count && tokens[first].Start < titleEnd)
        {
            first++;
        }

        if (first > 0)
        {
            AddTokens(table, text, tokens, 0, first, titleWeight, entityWeight: 1, numberWeight, detectEntities: false);
        }

        AddTokens(table, text, tokens, first, tokens.Count, 1, entityWeight, numberWeight, detectEntities: true);
    }

    private static void AddTokens(TermTable table, string text, List<Token> tokens, int from, int to, double weight, double entityWeight, double numberWeight, bool detectEntities)
    {
        Span<char> buffer = stackalloc char[StackWordChars];
        var sentenceStart = true;
        for (var t = from; t < to; t++)
        {
            var token = tokens[t];
            var span = token.Of(text);
            if (token.Kind is TokenKind.Punctuation)
            {
                if (span[0] is '.' or '!' or '?' or ':' or ';')
                {
                    sentenceStart = true;
                }

                continue;
            }

            if (token.Kind is TokenKind.Quote or TokenKind.Symbol)
            {
                continue;
            }

            // Only body words are weighed as names, so the line-start scan is skipped for the title.
            var atStart = sentenceStart || (detectEntities && LineStarts.IsAtLineStart(text, token.Start));
            sentenceStart = false;
            var word = span;
            if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S')
            {
                word = word[..^2];
            }

            if (word.Length < MinTermLength)
            {
                continue;
            }

            var lower = word.Length <= StackWordChars ? buffer[..word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            var w = token.Kind == TokenKind.Number ? weight * numberWeight : weight;
            if (detectEntities && token.Kind == TokenKind.Word && !atStart && char.IsUpper(span[0]))
            {
                w *= entityWeight;
            }

            // The table knows the stopwords: one lookup both drops them and counts the rest.
            table.AddTerm(lower, w);
        }
    }

    /// <summary>Content term of a word, or null for stopwords and too-short tokens.</summary>
    public static string? Term(ReadOnlySpan<char> word)
    {
        // Possessives: "Kenya's" and "Kenya" are one name.
        if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S')
        {
            word = word[..^2];
        }

        if (word.Length < MinTermLength)
        {
            return null;
        }

        var term = word.ToString().ToLowerInvariant();
        return StoryRules.Stopwords.Contains(term) ? null : term;
    }

    private static void AddText(Dictionary<string, double> counts, string text, double weight, double entityWeight, double numberWeight, bool detectEntities)
    {
        var tokens = Tokenizer.Tokenize(text);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[StackWordChars];
        var sentenceStart = true;
        foreach (var token in tokens)
        {
            var span = token.Of(text);
            if (token.Kind is TokenKind.Punctuation)
            {
                if (span[0] is '.' or '!' or '?' or ':' or ';')
                {
                    sentenceStart = true;
                }

                continue;
            }

            if (token.Kind is TokenKind.Quote or TokenKind.Symbol)
            {
                continue;
            }

            var atStart = sentenceStart || LineStarts.IsAtLineStart(text, token.Start);
            sentenceStart = false;
            var word = span;
            if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S')
            {
                word = word[..^2];
            }

            if (word.Length < MinTermLength)
            {
                continue;
            }

            // Lowercase without allocating: a string is made only for a term the article has not used yet.
            var lower = word.Length <= StackWordChars ? buffer[..word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            if (Stopwords.Contains(lower))
            {
                continue;
            }

            var w = token.Kind == TokenKind.Number ? weight * numberWeight : weight;
            if (detectEntities && token.Kind == TokenKind.Word && !atStart && char.IsUpper(span[0]))
            {
                w *= entityWeight;
            }

            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, (ReadOnlySpan<char>)lower, out _);
            count += w;
        }
    }
}
