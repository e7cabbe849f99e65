namespace Parallax.Compare;

/// <summary>A quote's words prepared for comparison: lowercased surface words and canonical content terms.</summary>
internal sealed class QuoteTerms
{
    private const int MinStemLength = 4;

    private static readonly char[] Apostrophes = ['\'', '\u2019'];

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

    /// <summary>Strips plural and -ed/-ing endings (possessives are already split off at the apostrophe); enough to match "exporting"/"export", "countries"/"country".</summary>
    internal static string Stem(string w)
    {
        if (w.Length > MinStemLength + 1 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > MinStemLength + 2 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w[..^3];
        }

        if (w.Length > MinStemLength + 1 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.Length > MinStemLength - 1 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }
}
