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

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<int> counted = [];
    private int[] documentFrequency = new int[InitialTerms];
    private bool[] entity = new bool[InitialTerms];
    private double[] counts = new double[InitialTerms];
    private int[] countedIn = new int[InitialTerms];
    private double[] idfCache = new double[InitialTerms];
    private int[] idfDocuments = new int[InitialTerms];

    public TermTable()
    {
        lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Array.Fill(idfDocuments, -1);
    }

    /// <summary>Distinct terms seen.</summary>
    public int Count => ids.Count;

    /// <summary>Articles vectorised.</summary>
    public int Documents { get; private set; }

    /// <summary>Length of the per-term arrays, for callers that keep their own arrays indexed by term id.</summary>
    public int Capacity => documentFrequency.Length;

    /// <summary>Rough bytes: the dictionary (entry, key string) and the per-term arrays.</summary>
    public long ApproximateBytes => (ids.Count * 64L) + (documentFrequency.Length * (4L + 1 + 8 + 4 + 8 + 4));

    public bool IsEntity(int term) => entity[term];

    /// <summary>Adds <paramref name="weight"/> to the current article's count of <paramref name="term"/> (lowercased word or prefixed entity key).</summary>
    public void Add(ReadOnlySpan<char> term, double weight)
    {
        if (!lookup.TryGetValue(term, out var id))
        {
            id = ids.Count;
            lookup[term] = id;
            Grow(id + 1);
            entity[id] = term.Length > 0 && term[0] == EntityPrefix;
        }

        // Stamped with the article's number so a term counted with weight 0 still belongs to the article.
        if (countedIn[id] != Documents + 1)
        {
            countedIn[id] = Documents + 1;
            counts[id] = 0;
            counted.Add(id);
        }

        counts[id] += weight;
    }

    /// <summary>Turns the counts added since the last call into a unit-length vector (sublinear TF, before IDF) sorted by
    /// term id, and counts the article in the document frequencies.</summary>
    public StoryClusterer.DocVector Finish()
    {
        Documents++;
        var n = counted.Count;
        var termIds = new int[n];
        var weights = new float[n];
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var id = counted[i];
            documentFrequency[id]++;
            termIds[i] = id;

            // Sublinear term frequency: the tenth mention of a name adds little over the third.
            var w = 1 + Math.Log(Math.Max(1, counts[id]));
            weights[i] = (float)w;
            norm += w * w;
        }

        counted.Clear();

        // Term order lets scoring merge-join the article with a story centroid.
        Array.Sort(termIds, weights);
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] = (float)(weights[k] / norm);
            }
        }

        return new StoryClusterer.DocVector(termIds, weights);
    }

    /// <summary>Smoothed IDF (as in scikit-learn): ln((1+N)/(1+df)) + 1, so the very first documents get finite, equal
    /// weights. Cached until the next article changes N: one article asks for the same terms many times (its own
    /// terms, candidate norms, pruning).</summary>
    public double Idf(int term)
    {
        if (idfDocuments[term] == Documents)
        {
            return idfCache[term];
        }

        var idf = Math.Log((1.0 + Documents) / (1.0 + documentFrequency[term])) + 1;
        idfCache[term] = idf;
        idfDocuments[term] = Documents;
        return idf;
    }

    private void Grow(int terms)
    {
        if (terms <= documentFrequency.Length)
        {
            return;
        }

        var n = Math.Max(terms, documentFrequency.Length * 2);
        var old = idfDocuments.Length;
        Array.Resize(ref documentFrequency, n);
        Array.Resize(ref entity, n);
        Array.Resize(ref counts, n);
        Array.Resize(ref countedIn, n);
        Array.Resize(ref idfCache, n);
        Array.Resize(ref idfDocuments, n);
        idfDocuments.AsSpan(old).Fill(-1);
    }
}
