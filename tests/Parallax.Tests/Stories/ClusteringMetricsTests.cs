using Parallax.Stories;

namespace Parallax.Tests.Stories;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void Perfect_clustering_scores_one()
    {
        string[] gold = ["a", "a", "b", "b", "b"];
        string[] predicted = ["x", "x", "y", "y", "y"];
        Assert.Equal(1.0, ClusteringMetrics.Pairwise(gold, predicted).F1, 9);
        Assert.Equal(1.0, ClusteringMetrics.BCubed(gold, predicted).F1, 9);
    }

    [Fact]
    public void Pairwise_counts_shared_pairs()
    {
        // Gold pairs: (0,1), (2,3), (2,4), (3,4) = 4. Predicted pairs: (0,1), (0,2), (1,2), (3,4) = 4. Shared: (0,1), (3,4).
        string[] gold = ["a", "a", "b", "b", "b"];
        string[] predicted = ["x", "x", "x", "y", "y"];
        var score = ClusteringMetrics.Pairwise(gold, predicted);
        Assert.Equal(0.5, score.Precision, 9);
        Assert.Equal(0.5, score.Recall, 9);
        Assert.Equal(0.5, score.F1, 9);
    }

    [Fact]
    public void BCubed_averages_per_item_overlap()
    {
        string[] gold = ["a", "a", "b", "b", "b"];
        string[] predicted = ["x", "x", "x", "y", "y"];
        var score = ClusteringMetrics.BCubed(gold, predicted);

        // Precision per item: 2/3, 2/3, 1/3, 1, 1. Recall per item: 1, 1, 1/3, 2/3, 2/3.
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, score.Precision, 9);
        Assert.Equal((1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, score.Recall, 9);
    }

    [Fact]
    public void All_singletons_have_full_bcubed_precision_and_zero_pairwise_recall()
    {
        string[] gold = ["a", "a", "a"];
        string[] predicted = ["x", "y", "z"];
        Assert.Equal(1.0, ClusteringMetrics.BCubed(gold, predicted).Precision, 9);
        Assert.Equal(0.0, ClusteringMetrics.Pairwise(gold, predicted).Recall, 9);
    }

    [Fact]
    public void Label_lists_of_different_length_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.Pairwise(["a"], ["x", "y"]));
    }
}
