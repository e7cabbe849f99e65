using Parallax.Model;

namespace Parallax.Dedup;

/// <summary>
/// Finds earlier articles that an article is a near-copy of (syndication, light edits): word 5-gram
/// shingles, MinHash signatures with LSH banding for candidates, then an exact check of Jaccard and
/// containment on the shingle sets. Not thread-safe: the engine adds articles one at a time.
/// </summary>
public sealed class NearDuplicateIndex
{
    /// <summary>Shingle width in words. Five is the usual choice for news (Broder 1997; Henzinger 2006):
    /// long enough that shared phrasing of one topic does not collide, short enough that light edits leave most shingles intact.</summary>
    internal const int ShingleWords = 5;

    /// <summary>128 hash functions give a standard error of about 1/sqrt(128) = 0.09 on the Jaccard estimate.</summary>
    internal const int SignatureLength = 128;

    /// <summary>64 bands of 2 rows: a pair with Jaccard 0.3 becomes a candidate with probability 1-(1-0.09)^64 = 0.998,
    /// so small texts contained in a larger one (low Jaccard, high containment) are still looked at; the exact check filters.</summary>
    internal const int Bands = 64;

    internal const int RowsPerBand = SignatureLength / Bands;

    /// <summary>Near-copy: Jaccard of shingle sets. Lightly edited copies (a changed dateline, a fixed typo per paragraph)
    /// stay above 0.8 on our test cases; different articles on one event share well under 0.3.</summary>
    internal const double JaccardThreshold = 0.8;

    /// <summary>Agency copy with an extra paragraph: at least 90% of the smaller text's shingles occur in the larger.</summary>
    internal const double ContainmentThreshold = 0.9;

    /// <summary>Below this many words a body has too few shingles for the overlap ratios to mean much (a 30-word
    /// text has 26 shingles: one edit moves Jaccard by up to 0.2), so only exact normalised equality counts.</summary>
    internal const int MinWordsForShingles = 30;

    private const ulong SeedBase = 0x5EED_DED0_0000_0001UL;

    private static readonly ulong[] Seeds = CreateSeeds();

    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, int> byExactText = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Band, ulong Key), List<int>> buckets = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>Id of the earliest added article this one (near-)copies, or null.</summary>
    public string? FindDuplicateOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = TextFingerprint.Words(article.Body);
        var best = int.MaxValue;
        if (byExactText.TryGetValue(string.Join(' ', words), out var exact) && entries[exact].Id != article.Id)
        {
            best = exact;
        }

        if (words.Count >= MinWordsForShingles)
        {
            var shingles = Shingles(words);
            var signature = Signature(shingles);
            var seen = new HashSet<int>();
            for (var band = 0; band < Bands; band++)
            {
                if (!buckets.TryGetValue((band, BandKey(signature, band)), out var list))
                {
                    continue;
                }

                foreach (var index in list)
                {
                    // Earlier entries only improve the answer when their index is smaller than the best so far.
                    if (index >= best || !seen.Add(index) || entries[index].Id == article.Id)
                    {
                        continue;
                    }

                    if (Overlaps(shingles, entries[index].Shingles!))
                    {
                        best = index;
                    }
                }
            }
        }

        return best == int.MaxValue ? null : entries[best].Id;
    }

    /// <summary>Indexes the article; adding an id twice is ignored.</summary>
    public void Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!ids.Add(article.Id))
        {
            return;
        }

        var words = TextFingerprint.Words(article.Body);
        var index = entries.Count;
        byExactText.TryAdd(string.Join(' ', words), index);
        HashSet<ulong>? shingles = null;
        if (words.Count >= MinWordsForShingles)
        {
            shingles = Shingles(words);
            var signature = Signature(shingles);
            for (var band = 0; band < Bands; band++)
            {
                var key = (band, BandKey(signature, band));
                if (!buckets.TryGetValue(key, out var list))
                {
                    list = [];
                    buckets[key] = list;
                }

                list.Add(index);
            }
        }

        entries.Add(new Entry(article.Id, shingles));
    }

    /// <summary>SHA-256 hex of the body with whitespace collapsed, lowercased and NFKC-normalised, for exact-duplicate lookup.</summary>
    public static string ContentHash(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TextFingerprint.Sha256Hex(TextFingerprint.NormaliseForHash(body));
    }

    internal static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        var inter = Intersection(a, b);
        var union = a.Count + b.Count - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    internal static double Containment(HashSet<ulong> a, HashSet<ulong> b)
    {
        var smaller = Math.Min(a.Count, b.Count);
        return smaller == 0 ? 0 : (double)Intersection(a, b) / smaller;
    }

    internal static HashSet<ulong> Shingles(IReadOnlyList<string> words)
    {
        var hashes = new ulong[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            hashes[i] = TextFingerprint.Hash(words[i]);
        }

        var set = new HashSet<ulong>(Math.Max(1, words.Count - ShingleWords + 1));
        for (var i = 0; i + ShingleWords <= hashes.Length; i++)
        {
            ulong h = 0;
            for (var k = 0; k < ShingleWords; k++)
            {
                // Rotation keeps word order significant ("a b" and "b a" differ).
                h = ((h << 13) | (h >> 51)) ^ hashes[i + k];
            }

            set.Add(TextFingerprint.Mix(h));
        }

        return set;
    }

    private static bool Overlaps(HashSet<ulong> a, HashSet<ulong> b) =>
        Jaccard(a, b) >= JaccardThreshold || Containment(a, b) >= ContainmentThreshold;

    private static int Intersection(HashSet<ulong> a, HashSet<ulong> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var n = 0;
        foreach (var x in small)
        {
            if (large.Contains(x))
            {
                n++;
            }
        }

        return n;
    }

    private static ulong[] Signature(HashSet<ulong> shingles)
    {
        var signature = new ulong[SignatureLength];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var i = 0; i < SignatureLength; i++)
            {
                var h = TextFingerprint.Mix(s ^ Seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    private static ulong BandKey(ulong[] signature, int band)
    {
        ulong key = 0;
        for (var r = 0; r < RowsPerBand; r++)
        {
            key = TextFingerprint.Mix(key ^ signature[(band * RowsPerBand) + r]);
        }

        return key;
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[SignatureLength];
        for (var i = 0; i < SignatureLength; i++)
        {
            seeds[i] = TextFingerprint.Mix(SeedBase + (ulong)i);
        }

        return seeds;
    }

    private sealed record Entry(string Id, HashSet<ulong>? Shingles);
}
