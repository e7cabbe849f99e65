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

    [Fact]
    public void Selecting_the_kth_value_agrees_with_sorting_including_ties()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var values = new double[1 + random.Next(60)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(8);
            }

            var sorted = values.Order().ToArray();
            var k = random.Next(values.Length);
            Assert.Equal(sorted[k], SparseCentroid.Select(values.ToArray(), k));
        }
    }

    [Fact]
    public void Adding_and_pruning_in_one_step_matches_adding_then_pruning()
    {
        var random = new Random(11);
        var table = new TermTable();
        for (var t = 0; t < 40; t++)
        {
            table.Add("t" + t, 1 + (t % 3));
        }

        table.Finish();
        var scratch = new CentroidScratch();
        var fused = new SparseCentroid();
        var apart = new SparseCentroid();
        for (var round = 0; round < 30; round++)
        {
            var terms = Enumerable.Range(0, 40).Where(_ => random.Next(3) == 0).ToArray();
            var weights = terms.Select(_ => (float)random.Next(1, 4)).ToArray();
            var addedFused = new List<int>();
            var addedApart = new List<int>();
            fused.AddAndPrune(terms, weights, addedFused, 12, table, scratch);
            apart.Add(terms, weights, addedApart.Add);
            apart.Prune(12, table.Idf);

            Assert.Equal(apart.Terms.ToArray(), fused.Terms.ToArray());
            Assert.Equal(apart.Weights.ToArray(), fused.Weights.ToArray());
            Assert.Equal(addedApart, addedFused);
        }
    }
}
