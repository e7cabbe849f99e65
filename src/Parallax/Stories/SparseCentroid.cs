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
                added(addTerms[j]);
                newTerms[n] = addTerms[j];
                newWeights[n++] = addWeights[j++];
            }
            else
            {
                newTerms[n] = terms[i];
                newWeights[n++] = weights[i++] + addWeights[j++];
            }
        }

        terms = newTerms;
        weights = newWeights;
        Count = n;
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

    public void Clear()
    {
        terms = [];
        weights = [];
        Count = 0;
    }
}
