using Parallax.Text;

namespace Parallax.Stories;

/// <summary>Turns an article into weighted content-word counts (before IDF), with title and name-like words boosted.</summary>
internal static class TermVectorizer
{
    private const int MinTermLength = 2;

    /// <summary>Longer words are lowercased on the heap; nearly every word fits the stack buffer.</summary>
    private const int StackWordChars = 64;

    /// <summary>
    /// Counts the content words of <paramref name="text"/> (title then body, tokenised once by the caller) into
    /// <paramref name="table"/>: the tokens before <paramref name="titleEnd"/> are the title's, the rest the body's. No string is
    /// made per word.
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
}
