using Parallax.Evaluation;
using Xunit.Abstractions;

namespace Parallax.Tests.Evaluation;

/// <summary>The quote quality gate on PolNeAR dev (84 articles, 2,192 attributions). Floors only go up.</summary>
public sealed class QuoteQualityTests(ITestOutputHelper output)
{
    // Measured on polnear-dev at the commit that added this gate: at 30% coverage P 0.864, R 0.263, F1 0.404,
    // quoted recall 0.564, speaker accuracy 0.763. After the PolNeAR-style attribution forms (common-noun and titled
    // speakers, '' quotes, belief/intention cues, interrupted quotes, labels, according-to phrases): P 0.898, R 0.510,
    // F1 0.650, quoted recall 0.772, speaker accuracy 0.882 (polnear-train: P 0.882, R 0.453, QR 0.757, speaker 0.873).
    // After speech verbs inside clauses, intros with quoted titles, multi-comma appositions, inverted noun-phrase
    // sources, noun cues (`Trump's claim that`): P 0.897, R 0.532, F1 0.668, quoted recall 0.798, speaker accuracy 0.886
    // (polnear-train: P 0.884, R 0.473, QR 0.772, speaker 0.875).
    // After subjects with appositions and introductions, quotation-anchored attributions (`"...," he answered`, `said
    // <phrase>`, `Name: "..."`), headline labels, coordinated and went-on-to-say cues, loose according-to sources and
    // guards on noun-like cue words: P 0.921, R 0.569, F1 0.703, quoted recall 0.845, speaker accuracy 0.895
    // (polnear-train: P 0.905, R 0.522, QR 0.831, speaker 0.885).
    // After one- and two-word reported speech stopped counting as a statement: P 0.931, R 0.567, F1 0.705, quoted
    // recall 0.845, speaker accuracy 0.895 (polnear-train: P 0.912, R 0.518, QR 0.831, speaker 0.884).
    // After reports read after a cue followed by a quotation, carried quotes pointing at the mention they inherit from,
    // cue-less quotations of six or more words and quotations after naming verbs (`called him a "moderate"`): P 0.931,
    // R 0.590, F1 0.722, quoted recall 0.904, speaker accuracy 0.891 (polnear-train: P 0.907, R 0.538, QR 0.894, speaker
    // 0.886).
    // After comma-introduced subjects read as leading, common-noun subjects before speech verbs, cue-less quotations
    // from five words, `said it was ...` and `but said ...`: P 0.934, R 0.598, F1 0.729, quoted recall 0.910, speaker
    // accuracy 0.893 (polnear-train: P 0.912, R 0.546, QR 0.902, speaker 0.887).
    // Floors sit just under.
    private const double F1Floor = 0.725;
    private const double PrecisionFloor = 0.92;
    private const double RecallFloor = 0.595;
    private const double QuotedRecallFloor = 0.905;
    private const double SpeakerAccuracyFloor = 0.89;

    [Fact]
    public void Polnear_dev_scores_stay_above_their_floors()
    {
        if (TestPaths.Shared is not { } shared)
        {
            output.WriteLine(TestPaths.SharedMissing);
            return;
        }

        var gold = QuoteEvaluation.LoadGold(Path.Combine(shared, "bench", "quotes", "polnear-dev.jsonl"));
        var s = QuoteEvaluation.Run(gold, 0.3)[0];
        output.WriteLine($"polnear-dev @0.3: P {s.Precision:0.000} R {s.Recall:0.000} F1 {s.F1:0.000}, quoted recall {s.QuotedRecall:0.000}, speaker {s.SpeakerAccuracy:0.000}");

        Assert.Equal(2192, s.Gold);
        Assert.True(s.F1 >= F1Floor, $"F1 {s.F1:0.000} < {F1Floor}");
        Assert.True(s.Precision >= PrecisionFloor, $"precision {s.Precision:0.000} < {PrecisionFloor}");
        Assert.True(s.Recall >= RecallFloor, $"recall {s.Recall:0.000} < {RecallFloor}");
        Assert.True(s.QuotedRecall >= QuotedRecallFloor, $"quoted recall {s.QuotedRecall:0.000} < {QuotedRecallFloor}");
        Assert.True(s.SpeakerAccuracy >= SpeakerAccuracyFloor, $"speaker accuracy {s.SpeakerAccuracy:0.000} < {SpeakerAccuracyFloor}");
    }
}
