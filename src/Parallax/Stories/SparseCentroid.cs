namespace Parallax.Stories;

/// <summary>
/// A story's summed term weights as two parallel arrays sorted by term id: 8 bytes a term against about 24 in a
/// dictionary, and scoring walks them in order instead of probing a hash table per term, which on a long stream is
/// dominated by cache misses.
/// </summary>
internal sealed class SparseCentroid
{
    private int[] terms = [];
    private float[] weights = [];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Terms => terms.AsSpan(0, Count);

    public ReadOnlySpan<float> Weights => weights.AsSpan(0, Count);

    /// <summary>Adds a vector sorted by term id; <paramref name="added"/> hears each term the centroid did not hold.</summary>
    public void Add(ReadOnlySpan<int> addTerms, ReadOnlySpan<float> addWeights, Action<int> added)
    {
        var total = Count + addTerms.Length;
        var newTerms = new int[total];
        var newWeights = new float[total];
        var fresh = new List<int>();
        Count = Merge(addTerms, addWeights, newTerms, newWeights, fresh);
        terms = newTerms;
        weights = newWeights;
        foreach (var term in fresh)
        {
            added(term);
        }
    }

    /// <summary>Keeps the <paramref name="keep"/> terms of largest <c>weight × idf</c> (ties to the lower term id), in term order.</summary>
    public void Prune(int keep, Func<int, double> idf)
    {
        if (Count <= keep)
        {
            return;
        }

        var ranked = new (double Score, int Index)[Count];
        for (var i = 0; i < Count; i++)
        {
            ranked[i] = (weights[i] * idf(terms[i]), i);
        }

        Array.Sort(ranked, static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Index.CompareTo(y.Index));
        var kept = new int[keep];
        for (var i = 0; i < keep; i++)
        {
            kept[i] = ranked[i].Index;
        }

        Array.Sort(kept);
        var newTerms = new int[keep];
        var newWeights = new float[keep];
        for (var i = 0; i < keep; i++)
        {
            newTerms[i] = terms[kept[i]];
            newWeights[i] = weights[kept[i]];
        }

        terms = newTerms;
        weights = newWeights;
        Count = keep;
    }

    /// <summary>
    /// <see cref="Add(ReadOnlySpan{int}, ReadOnlySpan{float}, Action{int})"/> then <see cref="Prune(int, Func{int, double})"/>
    /// with the table's IDF, merging and selecting in <paramref name="scratch"/> so a story at its term cap takes a new
    /// article without allocating. Terms the centroid did not hold are appended to <paramref name="added"/> (pruned or not).
    /// </summary>
    public void AddAndPrune(ReadOnlySpan<int> addTerms, ReadOnlySpan<float> addWeights, List<int> added, int keep, TermTable table, CentroidScratch scratch)
    {
        var total = Count + addTerms.Length;
        scratch.Ensure(total);
        var newTerms = scratch.Terms;
        var newWeights = scratch.Weights;
        var n = Merge(addTerms, addWeights, newTerms, newWeights, added);
        if (n <= keep)
        {
            Store(newTerms.AsSpan(0, n), newWeights.AsSpan(0, n));
            return;
        }

        // The keep-th largest score, then every term above it and the lowest-id terms at it: the same set as sorting by
        // score (ties to the lower id) and cutting, without a comparison sort.
        var scores = scratch.Scores;
        var sorted = scratch.Sorted;
        for (var k = 0; k < n; k++)
        {
            scores[k] = newWeights[k] * table.Idf(newTerms[k]);
        }

        scores.AsSpan(0, n).CopyTo(sorted);
        var cut = Select(sorted.AsSpan(0, n), n - keep);
        var above = 0;
        for (var k = 0; k < n; k++)
        {
            if (scores[k] > cut)
            {
                above++;
            }
        }

        var atCut = keep - above;
        var m = 0;
        for (var k = 0; k < n; k++)
        {
            if (scores[k] > cut || (scores[k] == cut && atCut-- > 0))
            {
                newTerms[m] = newTerms[k];
                newWeights[m++] = newWeights[k];
            }
        }

        Store(newTerms.AsSpan(0, m), newWeights.AsSpan(0, m));
    }

    /// <summary>The value that would sit at <paramref name="k"/> if <paramref name="values"/> were sorted ascending
    /// (Hoare's quickselect, median-of-three pivot); reorders <paramref name="values"/>.</summary>
    internal static double Select(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var pivot = Median(values[lo], values[mid], values[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];

        static double Median(double a, double b, double c) =>
            a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    }

    /// <summary>
    /// This centroid's terms and <paramref name="addTerms"/> (both sorted by term id) merged into the output spans, weights
    /// of shared terms summed; terms it did not hold are appended to <paramref name="added"/>. Returns the merged count.
    /// </summary>
    private int Merge(ReadOnlySpan<int> addTerms, ReadOnlySpan<float> addWeights, Span<int> newTerms, Span<float> newWeights, List<int> added)
    {
        int i = 0, j = 0, n = 0;
        while (i < Count || j < addTerms.Length)
        {
            if (j == addTerms.Length || (i < Count && terms[i] < addTerms[j]))
            {
                newTerms[n] = terms[i];
                newWeights[n++] = weights[i++];
            }
            else if (i == Count || addTerms[j] < terms[i])
            {
                added.Add(addTerms[j]);
                newTerms[n] = addTerms[j];
                newWeights[n++] = addWeights[j++];
            }
            else
            {
                newTerms[n] = terms[i];
                newWeights[n++] = weights[i++] + addWeights[j++];
            }
        }

        return n;
    }

    private void Store(ReadOnlySpan<int> newTerms, ReadOnlySpan<float> newWeights)
    {
        // Exact-size arrays keep memory at 8 bytes a term; a story at its cap reuses them.
        if (terms.Length != newTerms.Length)
        {
            terms = new int[newTerms.Length];
            weights = new float[newTerms.Length];
        }

        newTerms.CopyTo(terms);
        newWeights.CopyTo(weights);
        Count = newTerms.Length;
    }

    public void Clear()
    {
        terms = [];
        weights = [];
        Count = 0;
    }
}

/// <summary>Reusable buffers for <see cref="SparseCentroid.AddAndPrune"/>, one per clusterer.</summary>
internal sealed class CentroidScratch
{
    public int[] Terms { get; private set; } = new int[1024];

    public float[] Weights { get; private set; } = new float[1024];

    public double[] Scores { get; private set; } = new double[1024];

    public double[] Sorted { get; private set; } = new double[1024];

    public void Ensure(int n)
    {
        if (n <= Terms.Length)
        {
            return;
        }

        var size = Math.Max(n, Terms.Length * 2);
        Terms = new int[size];
        Weights = new float[size];
        Scores = new double[size];
        Sorted = new double[size];
    }
}
