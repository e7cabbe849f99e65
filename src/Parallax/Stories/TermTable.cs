namespace Parallax.Stories;

/// <summary>
/// The clusterer's vocabulary: integer ids for terms (a string is made once per new term, never per article), document
/// frequencies, entity flags, and one article's weighted counts in a dense array indexed by term id with the list of
/// terms it touched. Replaces a dictionary of strings per article, which dominated the cost of vectorising on long
/// streams. Not thread-safe.
/// </summary>
internal sealed class TermTable
{
    private const int InitialTerms = 1024;

    /// <summary>Entity keys are stored with this prefix, which no word token can start with.</summary>
    public const char EntityPrefix = '@';

    /// <summary>Id of stopword entries in the hash table: looked up with the terms, so a word costs one probe, not two.</summary>
    private const int StopId = -1;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>High half of a hash, kept in its slot.</summary>
    private const ulong TagMask = 0xFFFFFFFF00000000UL;

    /// <summary>Open-addressing table (linear probing, at most half full): a slot holds the hash's high 32 bits above entry
    /// index + 1, 0 when empty, so a probe that misses is settled in the slot without reading the entry.</summary>
    private ulong[] slots = new ulong[2048];

    /// <summary>Full hashes, read only when the slots are rebuilt.</summary>
    private ulong[] entryHash = new ulong[1024];
    private int[] entryId = new int[1024];

    /// <summary>Entry keys end to end in one array (entry e is <c>keyChars[keyStart[e]..keyStart[e + 1]]</c>): no string per
    /// term, and a key check reads contiguous memory instead of following a reference per term on a long stream.</summary>
    private int[] keyStart = new int[1025];
    private char[] keyChars = new char[8192];
    private int entries;
    private int termCount;
    private readonly List<int> counted = [];
    private int[] vectorTerms = new int[256];
    private float[] vectorWeights = new float[256];
    private int[] documentFrequency = new int[InitialTerms];
    private bool[] entity = new bool[InitialTerms];
    private bool[] signatureNumber = new bool[InitialTerms];
    /// <summary>The current article's count of each term, stamped with the article's number; one array so a word costs one
    /// cache line, not two.</summary>
    private Tally[] tallies = new Tally[InitialTerms];
    private double[] logDocumentFrequency = new double[InitialTerms];
    private double logDocuments;

    public TermTable()
    {
        foreach (var stopword in StoryRules.Stopwords)
        {
            Insert(stopword, Hash(stopword), StopId);
        }
    }

    /// <summary>Distinct terms seen.</summary>
    public int Count => termCount;

    /// <summary>Articles vectorised.</summary>
    public int Documents { get; private set; }

    /// <summary>Length of the per-term arrays, for callers that keep their own arrays indexed by term id.</summary>
    public int Capacity => documentFrequency.Length;

    /// <summary>Rough bytes: the dictionary (entry, key string) and the per-term arrays.</summary>
    public long ApproximateBytes => (slots.Length * 8L) + (entryHash.Length * (8L + 4 + 4)) + (keyChars.Length * 2L) + (documentFrequency.Length * (4L + 1 + 16 + 8));

    public bool IsEntity(int term) => entity[term];

    /// <summary>Whether the term is a number that marks one event (<see cref="IsSignatureNumber(ReadOnlySpan{char})"/>).</summary>
    public bool IsSignatureNumber(int term) => signatureNumber[term];

    /// <summary>
    /// A number that tells one event from another of its kind: a toll, a sum, a magnitude, a score ("85", "2.6", "1,300").
    /// Not a year (1950-2039, those are <see cref="TimeAgreement"/>'s) and not a whole number up to 31 (days of the month,
    /// small counts and rounds that any two events of one kind share).
    /// </summary>
    internal static bool IsSignatureNumber(ReadOnlySpan<char> term)
    {
        if (term.IsEmpty || !char.IsAsciiDigit(term[0]))
        {
            return false;
        }

        var whole = 0L;
        foreach (var c in term)
        {
            if (c is '.' or ',')
            {
                return true;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            whole = Math.Min((whole * 10) + (c - '0'), int.MaxValue);
        }

        return whole > 31 && (term.Length != 4 || whole is < 1950 or > 2039);
    }

    /// <summary>Adds <paramref name="weight"/> to the current article's count of <paramref name="term"/> (lowercased word or prefixed entity key).</summary>
    public void Add(ReadOnlySpan<char> term, double weight) => AddTerm(term, weight);

    /// <summary>Adds <paramref name="weight"/> to the current article's count of <paramref name="term"/> unless it is a
    /// stopword (<see cref="StoryRules.Stopwords"/>); false for a stopword.</summary>
    public bool AddTerm(ReadOnlySpan<char> term, double weight)
    {
        var hash = Hash(term);
        var tag = hash & TagMask;
        var mask = slots.Length - 1;
        var slot = (int)hash & mask;
        int id;
        while (true)
        {
            var s = slots[slot];
            if (s == 0)
            {
                id = termCount++;
                Insert(term, hash, id);
                Grow(id + 1);
                entity[id] = term.Length > 0 && term[0] == EntityPrefix;
                signatureNumber[id] = IsSignatureNumber(term);
                break;
            }

            if ((s & TagMask) == tag)
            {
                var e = (int)(uint)s - 1;
                if (term.SequenceEqual(keyChars.AsSpan(keyStart[e], keyStart[e + 1] - keyStart[e])))
                {
                    id = entryId[e];
                    if (id == StopId)
                    {
                        return false;
                    }

                    break;
                }
            }

            slot = (slot + 1) & mask;
        }

        // Stamped with the article's number so a term counted with weight 0 still belongs to the article.
        ref var tally = ref tallies[id];
        if (tally.Article != Documents + 1)
        {
            tally.Article = Documents + 1;
            tally.Count = 0;
            counted.Add(id);
        }

        tally.Count += weight;
        return true;
    }

    private static ulong Hash(ReadOnlySpan<char> term)
    {
        var h = FnvOffset;
        foreach (var c in term)
        {
            h = (h ^ c) * FnvPrime;
        }

        // Final avalanche so the low bits that pick the slot depend on every character.
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }

    private void Insert(ReadOnlySpan<char> key, ulong hash, int id)
    {
        if ((entries + 1) * 2 > slots.Length)
        {
            slots = new ulong[slots.Length * 2];
            for (var k = 0; k < entries; k++)
            {
                Place(k);
            }
        }

        if (entries == entryHash.Length)
        {
            Array.Resize(ref entryHash, entries * 2);
            Array.Resize(ref entryId, entries * 2);
            Array.Resize(ref keyStart, (entries * 2) + 1);
        }

        var at = keyStart[entries];
        if (at + key.Length > keyChars.Length)
        {
            Array.Resize(ref keyChars, Math.Max(at + key.Length, keyChars.Length * 2));
        }

        key.CopyTo(keyChars.AsSpan(at));
        keyStart[entries + 1] = at + key.Length;
        entryHash[entries] = hash;
        entryId[entries] = id;
        Place(entries++);
    }

    private void Place(int entry)
    {
        var slot = (int)entryHash[entry] & (slots.Length - 1);
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & (slots.Length - 1);
        }

        slots[slot] = (entryHash[entry] & TagMask) | (uint)(entry + 1);
    }

    /// <summary>Turns the counts added since the last call into a unit-length vector (sublinear TF, before IDF) sorted by
    /// term id, and counts the article in the document frequencies. The vector lives in buffers the next call reuses.</summary>
    public StoryClusterer.DocVector Finish()
    {
        Documents++;
        logDocuments = Math.Log(1.0 + Documents);
        var n = counted.Count;
        if (vectorTerms.Length < n)
        {
            vectorTerms = new int[Math.Max(n, vectorTerms.Length * 2)];
            vectorWeights = new float[vectorTerms.Length];
        }

        var termIds = vectorTerms;
        var weights = vectorWeights;
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var id = counted[i];
            documentFrequency[id]++;
            logDocumentFrequency[id] = Math.Log(1.0 + documentFrequency[id]);
            termIds[i] = id;

            // Sublinear term frequency: the tenth mention of a name adds little over the third.
            var w = 1 + Math.Log(Math.Max(1, tallies[id].Count));
            weights[i] = (float)w;
            norm += w * w;
        }

        counted.Clear();

        // Term order lets scoring merge-join the article with a story centroid.
        Array.Sort(termIds, weights, 0, n);
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var k = 0; k < n; k++)
            {
                weights[k] = (float)(weights[k] / norm);
            }
        }

        return new StoryClusterer.DocVector(termIds, weights, n);
    }

    /// <summary>Smoothed IDF (as in scikit-learn): ln((1+N)/(1+df)) + 1, so the very first documents get finite, equal
    /// weights. Computed as ln(1+N) − ln(1+df) + 1 from logs kept per article and per term (a term's changes only when its
    /// df does): one article asks for a thousand IDFs (its terms, candidate norms, pruning) and a log each dominated.</summary>
    public double Idf(int term) => logDocuments - logDocumentFrequency[term] + 1;

    private void Grow(int terms)
    {
        if (terms <= documentFrequency.Length)
        {
            return;
        }

        var n = Math.Max(terms, documentFrequency.Length * 2);
        Array.Resize(ref documentFrequency, n);
        Array.Resize(ref entity, n);
        Array.Resize(ref signatureNumber, n);
        Array.Resize(ref tallies, n);
        Array.Resize(ref logDocumentFrequency, n);
    }

    private struct Tally
    {
        public int Article;
        public double Count;
    }
}
