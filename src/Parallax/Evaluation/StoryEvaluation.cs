using System.Text.Json;
using Parallax.Compare;
using Parallax.Dedup;
using Parallax.Model;
using Parallax.Stories;

namespace Parallax.Evaluation;

/// <summary>One labelled article of a story benchmark (ECB+ layout: <c>{id, url, title, text, story, topic}</c>).</summary>
public sealed record GoldStoryArticle(Article Article, string Story);

public sealed record StoryScores(int Articles, int GoldStories, int PredictedStories, ClusteringScore Pairwise, ClusteringScore BCubed);

/// <summary>One setting of a <see cref="StoryEvaluation.Sweep"/> and its scores.</summary>
public sealed record StorySweepRow(double Threshold, double EntityTermWeight, double MergeThreshold, double YearMatch, double YearMismatch, double YoungStoryMargin, StoryScores Scores)
{
    /// <summary>Weekday agreement factors (match, mismatch) of the setting.</summary>
    public (double Match, double Mismatch) Weekday { get; init; } = (1, 1);

    /// <summary>Signature-number agreement factors (match, mismatch) of the setting.</summary>
    public (double Match, double Mismatch) Number { get; init; } = (1, 1);

    /// <summary>The sweep's objective: the mean of pairwise and BCubed F1 (the issue gates both).</summary>
    public double Objective => (Scores.Pairwise.F1 + Scores.BCubed.F1) / 2;
}

public sealed record SilverAlignmentScores(int Stories, int SilverPairs, int Aligned, int Alignments)
{
    public double Recall => SilverPairs == 0 ? 1 : (double)Aligned / SilverPairs;
}

/// <summary>
/// Story clustering and quote alignment measured on ECB+ as <c>../shared/bench/README.md</c> defines: the whole file
/// clustered online in file order, without <c>topic</c> or <c>story</c>, through the same dedup and clustering stages
/// the engine runs; and silver quote pairs (curly-quoted spans of two articles of one gold story sharing a run of six
/// words) that the comparer should align. Reading the file is this class's only I/O.
/// </summary>
public static class StoryEvaluation
{
    /// <summary>Words two quoted spans must share in a row to be a silver pair (the benchmark README's definition).</summary>
    public const int SilverRunWords = 6;

    public static List<GoldStoryArticle> LoadGold(string path)
    {
        var list = new List<GoldStoryArticle>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var id = e.GetProperty("id").GetString()!;
            list.Add(new GoldStoryArticle(
                new Article
                {
                    Id = id,
                    Source = path + "#" + id,
                    Url = e.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null,
                    Title = e.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
                    Body = e.GetProperty("text").GetString()!,
                },
                e.GetProperty("story").GetString()!));
        }

        return list;
    }

    public static StoryScores Cluster(IReadOnlyList<GoldStoryArticle> gold, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var duplicates = new NearDuplicateIndex();
        var clusterer = new StoryClusterer(options);
        foreach (var item in gold)
        {
            var article = item.Article with { DuplicateOf = duplicates.FindDuplicateOf(item.Article) };
            clusterer.Add(article);
            duplicates.Add(article);
        }

        var labels = gold.Select(g => g.Story).ToList();
        var predicted = gold.Select(g => clusterer.StoryOf(g.Article.Id)!).ToList();
        return new StoryScores(
            gold.Count,
            labels.Distinct(StringComparer.Ordinal).Count(),
            predicted.Distinct(StringComparer.Ordinal).Count(),
            ClusteringMetrics.Pairwise(labels, predicted),
            ClusteringMetrics.BCubed(labels, predicted));
    }

    /// <summary>
    /// The tuning grid behind <see cref="StoryOptions"/>' defaults: threshold × young-story margin × year, weekday and
    /// signature-number agreement factors (entity-term weight 2 and merging at 0.5 fixed: earlier sweeps settled them),
    /// each setting clustering the whole file in one pass. Run on ecbplus-train
    /// (<c>parallax eval stories --gold ecbplus-train.jsonl --sweep</c>); dev is the check. Best objective first, ties in
    /// grid order (milder factors first).
    /// </summary>
    public static List<StorySweepRow> Sweep(IReadOnlyList<GoldStoryArticle> gold)
    {
        var rows = new List<StorySweepRow>();
        foreach (var margin in new[] { 0.0, 0.03 })
        {
            foreach (var (match, mismatch) in new[] { (1.0, 1.0), (1.2, 0.7), (1.3, 0.6) })
            {
                foreach (var weekday in new[] { (1.0, 1.0), (1.1, 0.9), (1.2, 1.0) })
                {
                    foreach (var number in new[] { (1.0, 1.0), (1.4, 1.0), (1.5, 1.0), (1.4, 0.8) })
                    {
                        for (var threshold = 0.16; threshold <= 0.2601; threshold += 0.02)
                        {
                            var t = Math.Round(threshold, 2);
                            var options = new StoryOptions
                            {
                                Threshold = t, YearMatchFactor = match, YearMismatchFactor = mismatch, YoungStoryMargin = margin,
                                WeekdayMatchFactor = weekday.Item1, WeekdayMismatchFactor = weekday.Item2,
                                NumberMatchFactor = number.Item1, NumberMismatchFactor = number.Item2,
                            };
                            rows.Add(new StorySweepRow(t, options.EntityTermWeight, options.MergeThreshold, match, mismatch, margin, Cluster(gold, options))
                            {
                                Weekday = weekday, Number = number,
                            });
                        }
                    }
                }
            }
        }

        // A stable sort, so settings tied on the objective stay in grid order.
        return [.. rows.OrderByDescending(r => r.Objective)];
    }

    /// <summary>Silver pairs per gold story, and how many of them the comparer aligns.</summary>
    public static SilverAlignmentScores SilverAlignment(IReadOnlyList<GoldStoryArticle> gold, Action<string>? missed = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var comparer = new CoverageComparer();
        int stories = 0, silver = 0, found = 0, aligned = 0;
        foreach (var group in gold.GroupBy(d => d.Story, StringComparer.Ordinal))
        {
            var articles = group.Select(d => d.Article).ToList();
            var quotes = articles.SelectMany(CurlyQuotes).ToList();
            var pairs = SilverPairs(quotes);
            if (pairs.Count == 0)
            {
                continue;
            }

            stories++;
            var story = new Story { Id = group.Key, Articles = articles.ConvertAll(a => a.Id) };
            var alignments = comparer.Align(story, articles, quotes);
            var alignedPairs = alignments.Select(a => PairKey(a.A, a.B)).ToHashSet(StringComparer.Ordinal);
            aligned += alignments.Count;
            silver += pairs.Count;
            foreach (var pair in pairs)
            {
                if (alignedPairs.Contains(pair))
                {
                    found++;
                }
                else
                {
                    missed?.Invoke(pair);
                }
            }
        }

        return new SilverAlignmentScores(stories, silver, found, aligned);
    }

    private static string PairKey(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + " | " + b : b + " | " + a;

    private static IEnumerable<Quote> CurlyQuotes(Article article)
    {
        var body = article.Body;
        var i = 0;
        while ((i = body.IndexOf('\u201C', i)) >= 0)
        {
            var end = body.IndexOf('\u201D', i + 1);
            if (end < 0)
            {
                yield break;
            }

            var start = i + 1;
            yield return new Quote
            {
                Id = $"{article.Id}@{start}",
                Article = article.Id,
                Kind = QuoteKinds.Direct,
                Text = body[start..end],
                Start = start,
                End = end,
            };
            i = end + 1;
        }
    }

    private static List<string> SilverPairs(List<Quote> quotes)
    {
        var grams = quotes.ConvertAll(q => Grams(q.Text));
        var pairs = new List<string>();
        for (var x = 0; x < quotes.Count; x++)
        {
            for (var y = x + 1; y < quotes.Count; y++)
            {
                if (quotes[x].Article != quotes[y].Article && grams[x].Overlaps(grams[y]))
                {
                    pairs.Add(PairKey(quotes[x].Id, quotes[y].Id));
                }
            }
        }

        return pairs;
    }

    private static HashSet<string> Grams(string text)
    {
        var words = WordDiff.Words(text).ConvertAll(w => w.ToLowerInvariant());
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + SilverRunWords <= words.Count; i++)
        {
            set.Add(string.Join(' ', words.GetRange(i, SilverRunWords)));
        }

        return set;
    }
}
