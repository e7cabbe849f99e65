using Parallax.Evaluation;
using Xunit.Abstractions;

namespace Parallax.Tests.Compare;

/// <summary>
/// Quality gate on our own compare gold (testdata/compare: samples S3 and S6, the seeds). Floors sit a little under the
/// measured figures and only go up.
/// </summary>
public sealed class CompareEvaluationTests(ITestOutputHelper output)
{
    // Measured 2026-11-23 on main after the compare and quote work merged: samples P 0.973 R 0.571; seeds P 1.000
    // R 0.857. (On its branch, with the older quote stage, compare measured samples P 0.927 R 0.595; the merged quote
    // stage splits a few statements differently, trading 0.024 recall for 0.046 precision. This gate was first run
    // on main at the merge, with these floors.)
    private const double SamplesPrecisionFloor = 0.96;
    private const double SamplesRecallFloor = 0.56;
    private const double SeedsPrecisionFloor = 1.0;
    private const double SeedsRecallFloor = 0.85;

    private static string GoldDir => Path.Combine(TestPaths.RepoRoot, "tests", "Parallax.Tests", "testdata", "compare");

    private static CompareGold Gold(string name) => Assert.Single(CompareEvaluation.LoadGold(GoldDir), g => g.Name == name);

    [Fact]
    public async Task Alignment_on_the_samples_gold_stays_above_its_floors()
    {
        var gold = Gold("samples");
        var inputs = CompareEvaluation.ResolveInputs(gold, TestPaths.RepoRoot, TestPaths.Shared);
        Assert.NotNull(inputs);
        var s = await CompareEvaluation.RunAsync(gold, inputs, output.WriteLine);
        output.WriteLine($"samples: P {s.All.Precision:0.000} ({s.All.Correct}/{s.All.Predicted}), R {s.Recall:0.000} ({s.Recalled}/{s.GoldPairs})");
        Assert.Equal(0, s.MissingMentions);
        Assert.True(s.All.Precision >= SamplesPrecisionFloor, $"precision {s.All.Precision:0.000} below {SamplesPrecisionFloor}");
        Assert.True(s.Recall >= SamplesRecallFloor, $"recall {s.Recall:0.000} below {SamplesRecallFloor}");
    }

    [Fact]
    public async Task On_the_seeds_only_statements_both_outlets_carry_are_aligned()
    {
        var gold = Gold("seeds");
        if (CompareEvaluation.ResolveInputs(gold, TestPaths.RepoRoot, TestPaths.Shared) is not { } inputs)
        {
            output.WriteLine(TestPaths.SharedMissing);
            return;
        }

        var s = await CompareEvaluation.RunAsync(gold, inputs, output.WriteLine);
        output.WriteLine($"seeds: P {s.All.Precision:0.000} ({s.All.Correct}/{s.All.Predicted}), R {s.Recall:0.000} ({s.Recalled}/{s.GoldPairs})");
        Assert.Equal(0, s.MissingMentions);
        Assert.True(s.All.Precision >= SeedsPrecisionFloor, $"precision {s.All.Precision:0.000} below {SeedsPrecisionFloor}");
        Assert.True(s.Recall >= SeedsRecallFloor, $"recall {s.Recall:0.000} below {SeedsRecallFloor}");
    }

    [Fact]
    public void Every_gold_statement_has_mentions_in_at_least_two_articles()
    {
        foreach (var gold in CompareEvaluation.LoadGold(GoldDir))
        {
            foreach (var s in gold.Statements)
            {
                Assert.True(s.Mentions.Select(m => m.Article).Distinct().Count() >= 2, $"{gold.Name}/{s.Id} is carried by one article only");
            }
        }
    }
}
