using Parallax.Stories;

namespace Parallax.Tests.Stories;

public sealed class SparseCentroidTests
{
    [Fact]
    public void Adding_a_vector_sums_shared_terms_keeps_term_order_and_reports_new_terms()
    {
        var centroid = new SparseCentroid();
        var added = new List<int>();
        centroid.Add([2, 5, 9], [1f, 1f, 1f], added.Add);
        centroid.Add([1, 5, 12], [0.5f, 2f, 3f], added.Add);

        Assert.Equal([1, 2, 5, 9, 12], centroid.Terms.ToArray());
        Assert.Equal([0.5f, 1f, 3f, 1f, 3f], centroid.Weights.ToArray());
        Assert.Equal([2, 5, 9, 1, 12], added);
    }

    [Fact]
    public void Pruning_keeps_the_heaviest_terms_by_weight_times_idf_in_term_order()
    {
        var centroid = new SparseCentroid();
        centroid.Add([1, 2, 3, 4], [4f, 1f, 3f, 2f], _ => { });

        // Term 2 has a high IDF: 1 × 10 beats term 1's 4 × 1, which beats term 3's 3 × 1.
        centroid.Prune(2, term => term == 2 ? 10 : 1);

        Assert.Equal([1, 2], centroid.Terms.ToArray());
        Assert.Equal([4f, 1f], centroid.Weights.ToArray());
    }
}
