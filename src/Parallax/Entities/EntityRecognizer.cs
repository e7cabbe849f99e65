using System.Collections.Frozen;
using Parallax.Text;

namespace Parallax.Entities;

/// <summary>
/// People, organisations and places good enough for story clustering and speaker lookup, without a model: capitalised
/// spans (with connectors such as "of" and "bin" inside), typed by the gazetteers of <see cref="EntityRules"/>, by a
/// title before the name ("President", "Gen.") and by an organisation head word at the end ("Ministry", "Party").
/// A single capitalised word opening a sentence is a name only when a gazetteer or an earlier full mention knows it.
/// Stateless and thread-safe.
/// </summary>
public static class EntityRecognizer
{
    /// <summary>Longer words are looked up through a heap copy; nearly every word fits the stack buffer.</summary>
    private const int StackWordChars = 64;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Connectors = EntityRules.NameConnectors.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = EntityRules.PersonTitles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameWords = EntityRules.NotNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationHeadWords = EntityRules.OrganisationHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, (EntityKind Kind, string Key, string? Country)>.AlternateLookup<ReadOnlySpan<char>> Gazetteer =
        EntityRules.Gazetteer.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<Entity> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Recognize(text, Tokenizer.Tokenize(text));
    }

    /// <summary>Same as <see cref="Recognize(string)"/> over tokens the caller already has (<see cref="Tokenizer.Tokenize(string)"/> of <paramref name="text"/>).</summary>
    internal static List<Entity> Recognize(string text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var spans = new List<(int From, int To, bool AtStart)>();
        var sentenceStart = true;
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            var atStart = sentenceStart || LineStarts.IsAtLineStart(text, t.Start);
            if (t.Kind == TokenKind.Punctuation)
            {
                sentenceStart = text[t.Start] is '.' or '!' or '?' or ':' or ';';
                i++;
                continue;
            }

            if (t.Kind is TokenKind.Quote or TokenKind.Symbol)
            {
                i++;
                continue;
            }

            sentenceStart = false;
            if (t.Kind != TokenKind.Word || !char.IsUpper(text[t.Start]))
            {
                i++;
                continue;
            }

            var j = i + 1;
            var last = i;
            while (j < tokens.Count && tokens[j].Kind == TokenKind.Word && !HasLineBreakBefore(text, tokens[j].Start))
            {
                if (char.IsUpper(text[tokens[j].Start]))
                {
                    last = j;
                    j++;
                }
                else if (In(Connectors, tokens[j].Of(text), trimDots: false) && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Word
                    && char.IsUpper(text[tokens[j + 1].Start]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            spans.Add((i, last, atStart));
            i = last + 1;
        }

        var entities = new List<Entity>();
        var surnames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to, atStart) in spans)
        {
            Classify(text, tokens, from, to, atStart, entities, surnames);
        }

        return entities;
    }

    private static void Classify(string text, List<Token> tokens, int from, int to, bool atStart, List<Entity> entities, Dictionary<string, string> surnames)
    {
        var titled = false;
        while (from <= to)
        {
            var word = tokens[from].Of(text);
            if (In(Titles, word, trimDots: true))
            {
                titled = true;
                from++;
            }
            else if (In(NotNameWords, word, trimDots: true))
            {
                from++;
            }
            else
            {
                break;
            }

            atStart = false;
        }

        // Possessive "Kenya's" and a trailing connector never belong to the name.
        while (to >= from && In(Connectors, tokens[to].Of(text), trimDots: false))
        {
            to--;
        }

        if (to < from)
        {
            return;
        }

        var start = tokens[from].Start;
        var end = tokens[to].End;
        var surface = text[start..end];

        // The gazetteer is asked with the lowercased span on the stack: most spans it knows need no key string of their own.
        Span<char> buffer = stackalloc char[StackWordChars];
        if (Known(text.AsSpan(start, end - start), buffer, out var known))
        {
            entities.Add(new Entity(surface, known.Key, known.Kind, start, end, known.Country));
            return;
        }

        var key = StripPossessive(surface).ToLowerInvariant();

        // A known word leading a longer span ("Indian Navy", "Somali pirates' boat"): the place, then the whole span.
        if (from < to && Known(tokens[from].Of(text), buffer, out var lead) && lead.Kind == EntityKind.Place)
        {
            entities.Add(new Entity(text[tokens[from].Start..tokens[from].End], lead.Key, lead.Kind, tokens[from].Start, tokens[from].End, lead.Country));
        }

        var words = to - from + 1;
        if (words == 1 && atStart && !titled && !surnames.ContainsKey(key))
        {
            // A lone capitalised word opening a sentence is usually an ordinary word ("Police said").
            return;
        }

        var organisation = false;
        for (var k = from; k <= to && !organisation; k++)
        {
            organisation = In(OrganisationHeadWords, tokens[k].Of(text), trimDots: true);
        }

        if (organisation && !titled)
        {
            entities.Add(new Entity(surface, key, EntityKind.Organisation, start, end));
            return;
        }

        if (words >= 2 || titled)
        {
            var kind = titled || words is 2 or 3 ? EntityKind.Person : EntityKind.Name;
            if (kind == EntityKind.Person)
            {
                surnames.TryAdd(StripPossessive(tokens[to].Of(text).ToString()).ToLowerInvariant(), key);
            }

            entities.Add(new Entity(surface, key, kind, start, end));
            return;
        }

        if (surnames.TryGetValue(key, out var full))
        {
            entities.Add(new Entity(surface, full, EntityKind.Person, start, end));
            return;
        }

        if (key.Length > 1)
        {
            entities.Add(new Entity(surface, key, EntityKind.Name, start, end));
        }
    }

    /// <summary>The gazetteer entry of a span (possessive stripped, lowercased into <paramref name="buffer"/> when it fits), the
    /// same as looking up <c>StripPossessive(span).ToLowerInvariant()</c>.</summary>
    private static bool Known(ReadOnlySpan<char> span, Span<char> buffer, out (EntityKind Kind, string Key, string? Country) entry)
    {
        if (span.Length > 2 && span[^2] is '\'' or '\u2019' && span[^1] is 's' or 'S')
        {
            span = span[..^2];
        }

        var lower = span.Length <= buffer.Length ? buffer[..span.Length] : new char[span.Length];
        span.ToLowerInvariant(lower);
        return Gazetteer.TryGetValue(lower, out entry);
    }

    private static string StripPossessive(string s) =>
        s.Length > 2 && s[^2] is '\'' or '\u2019' && s[^1] is 's' or 'S' ? s[..^2] : s;

    /// <summary>Whether the lowercased word (trailing dots trimmed if asked) is in the set, without making a string.</summary>
    private static bool In(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> word, bool trimDots)
    {
        Span<char> buffer = stackalloc char[StackWordChars];
        var lower = word.Length <= StackWordChars ? buffer[..word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        ReadOnlySpan<char> key = lower;
        if (trimDots)
        {
            key = key.TrimEnd('.');
        }

        return set.Contains(key);
    }

    private static bool HasLineBreakBefore(string text, int start)
    {
        for (var i = start - 1; i >= 0 && char.IsWhiteSpace(text[i]); i--)
        {
            if (text[i] == '\n')
            {
                return true;
            }
        }

        return false;
    }
}
