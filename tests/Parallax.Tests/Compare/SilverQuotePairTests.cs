using Parallax.Evaluation;
using Parallax.Tests.Stories;
using Xunit.Abstractions;

namespace Parallax.Tests.Compare;

/// <summary>
/// Silver set from ECB+ dev (see <c>../shared/bench/README.md</c>): within a gold story, spans in curly quotes of
/// different articles that share a run of six or more words report the same statement and should be aligned.
/// </summary>
public sealed class SilverQuotePairTests(ITestOutputHelper output)
{
    /// <summary>Measured on ECB+ dev: 202 of 212 silver pairs aligned (recall 0.953); 207 of 212 (0.976) after the issue 7
    /// recall work (branch wt-issue7). The floor sits a little below.</summary>
    private const double RecallFloor = 0.96;

    [Fact]
    public void Comparer_aligns_silver_quote_pairs_of_ecbplus_dev()
    {
        var path = BenchData.EcbPlus("dev");
        if (path is null)
        {
            output.WriteLine("SKIPPED: ../shared/bench/stories/ecbplus-dev.jsonl not found next to the repository.");
            return;
        }

        var scores = StoryEvaluation.SilverAlignment(StoryEvaluation.LoadGold(path), pair => output.WriteLine($"missed: {pair}"));
        output.WriteLine($"ECB+ dev silver quote pairs: {scores.Aligned}/{scores.SilverPairs} aligned, recall {scores.Recall:0.000}");
        Assert.True(scores.SilverPairs > 0, "expected silver pairs in ECB+ dev");
        Assert.True(scores.Recall >= RecallFloor, $"silver recall {scores.Recall:0.000} fell below the floor {RecallFloor}");
    }
}
