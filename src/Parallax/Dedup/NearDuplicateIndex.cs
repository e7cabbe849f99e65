using Parallax.Model;

namespace Parallax.Dedup;

/// <summary>
/// Finds the earliest article that an article (near-)copies: syndicated wires, light edits, an outlet's paragraph
/// added, a truncated cut, re-encoded text. Bodies become word 5-gram shingles; a one-permutation MinHash sketch
/// (128 bins, densified) estimates Jaccard; LSH bands over the first 64 bins give candidates without a pairwise scan;
/// the sketch and the shingle counts then decide Jaccard or containment. Memory per article is the sketch (512 bytes),
/// the band postings (about 32 × 28 bytes) and a few counters; see <see cref="ApproximateBytes"/>.
/// Not thread-safe: the engine adds articles one at a time.
/// </summary>
public sealed class NearDuplicateIndex
{
    /// <summary>Shingle width in words. Five is the usual choice for news (Broder 1997; Henzinger 2006):
    /// long enough that shared phrasing of one topic does not collide, short enough that light edits leave most shingles intact.</summary>
    internal const int ShingleWords = 5;

    /// <summary>Sketch bins. 128 gives a standard error of about 0.035 on a Jaccard of 0.8 and 0.044 at 0.5.</summary>
    internal const int Bins = 128;

    /// <summary>Bins 0..63 in 32 bands of 2 rows: a pair with Jaccard 0.3 becomes a candidate with probability
    /// 1-(1-0.09)^32 = 0.95 and one with 0.5 with 0.9999, so truncated and extended copies are looked at; the sketch check filters.</summary>
    internal const int Bands = 32;

    internal const int RowsPerBand = 2;

    /// <summary>Near-copy by Jaccard estimate. Generated set (ECB+ train, seed 1): copies re-encoded, with a headline or
    /// boilerplate swapped or a paragraph changed sit at 0.6-1.0; different articles on one event under 0.25.</summary>
    internal const double JaccardThreshold = 0.55;

    /// <summary>Agency copy with a paragraph added, or a cut: the share of the smaller text's shingles found in the larger,
    /// estimated from the Jaccard estimate and both shingle counts. Generated set: copies 0.8-1.0, same-event articles under 0.35.</summary>
    internal const double ContainmentThreshold = 0.75;

    /// <summary>Below this many words a body has too few shingles for the overlap ratios to mean much (a 30-word
    /// text has 26 shingles: one edit moves Jaccard by up to 0.2), so only exact normalised equality counts.</summary>
    internal const int MinWordsForShingles = 30;

    /// <summary>Entries looked at per band bucket, newest first. A bucket shared by thousands of articles is boilerplate
    /// (a footer's shingles); a true copy shares most bands, and copies point at their original, so the cap loses nothing
    /// measurable and keeps each lookup bounded however large the index grows.</summary>
    internal const int MaxChainWalk = 64;

    /// <summary>Bound on chain steps per band, other keys' entries included: the slot table is kept at most full, so a
    /// chain holds few entries of other keys, and this only guards against pathological input.</summary>
    internal const int MaxSlotWalk = 4 * MaxChainWalk;

    private const ulong SeedBase = 0x5EED_DED0_0000_0001UL;

    private readonly Dictionary<string, int> indexOfId = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];
    private readonly Dictionary<ulong, int> byExactText = [];
    /// <summary>Newest entry per band-key slot (-1 when empty), chained through <see cref="bandNext"/>. A slot may chain
    /// entries of several band keys; the walk tells them apart by the band's stored sketch values. 4 bytes a slot and at
    /// most one slot per band entry, against 28 bytes an entry for a dictionary keyed by band hash.</summary>
    private int[] bandHeads = CreateHeads(1024);
    private int bandEntries;
    /// <summary>Stored sketches keep the low 16 bits of each minimum (b-bit minwise hashing): two different minima agree by
    /// chance once in 65,536 bins, far below the estimate's own error, at half the memory.</summary>
    private ushort[] sketches = new ushort[Bins * 64];
    private int[] bandNext = new int[Bands * 64];
    private int[] shingleCounts = new int[64];
    private int[] rootOf = new int[64];
    private readonly List<ulong> wordBuffer = [];
    private readonly HashSet<ulong> shingleBuffer = [];
    private readonly uint[] sketchBuffer = new uint[Bins];
    private readonly HashSet<int> seenBuffer = [];
    private string? fingerprintedBody;
    private (ulong ExactKey, int Shingles) fingerprinted;

    public int Count => ids.Count;

    /// <summary>Rough bytes held per indexed article (arrays, postings and dictionaries; not the id strings, which the articles own).</summary>
    public long ApproximateBytes =>
        ((long)sketches.Length * sizeof(ushort)) + ((long)bandNext.Length * sizeof(int)) + ((long)shingleCounts.Length * 2 * sizeof(int))
        + ((long)bandHeads.Length * sizeof(int)) + ((long)byExactText.Count * DictionaryEntryBytes)
        + ((long)indexOfId.Count * (DictionaryEntryBytes + 8)) + ((long)ids.Count * 8);

    /// <summary>Dictionary&lt;ulong,int&gt; entry (hash, next, key, value, padding) plus its bucket slot.</summary>
    private const int DictionaryEntryBytes = 28;

    /// <summary>Id of the earliest added article this one (near-)copies, or null.</summary>
    public string? FindDuplicateOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var (exactKey, shingles) = Fingerprint(article.Body);
        var self = indexOfId.GetValueOrDefault(article.Id, -1);
        var best = int.MaxValue;
        if (byExactText.TryGetValue(exactKey, out var exact) && exact != self)
        {
            best = rootOf[exact];
        }

        if (shingles > 0)
        {
            seenBuffer.Clear();
            for (var band = 0; band < Bands; band++)
            {
                var entry = bandHeads[Slot(BandKey(sketchBuffer, band))];
                var row0 = (ushort)sketchBuffer[band * RowsPerBand];
                var row1 = (ushort)sketchBuffer[(band * RowsPerBand) + 1];
                for (int walked = 0, steps = 0; entry >= 0 && walked < MaxChainWalk && steps < MaxSlotWalk; steps++, entry = bandNext[(entry * Bands) + band])
                {
                    // Another band key sharing the slot: not a candidate, and not counted against the walk.
                    var stored = (entry * Bins) + (band * RowsPerBand);
                    if (sketches[stored] != row0 || sketches[stored + 1] != row1)
                    {
                        continue;
                    }

                    walked++;
                    if (entry == self || rootOf[entry] >= best || !seenBuffer.Add(entry))
                    {
                        continue;
                    }

                    if (Overlaps(sketchBuffer, shingles, entry))
                    {
                        best = rootOf[entry];
                    }
                }
            }
        }

        return best == int.MaxValue ? null : ids[best];
    }

    /// <summary>Indexes the article; adding an id twice is ignored. When <see cref="Article.DuplicateOf"/> names an
    /// indexed article, later copies of this one resolve to that original.</summary>
    public void Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (indexOfId.ContainsKey(article.Id))
        {
            return;
        }

        var (exactKey, shingles) = Fingerprint(article.Body);
        var index = ids.Count;
        EnsureCapacity(index + 1);
        ids.Add(article.Id);
        indexOfId[article.Id] = index;
        rootOf[index] = article.DuplicateOf is { } original && indexOfId.TryGetValue(original, out var o) ? rootOf[o] : index;
        shingleCounts[index] = shingles;
        byExactText.TryAdd(exactKey, index);
        if (shingles > 0)
        {
            var stored = sketches.AsSpan(index * Bins, Bins);
            for (var i = 0; i < Bins; i++)
            {
                stored[i] = (ushort)sketchBuffer[i];
            }

            bandEntries += Bands;
            if (bandEntries > bandHeads.Length)
            {
                Rehash(bandHeads.Length * 2, index);
            }

            Chain(index);
        }
    }

    /// <summary>SHA-256 hex of the body with whitespace collapsed, lowercased and NFKC-normalised, for exact-duplicate lookup.</summary>
    public static string ContentHash(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TextFingerprint.Sha256Hex(TextFingerprint.NormaliseForHash(body));
    }

    /// <summary>Hash of the whole word sequence, and the shingle count (0 for short texts) with the sketch left in <see cref="sketchBuffer"/>.</summary>
    private (ulong ExactKey, int Shingles) Fingerprint(string body)
    {
        // The engine asks for a duplicate and then adds the same article: fingerprint its body once.
        if (ReferenceEquals(body, fingerprintedBody))
        {
            return fingerprinted;
        }

        fingerprintedBody = body;
        fingerprinted = FingerprintOnce(body);
        return fingerprinted;
    }

    private (ulong ExactKey, int Shingles) FingerprintOnce(string body)
    {
        var words = wordBuffer;
        words.Clear();
        TextFingerprint.WordHashes(body, words);
        ulong exact = SeedBase;
        foreach (var w in words)
        {
            exact = TextFingerprint.Mix(((exact << 7) | (exact >> 57)) ^ w);
        }

        if (words.Count < MinWordsForShingles)
        {
            return (exact, 0);
        }

        var set = shingleBuffer;
        set.Clear();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            ulong h = 0;
            for (var k = 0; k < ShingleWords; k++)
            {
                // Rotation keeps word order significant ("a b" and "b a" differ).
                h = ((h << 13) | (h >> 51)) ^ words[i + k];
            }

            set.Add(TextFingerprint.Mix(h));
        }

        Sketch(set, sketchBuffer);
        return (exact, set.Count);
    }

    /// <summary>One-permutation hashing (Li, Owen and Zhang 2012): the top 7 bits pick the bin, the low 32 bits compete
    /// for its minimum; empty bins borrow from the next filled bin to the right, salted by the distance
    /// (Shrivastava and Li 2014), so short texts still fill every bin consistently.</summary>
    internal static void Sketch(HashSet<ulong> shingles, uint[] sketch)
    {
        Array.Fill(sketch, uint.MaxValue);
        Span<bool> filled = stackalloc bool[Bins];
        foreach (var s in shingles)
        {
            var bin = (int)(s >> 57);
            var value = (uint)s;
            if (!filled[bin] || value < sketch[bin])
            {
                sketch[bin] = value;
                filled[bin] = true;
            }
        }

        for (var i = 0; i < Bins; i++)
        {
            if (filled[i])
            {
                continue;
            }

            for (var d = 1; d < Bins; d++)
            {
                var j = (i + d) % Bins;
                if (filled[j])
                {
                    sketch[i] = (uint)TextFingerprint.Mix(sketch[j] ^ ((ulong)d << 40));
                    break;
                }
            }
        }
    }

    internal static double EstimateJaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < Bins; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / Bins;
    }

    /// <summary>|A∩B| / min(|A|,|B|) from Jaccard and the set sizes: |A∩B| = J (|A|+|B|) / (1+J).</summary>
    internal static double EstimateContainment(double jaccard, int sizeA, int sizeB)
    {
        var smaller = Math.Min(sizeA, sizeB);
        return smaller == 0 ? 0 : Math.Min(1, jaccard * (sizeA + sizeB) / (1 + jaccard) / smaller);
    }

    private bool Overlaps(uint[] sketch, int shingles, int entry)
    {
        var stored = sketches.AsSpan(entry * Bins, Bins);
        var equal = 0;
        for (var i = 0; i < Bins; i++)
        {
            if ((ushort)sketch[i] == stored[i])
            {
                equal++;
            }
        }

        var j = (double)equal / Bins;
        return j >= JaccardThreshold || EstimateContainment(j, shingles, shingleCounts[entry]) >= ContainmentThreshold;
    }

    /// <summary>Band key over the low 16 bits of the band's rows (what the index stores), so the table can be rebuilt
    /// from stored sketches when it grows.</summary>
    private static ulong BandKey(ReadOnlySpan<uint> sketch, int band)
    {
        var start = band * RowsPerBand;
        ulong key = (ulong)band << 56;
        for (var r = 0; r < RowsPerBand; r++)
        {
            key = TextFingerprint.Mix(key ^ (ushort)sketch[start + r]);
        }

        return key;
    }

    private static ulong BandKey(ReadOnlySpan<ushort> sketch, int band)
    {
        var start = band * RowsPerBand;
        ulong key = (ulong)band << 56;
        for (var r = 0; r < RowsPerBand; r++)
        {
            key = TextFingerprint.Mix(key ^ sketch[start + r]);
        }

        return key;
    }

    private int Slot(ulong key) => (int)(key >> 32) & (bandHeads.Length - 1);

    /// <summary>Lists the entry first under each of its band keys.</summary>
    private void Chain(int index)
    {
        var stored = sketches.AsSpan(index * Bins, Bins);
        for (var band = 0; band < Bands; band++)
        {
            var slot = Slot(BandKey(stored, band));
            bandNext[(index * Bands) + band] = bandHeads[slot];
            bandHeads[slot] = index;
        }
    }

    /// <summary>Rebuilds the slot table at <paramref name="slots"/> from the stored sketches of entries before
    /// <paramref name="upTo"/>, oldest first, so every chain stays newest first.</summary>
    private void Rehash(int slots, int upTo)
    {
        bandHeads = CreateHeads(slots);
        for (var e = 0; e < upTo; e++)
        {
            if (shingleCounts[e] > 0)
            {
                Chain(e);
            }
        }
    }

    private static int[] CreateHeads(int slots)
    {
        var heads = new int[slots];
        Array.Fill(heads, -1);
        return heads;
    }

    private void EnsureCapacity(int entries)
    {
        if (entries <= shingleCounts.Length)
        {
            return;
        }

        var n = Math.Max(entries, shingleCounts.Length * 2);
        Array.Resize(ref shingleCounts, n);
        Array.Resize(ref rootOf, n);
        Array.Resize(ref sketches, n * Bins);
        Array.Resize(ref bandNext, n * Bands);
    }
}
