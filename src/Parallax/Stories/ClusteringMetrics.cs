namespace Parallax.Stories;

/// <summary>Precision, recall and F1 of a clustering.</summary>
public readonly record struct ClusteringScore(double Precision, double Recall, double F1)
{
    internal static ClusteringScore Of(double precision, double recall) =>
        new(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
}

/// <summary>Clustering evaluation against gold labels: pairwise and BCubed (Amigó et al. 2009).</summary>
public static class ClusteringMetrics
{
    /// <summary>
    /// Over all unordered item pairs, a pair is positive when both items share a cluster. Precision is over predicted
    /// positive pairs, recall over gold positive pairs; an empty side counts as perfect.
    /// </summary>
    public static ClusteringScore Pairwise(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Check(gold, predicted);
        var cells = new Dictionary<(string, string), long>();
        var goldSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var predictedSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            cells[(gold[i], predicted[i])] = cells.GetValueOrDefault((gold[i], predicted[i])) + 1;
            goldSizes[gold[i]] = goldSizes.GetValueOrDefault(gold[i]) + 1;
            predictedSizes[predicted[i]] = predictedSizes.GetValueOrDefault(predicted[i]) + 1;
        }

        var truePairs = SumPairs(cells.Values);
        var goldPairs = SumPairs(goldSizes.Values);
        var predictedPairs = SumPairs(predictedSizes.Values);
        var precision = predictedPairs == 0 ? 1 : (double)truePairs / predictedPairs;
        var recall = goldPairs == 0 ? 1 : (double)truePairs / goldPairs;
        return ClusteringScore.Of(precision, recall);
    }

    /// <summary>
    /// Per item: precision = share of its predicted cluster that shares its gold cluster, recall = share of its gold
    /// cluster that shares its predicted cluster; both averaged over items.
    /// </summary>
    public static ClusteringScore BCubed(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Check(gold, predicted);
        if (gold.Count == 0)
        {
            return ClusteringScore.Of(1, 1);
        }

        var cells = new Dictionary<(string, string), long>();
        var goldSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var predictedSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            cells[(gold[i], predicted[i])] = cells.GetValueOrDefault((gold[i], predicted[i])) + 1;
            goldSizes[gold[i]] = goldSizes.GetValueOrDefault(gold[i]) + 1;
            predictedSizes[predicted[i]] = predictedSizes.GetValueOrDefault(predicted[i]) + 1;
        }

        double precision = 0, recall = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            double both = cells[(gold[i], predicted[i])];
            precision += both / predictedSizes[predicted[i]];
            recall += both / goldSizes[gold[i]];
        }

        return ClusteringScore.Of(precision / gold.Count, recall / gold.Count);
    }

    private static long SumPairs(IEnumerable<long> sizes)
    {
        long sum = 0;
        foreach (var n in sizes)
        {
            sum += n * (n - 1) / 2;
        }

        return sum;
    }

    private static void Check(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted labels must have one entry per item.", nameof(predicted));
        }
    }
}
