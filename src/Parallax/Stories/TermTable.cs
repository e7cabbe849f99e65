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

    /// <summary>Open-addressing table (linear probing, at most half full): slot holds entry index + 1, 0 when empty.</summary>
    private int[] slots = new int[2048];
    private ulong[] entryHash = new ulong[1024];
    private string[] entryKey = new string[1024];
    private int[] entryId = new int[1024];
    private int entries;
    private int termCount;
    private readonly List<int> counted = [];
    private int[] vectorTerms = new int[256];
    private float[] vectorWeights = new float[256];
    private int[] documentFrequency = new int[InitialTerms];
    private bool[] entity = new bool[InitialTerms];
    private double[] counts = new double[InitialTerms];
    private int[] countedIn = new int[InitialTerms];
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
    public long ApproximateBytes => (slots.Length * 4L) + (entryHash.Length * (8L + 8 + 4)) + (termCount * 40L) + (documentFrequency.Length * (4L + 1 + 8 + 4 + 8));

    public bool IsEntity(int term) => entity[term];

    /// <summary>Adds <paramref name="weight"/> to the current article's count of <paramref name="term"/> (lowercased word or prefixed entity key).</summary>
    public void Add(ReadOnlySpan<char> term, double weight) => AddTerm(term, weight);

    /// <summary>Adds <paramref name="weight"/> to the current article's count of <paramref name="term"/> unless it is a
    /// stopword (<see cref="StoryRules.Stopwords"/>); false for a stopword.</summary>
    public bool AddTerm(ReadOnlySpan<char> term, double weight)
    {
        var hash = Hash(term);
        var slot = (int)hash & (slots.Length - 1);
        int id;
        while (true)
        {
            var e = slots[slot] - 1;
            if (e < 0)
            {
                id = termCount++;
                Insert(term.ToString(), hash, id);
                Grow(id + 1);
                entity[id] = term.Length > 0 && term[0] == EntityPrefix;
                break;
            }

            if (entryHash[e] == hash && term.SequenceEqual(entryKey[e]))
            {
                id = entryId[e];
                if (id == StopId)
                {
                    return false;
                }

                break;
            }

            slot = (slot + 1) & (slots.Length - 1);
        }

        // Stamped with the article's number so a term counted with weight 0 still belongs to the article.
        if (countedIn[id] != Documents + 1)
        {
            countedIn[id] = Documents + 1;
            counts[id] = 0;
            counted.Add(id);
        }

        counts[id] += weight;
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

    private void Insert(string key, ulong hash, int id)
    {
        if ((entries + 1) * 2 > slots.Length)
        {
            slots = new int[slots.Length * 2];
            for (var k = 0; k < entries; k++)
            {
                Place(k);
            }
        }

        if (entries == entryHash.Length)
        {
            Array.Resize(ref entryHash, entries * 2);
            Array.Resize(ref entryKey, entries * 2);
            Array.Resize(ref entryId, entries * 2);
        }

        entryHash[entries] = hash;
        entryKey[entries] = key;
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

        slots[slot] = entry + 1;
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
            var w = 1 + Math.Log(Math.Max(1, counts[id]));
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
        Array.Resize(ref counts, n);
        Array.Resize(ref countedIn, n);
        Array.Resize(ref logDocumentFrequency, n);
    }
}
