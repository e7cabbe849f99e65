using Parallax.Dedup;
using Parallax.Evaluation;
using Xunit.Abstractions;

namespace Parallax.Tests.Evaluation;

/// <summary>The near-duplicate quality gate: copies generated from ECB+ train (seed 1). Floors only go up.</summary>
public sealed class DedupQualityTests(ITestOutputHelper output)
{
    // Measured when this gate was added (ECB+ train, seed 1): 770 articles, 443 originals, 327 copies, P 1.000, R 0.994;
    // seeds 2 and 3 R 0.997; ECB+ dev and PolNeAR train P and R 1.000. The issue's target is 0.98; floors sit just under the measurement.
    private const double PrecisionFloor = 0.99;
    private const double RecallFloor = 0.99;

    [Fact]
    public void Generated_copies_of_ecbplus_train_are_found_above_the_floors()
    {
        if (TestPaths.Shared is not { } shared)
        {
            output.WriteLine(TestPaths.SharedMissing);
            return;
        }

        var corpus = DedupEvaluation.LoadCorpus(Path.Combine(shared, "bench", "stories", "ecbplus-train.jsonl"));
        var s = DedupEvaluation.Run(NearDuplicateSetGenerator.Generate(corpus, seed: 1), (item, answer) => output.WriteLine($"miss: {item.Kind} {item.Article.Id} -> {answer ?? "-"}"));
        output.WriteLine($"ecbplus-train seed 1: {s.Articles} articles, {s.Copies} copies, {s.SameTopicPairs} same-topic pairs; P {s.Precision:0.000} R {s.Recall:0.000}");

        Assert.True(s.Copies > 250, $"only {s.Copies} copies generated");
        Assert.True(s.SameTopicPairs > 1000, "the corpus should give same-topic non-duplicates");
        Assert.All(s.ByKind, k => Assert.True(k.Copies > 20, $"{k.Kind}: {k.Copies} copies"));
        Assert.True(s.Precision >= PrecisionFloor, $"precision {s.Precision:0.000} < {PrecisionFloor}");
        Assert.True(s.Recall >= RecallFloor, $"recall {s.Recall:0.000} < {RecallFloor}");
    }
}
