using System.Text.Json;
using Parallax.Model;
using Parallax.Quotes;
using Parallax.Text;

namespace Parallax.Evaluation;

/// <summary>One gold attribution: content, source and cue spans in UTF-16 offsets of the article text.</summary>
public sealed record GoldAttribution(IReadOnlyList<TextSpan> Content, IReadOnlyList<TextSpan> Source, IReadOnlyList<TextSpan> Cue, bool Quoted);

public sealed record GoldQuoteArticle(Article Article, IReadOnlyList<GoldAttribution> Attributions);

public enum QuoteMistakeKind
{
    /// <summary>A gold attribution no prediction covers enough.</summary>
    MissedGold,

    /// <summary>A prediction that covers no gold attribution enough.</summary>
    FalsePrediction,

    /// <summary>A matched gold attribution whose best prediction names another speaker mention.</summary>
    WrongSpeaker,
}

/// <summary>One mistake of <see cref="QuoteEvaluation.Mistakes"/>; <see cref="Gold"/> or <see cref="Predicted"/> is null where it has none.</summary>
public sealed record QuoteMistake(QuoteMistakeKind Kind, Article Article, GoldAttribution? Gold, Quote? Predicted);

/// <summary>Scores at one coverage threshold.</summary>
public sealed record QuoteScores(
    double Threshold,
    int Predictions,
    int Gold,
    int MatchedPredictions,
    int MatchedGold,
    int QuotedGold,
    int MatchedQuotedGold,
    int SpeakerPairs,
    int SpeakerCorrect)
{
    public double Precision => Predictions == 0 ? 0 : (double)MatchedPredictions / Predictions;

    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Recall over gold whose content holds a quotation mark (direct and mixed quotes).</summary>
    public double QuotedRecall => QuotedGold == 0 ? 0 : (double)MatchedQuotedGold / QuotedGold;

    /// <summary>Share of matched gold with a source whose best prediction's speaker mention overlaps that source.</summary>
    public double SpeakerAccuracy => SpeakerPairs == 0 ? 0 : (double)SpeakerCorrect / SpeakerPairs;
}

/// <summary>
/// Quote finding and attribution measured on PolNeAR as <c>../shared/bench/README.md</c> defines: a predicted quote
/// matches a gold attribution when its content span covers at least a threshold share (0.3, and 0.8) of the gold
/// content's characters. The gold offsets count Unicode code points; they are converted to UTF-16 on load. Reading
/// the file is this class's only I/O.
/// </summary>
public static class QuoteEvaluation
{
    public static List<GoldQuoteArticle> LoadGold(string path)
    {
        var list = new List<GoldQuoteArticle>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var text = e.GetProperty("text").GetString()!;
            var utf16 = CodePointToUtf16(text);
            var attributions = new List<GoldAttribution>();
            foreach (var a in e.GetProperty("attributions").EnumerateArray())
            {
                var content = Spans(a, "content", utf16);
                var quoted = content.Any(s => text.AsSpan(s.Start, s.Length).IndexOfAny("\"\u201C\u201D") >= 0);
                attributions.Add(new GoldAttribution(content, Spans(a, "source", utf16), Spans(a, "cue", utf16), quoted));
            }

            var id = e.GetProperty("id").GetString()!;
            list.Add(new GoldQuoteArticle(
                new Article
                {
                    Id = id,
                    Source = path + "#" + id,
                    Outlet = e.TryGetProperty("outlet", out var o) ? o.GetString() : null,
                    Title = e.TryGetProperty("title", out var t) ? t.GetString() : null,
                    Published = e.TryGetProperty("published", out var p) ? p.GetString() : null,
                    Body = text,
                },
                attributions));
        }

        return list;
    }

    /// <summary>Runs the quote extractor over every article and scores it at each threshold.</summary>
    public static IReadOnlyList<QuoteScores> Run(IReadOnlyList<GoldQuoteArticle> gold, params double[] thresholds)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(thresholds);
        var extractor = new QuoteExtractor();
        var predicted = gold.Select(g => extractor.Extract(g.Article).Quotes).ToList();
        return thresholds.Select(t => Score(gold, predicted, t)).ToList();
    }

    public static QuoteScores Score(IReadOnlyList<GoldQuoteArticle> gold, IReadOnlyList<IReadOnlyList<Quote>> predicted, double threshold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        int predictions = 0, golds = 0, matchedPredictions = 0, matchedGold = 0, quoted = 0, matchedQuoted = 0, speakerPairs = 0, speakerCorrect = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var quotes = predicted[i];
            predictions += quotes.Count;
            var predictionMatched = new bool[quotes.Count];
            foreach (var g in gold[i].Attributions)
            {
                golds++;
                quoted += g.Quoted ? 1 : 0;
                var best = BestMatch(g, quotes, threshold, predictionMatched);

                if (best < 0)
                {
                    continue;
                }

                matchedGold++;
                matchedQuoted += g.Quoted ? 1 : 0;
                if (g.Source.Count > 0)
                {
                    speakerPairs++;
                    var p = quotes[best];
                    if (p.SpeakerStart is { } ss && p.SpeakerEnd is { } se && g.Source.Any(s => s.Overlaps(new TextSpan(ss, se))))
                    {
                        speakerCorrect++;
                    }
                }
            }

            matchedPredictions += predictionMatched.Count(m => m);
        }

        return new QuoteScores(threshold, predictions, golds, matchedPredictions, matchedGold, quoted, matchedQuoted, speakerPairs, speakerCorrect);
    }

    /// <summary>
    /// What the scores count against the extractor at one threshold, for reading misses by pattern: gold
    /// attributions no prediction covers, predictions that cover no gold, and matched pairs whose speaker is wrong.
    /// </summary>
    /// <summary>
    /// The prediction covering most of <paramref name="gold"/>'s content at or above <paramref name="threshold"/>, or -1;
    /// every prediction that covers enough is marked in <paramref name="predictionMatched"/>.
    /// </summary>
    private static int BestMatch(GoldAttribution gold, IReadOnlyList<Quote> quotes, double threshold, bool[] predictionMatched)
    {
        var total = gold.Content.Sum(s => s.Length);
        var best = -1;
        var bestCoverage = 0.0;
        for (var q = 0; q < quotes.Count; q++)
        {
            var covered = gold.Content.Sum(s => Math.Max(0, Math.Min(s.End, quotes[q].End) - Math.Max(s.Start, quotes[q].Start)));
            var coverage = total == 0 ? 0 : (double)covered / total;
            if (coverage >= threshold)
            {
                predictionMatched[q] = true;
                if (coverage > bestCoverage)
                {
                    bestCoverage = coverage;
                    best = q;
                }
            }
        }

        return best;
    }

    public static IReadOnlyList<QuoteMistake> Mistakes(IReadOnlyList<GoldQuoteArticle> gold, IReadOnlyList<IReadOnlyList<Quote>> predicted, double threshold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var mistakes = new List<QuoteMistake>();
        for (var i = 0; i < gold.Count; i++)
        {
            var quotes = predicted[i];
            var predictionMatched = new bool[quotes.Count];
            foreach (var g in gold[i].Attributions)
            {
                var best = BestMatch(g, quotes, threshold, predictionMatched);

                if (best < 0)
                {
                    mistakes.Add(new QuoteMistake(QuoteMistakeKind.MissedGold, gold[i].Article, g, null));
                }
                else if (g.Source.Count > 0 && !(quotes[best].SpeakerStart is { } ss && quotes[best].SpeakerEnd is { } se && g.Source.Any(s => s.Overlaps(new TextSpan(ss, se)))))
                {
                    mistakes.Add(new QuoteMistake(QuoteMistakeKind.WrongSpeaker, gold[i].Article, g, quotes[best]));
                }
            }

            for (var q = 0; q < quotes.Count; q++)
            {
                if (!predictionMatched[q])
                {
                    mistakes.Add(new QuoteMistake(QuoteMistakeKind.FalsePrediction, gold[i].Article, null, quotes[q]));
                }
            }
        }

        return mistakes;
    }

    private static List<TextSpan> Spans(JsonElement attribution, string name, int[] utf16)
    {
        var spans = new List<TextSpan>();
        if (attribution.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in list.EnumerateArray())
            {
                var start = s.GetProperty("start").GetInt32();
                var end = s.GetProperty("end").GetInt32();
                if (start >= 0 && end > start && end < utf16.Length)
                {
                    spans.Add(new TextSpan(utf16[start], utf16[end]));
                }
            }
        }

        return spans;
    }

    /// <summary>Index i holds the UTF-16 offset of code point i; one extra entry for the end of the text.</summary>
    private static int[] CodePointToUtf16(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }
}
