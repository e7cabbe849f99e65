using Parallax.Evaluation;
using Xunit.Abstractions;

namespace Parallax.Tests.Compare;

/// <summary>
/// Quality gate on our own compare gold (testdata/compare: all six sample stories, the seeds). Floors sit a little under
/// the measured figures and only go up.
/// </summary>
public sealed class CompareEvaluationTests(ITestOutputHelper output)
{
    // Measured 2026-11-23 on branch wt-compare, after the gold was extended from S3 and S6 to all six sample stories
    // (437 gold pairs instead of 126) and alignment moved to the statement level: samples P 0.969 R 0.606, seeds
    // P 1.000 R 1.000. On the extended gold the code before this work measured P 0.943 R 0.470 (the two-story gold:
    // P 0.973 R 0.571, which the old floors 0.96 / 0.56 were set on).
    // Issue 7 recall work (branch wt-issue7): samples P 0.972 R 0.744 (326/438 pairs), feeds-warc P 1.000 R 0.692 (18/26).
    // Figures anchoring pairs and the chain bar 0.3 (branch wt-compare): samples P 0.973 (354/364) R 0.760 (333/438),
    // feeds-warc P 1.000 (17/17) R 0.808 (21/26).
    // Merged with session 5's quote-finding changes (ae58175): samples P 0.973 R 0.769 (337/438).
    // "he"/"she" skip a last speaker of the other gender for a person named since: samples P 0.973 R 0.774 (339/438).
    private const double SamplesPrecisionFloor = 0.97;
    private const double SamplesRecallFloor = 0.77;
    private const double SeedsPrecisionFloor = 1.0;

    // Story S7, read from the samples' RSS, Atom and WARC files (feeds-warc.json, 12 statements, 26 gold pairs), first
    // measured at commit 074381a: P 1.000 (12/12), R 0.615 (16/26). Twelve predictions: one wrong one is 0.917.
    private const double FeedsWarcPrecisionFloor = 0.9;
    private const double FeedsWarcRecallFloor = 0.8;
    private const double SeedsRecallFloor = 1.0;

    private static string GoldDir => Path.Combine(TestPaths.RepoRoot, "tests", "Parallax.Tests", "testdata", "compare");

    private static CompareGold Gold(string name) => Assert.Single(CompareEvaluation.LoadGold(GoldDir), g => g.Name == name);

    [Fact]
    public Task Alignment_on_the_samples_gold_stays_above_its_floors() =>
        AssertAboveFloorsAsync("samples", SamplesPrecisionFloor, SamplesRecallFloor);

    [Fact]
    public Task Alignment_on_the_story_read_from_feeds_and_a_warc_stays_above_its_floors() =>
        AssertAboveFloorsAsync("feeds-warc", FeedsWarcPrecisionFloor, FeedsWarcRecallFloor);

    /// <summary>Runs one gold set over the repository's own inputs and checks its precision and recall floors.</summary>
    private async Task AssertAboveFloorsAsync(string name, double precisionFloor, double recallFloor)
    {
        var gold = Gold(name);
        var inputs = CompareEvaluation.ResolveInputs(gold, TestPaths.RepoRoot, TestPaths.Shared);
        Assert.NotNull(inputs);
        var s = await CompareEvaluation.RunAsync(gold, inputs, output.WriteLine);
        output.WriteLine($"{name}: P {s.All.Precision:0.000} ({s.All.Correct}/{s.All.Predicted}), R {s.Recall:0.000} ({s.Recalled}/{s.GoldPairs})");
        Assert.Equal(0, s.MissingMentions);
        Assert.True(s.All.Precision >= precisionFloor, $"precision {s.All.Precision:0.000} below {precisionFloor}");
        Assert.True(s.Recall >= recallFloor, $"recall {s.Recall:0.000} below {recallFloor}");
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
