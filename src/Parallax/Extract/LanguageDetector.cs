namespace Parallax.Extract;

/// <summary>
/// Guesses the ISO 639-1 language of a text from its script and its stopwords. Returns null when the
/// sample is too small or two languages are too close to call: no guess is better than a wrong one.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Only the start is read: a few hundred words decide, and pages can be megabytes.</summary>
    private const int SampleChars = 20_000;

    /// <summary>Fewer stopword hits than this is too little evidence (a headline, a caption).</summary>
    private const int MinHits = 5;

    /// <summary>The winner must beat the runner-up by this factor.</summary>
    private const double MinMargin = 1.3;

    /// <summary>Share of letters in one script that decides scripts used by essentially one language here.</summary>
    private const double ScriptShare = 0.3;

    public static string? Detect(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleChars));
        int letters = 0, han = 0, kana = 0, hangul = 0, greek = 0, hebrew = 0, thai = 0, devanagari = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            switch (c)
            {
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
                default: break;
            }
        }

        if (letters < 20)
        {
            return null;
        }

        if (kana > letters * 0.05)
        {
            return "ja";
        }

        var scripts = new (int Count, string Code)[] { (han, "zh"), (hangul, "ko"), (greek, "el"), (hebrew, "he"), (thai, "th"), (devanagari, "hi") };
        foreach (var (count, code) in scripts)
        {
            if (count > letters * ScriptShare)
            {
                return code;
            }
        }

        return ByStopwords(sample);
    }

    private static string? ByStopwords(ReadOnlySpan<char> sample)
    {
        var lookup = LanguageRules.WordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> hits = stackalloc int[LanguageRules.Stopwords.Length];
        Span<char> lower = stackalloc char[32];
        var i = 0;
        while (i < sample.Length)
        {
            if (!char.IsLetter(sample[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sample.Length && (char.IsLetter(sample[i]) || sample[i] == '\u200C'))
            {
                i++;
            }

            var word = sample[start..i];
            if (word.Length > lower.Length)
            {
                continue;
            }

            var n = word.ToLowerInvariant(lower);
            if (lookup.TryGetValue(lower[..n], out var mask))
            {
                for (var l = 0; l < hits.Length; l++)
                {
                    if ((mask & (1 << l)) != 0)
                    {
                        hits[l]++;
                    }
                }
            }
        }

        int best = -1, second = 0;
        for (var l = 0; l < hits.Length; l++)
        {
            if (best < 0 || hits[l] > hits[best])
            {
                if (best >= 0)
                {
                    second = Math.Max(second, hits[best]);
                }

                best = l;
            }
            else
            {
                second = Math.Max(second, hits[l]);
            }
        }

        if (best < 0 || hits[best] < MinHits || hits[best] < second * MinMargin)
        {
            return null;
        }

        return LanguageRules.Stopwords[best].Code;
    }
}
