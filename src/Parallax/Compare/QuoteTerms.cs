using Parallax.Text;

namespace Parallax.Compare;

/// <summary>A quote's words prepared for comparison: lowercased surface words and canonical content terms.</summary>
internal sealed class QuoteTerms
{
    private const int MinStemLength = 4;

    /// <summary>At most this many parts per text: the slot bookkeeping of the one-to-many matching uses one bit per part.</summary>
    internal const int MaxParts = 32;

    private static readonly char[] Apostrophes = ['\'', '\u2019'];

    /// <summary>Terms of <paramref name="text"/>; with <paramref name="split"/>, also of each statement part (<see cref="ClauseSplitter"/>).</summary>
    public QuoteTerms(string text, bool split)
        : this(text)
    {
        if (!split)
        {
            return;
        }

        var spans = ClauseSplitter.Split(text, 0, text.Length);
        if (spans.Count < 2 || spans.Count > MaxParts)
        {
            return;
        }

        var parts = new List<(TextSpan, QuoteTerms)>(spans.Count);
        foreach (var span in spans)
        {
            parts.Add((span, new QuoteTerms(span.Of(text))));
        }

        Parts = parts;
    }

    public QuoteTerms(string text)
    {
        Lower = [];
        Words = WordDiff.Words(text);
        foreach (var word in Words)
        {
            // Split at apostrophes so that "it's" and a detokenised "it ’ s" give the same words.
            var lower = word.ToLowerInvariant();
            if (lower.AsSpan().IndexOfAny(Apostrophes) < 0)
            {
                Lower.Add(lower);
                continue;
            }

            foreach (var part in lower.Split(Apostrophes, StringSplitOptions.RemoveEmptyEntries))
            {
                Lower.Add(part);
            }
        }

        Content = [];
        foreach (var w in Lower)
        {
            // A compound names its parts: "Iran-Russia cooperation" is cooperation of Iran and Russia.
            if (w.Contains('-', StringComparison.Ordinal))
            {
                foreach (var part in w.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Canonical(part) is { } partTerm)
                    {
                        Content.Add(partTerm);
                    }
                }

                continue;
            }

            var term = Canonical(w);
            if (term is not null)
            {
                Content.Add(term);
            }
        }

        ContentSet = [.. Content];
        Numbers = [];
        foreach (var w in Lower)
        {
            if (w.Length > 0 && char.IsAsciiDigit(w[0]))
            {
                Numbers.Add(w);
            }
        }
    }

    /// <summary>The statements the text carries, each with its span in the text; empty when it is one statement or was not split.</summary>
    public IReadOnlyList<(TextSpan Span, QuoteTerms Terms)> Parts { get; } = [];

    /// <summary>Words that are figures ("14", "3.75", "2,400"), for telling apart facts that differ only in numbers.</summary>
    public HashSet<string> Numbers { get; }

    /// <summary>Word and number tokens as written, for the word diff.</summary>
    public List<string> Words { get; }

    public List<string> Lower { get; }

    /// <summary>Canonical content terms in text order.</summary>
    public List<string> Content { get; }

    public HashSet<string> ContentSet { get; }

    /// <summary>Synonym-mapped light stem of a content word, or null for function words.</summary>
    internal static string? Canonical(string lower)
    {
        if (CompareRules.Stopwords.Contains(lower))
        {
            return null;
        }

        if (!CompareRules.Synonyms.TryGetValue(lower, out var term))
        {
            var stem = Stem(lower);
            term = CompareRules.Synonyms.TryGetValue(stem, out var mapped) ? mapped : stem;
        }

        return CompareRules.Stopwords.Contains(term) ? null : term;
    }

    /// <summary>
    /// Strips plural, -ed/-ing and -ily endings, then a final e and a doubled final consonant, so that every form of a
    /// word meets at one stem ("stopped"/"stop", "hoped"/"hope", "taxes"/"tax", "temporarily"/"temporary"); possessives
    /// are already split off at the apostrophe.
    /// </summary>
    internal static string Stem(string w)
    {
        var stem = w;
        var verbal = false;
        if (w.Length > MinStemLength + 1 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > MinStemLength + 2 && w.EndsWith("ily", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > MinStemLength + 1 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            stem = w[..^3];
            verbal = true;
        }
        else if (w.Length > MinStemLength && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal))
        {
            stem = w[..^2];
            verbal = true;
        }
        else if (w.Length > MinStemLength - 1 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal))
        {
            stem = w[..^1];
        }

        if (stem.Length >= MinStemLength && stem[^1] == 'e' && stem[^2] != 'e')
        {
            return stem[..^1];
        }

        // "stopp" (from "stopped") meets "stop"; l, s and z double in the base word too ("call", "pass", "buzz").
        if (verbal && stem.Length >= MinStemLength && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e') && !IsVowel(stem[^1]))
        {
            return stem[..^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
