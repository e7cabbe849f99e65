using System.Text.Json;
using Parallax.Compare;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Evaluation;

/// <summary>One gold file: the inputs it was written over and every statement that two or more of their articles carry.</summary>
public sealed record CompareGold(string Name, string Inputs, IReadOnlyList<GoldStatement> Statements);

public sealed record GoldStatement(string Id, string? Note, IReadOnlyList<GoldMention> Mentions);

/// <summary>An exact substring of an article body.</summary>
public sealed record GoldMention(string Article, string Text);

/// <summary>Alignment precision of one kind of predicted pair.</summary>
public sealed record PairScores(int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
}

/// <summary>
/// Scores over one gold file: precision of quote alignments, claim alignments and both; recall of gold pairs (a
/// statement carried by two articles) by any alignment.
/// </summary>
public sealed record CompareScores(string Name, int Articles, PairScores Quotes, PairScores Claims, int GoldPairs, int Recalled, int MissingMentions)
{
    public PairScores All => new(Quotes.Predicted + Claims.Predicted, Quotes.Correct + Claims.Correct);

    public double Recall => GoldPairs == 0 ? 1 : (double)Recalled / GoldPairs;
}

/// <summary>
/// Alignment measured on our own gold (tests/Parallax.Tests/testdata/compare): the inputs run through the whole engine
/// (extraction, quotes, dedup, stories, quote alignment) into a temporary store, coverage adds the claim alignments,
/// and every predicted pair is checked against the gold statements. A predicted pair is correct when one gold
/// statement has a mention overlapping each side; a gold pair (statement, two articles carrying it) is recalled when
/// some alignment links the statement's mentions in those two articles. Overlap: at least half of the shorter span.
/// </summary>
public static class CompareEvaluation
{
    /// <summary>Share of the shorter of two spans they must have in common to count as the same mention.</summary>
    public const double MinOverlap = 0.5;

    public static List<CompareGold> LoadGold(string dir)
    {
        var list = new List<CompareGold>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var statements = new List<GoldStatement>();
            foreach (var s in root.GetProperty("statements").EnumerateArray())
            {
                var mentions = s.GetProperty("mentions").EnumerateArray()
                    .Select(m => new GoldMention(m.GetProperty("article").GetString()!, m.GetProperty("text").GetString()!))
                    .ToList();
                statements.Add(new GoldStatement(
                    s.GetProperty("id").GetString()!,
                    s.TryGetProperty("note", out var note) ? note.GetString() : null,
                    mentions));
            }

            list.Add(new CompareGold(Path.GetFileNameWithoutExtension(file), root.GetProperty("inputs").GetString()!, statements));
        }

        return list;
    }

    /// <summary>The gold's input folder: <c>{repo}/...</c> under the repository root, <c>{shared}/...</c> under the shared folder; null when absent.</summary>
    public static string? ResolveInputs(CompareGold gold, string repoRoot, string? shared)
    {
        ArgumentNullException.ThrowIfNull(gold);
        const string Repo = "{repo}/";
        const string Shared = "{shared}/";
        string? path = gold.Inputs.StartsWith(Repo, StringComparison.Ordinal) ? Path.Combine(repoRoot, gold.Inputs[Repo.Length..])
            : gold.Inputs.StartsWith(Shared, StringComparison.Ordinal) ? (shared is null ? null : Path.Combine(shared, gold.Inputs[Shared.Length..]))
            : gold.Inputs;
        return path is not null && (Directory.Exists(path) || File.Exists(path)) ? path : null;
    }

    /// <summary>Runs the engine over the inputs in a temporary store and scores the alignments.</summary>
    public static async Task<CompareScores> RunAsync(CompareGold gold, string inputs, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var temp = Path.Combine(Path.GetTempPath(), $"parallax-eval-{Guid.NewGuid():N}.db");
        try
        {
            Report report;
            await using (var store = await SqliteArticleStore.OpenAsync(temp, cancellationToken).ConfigureAwait(false))
            {
                var engine = await Engine.OpenAsync(store, cancellationToken: cancellationToken).ConfigureAwait(false);
                await engine.IngestAsync(new FileSource([inputs], new FileSourceOptions()), cancellationToken: cancellationToken).ConfigureAwait(false);
                report = await engine.BuildReportAsync(cancellationToken).ConfigureAwait(false);
            }

            return Score(gold, report, CoverageReport.Analyze(report), log);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(temp + suffix);
            }
        }
    }

    /// <summary>Scores a report and its coverage against the gold; <paramref name="log"/> hears every error and miss.</summary>
    public static CompareScores Score(CompareGold gold, Report report, IReadOnlyList<StoryCoverage> coverage, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(coverage);
        var bodies = report.Articles.ToDictionary(a => a.Id, a => a.Body, StringComparer.Ordinal);

        // Gold mentions as spans, per statement.
        var spans = new List<List<(string Article, int Start, int End)>>();
        var missing = 0;
        foreach (var s in gold.Statements)
        {
            var list = new List<(string, int, int)>();
            foreach (var m in s.Mentions)
            {
                var at = bodies.TryGetValue(m.Article, out var body) ? body.IndexOf(m.Text, StringComparison.Ordinal) : -1;
                if (at < 0)
                {
                    missing++;
                    log?.Invoke($"gold mention not found: {s.Id} in {m.Article}: {m.Text}");
                    continue;
                }

                list.Add((m.Article, at, at + m.Text.Length));
            }

            spans.Add(list);
        }

        // The gold speaks for the articles it mentions; pairs between other articles are outside it.
        var covered = gold.Statements.SelectMany(s => s.Mentions).Select(m => m.Article).ToHashSet(StringComparer.Ordinal);
        var quotes = report.Quotes.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var predicted = new List<(string Kind, Side A, Side B)>();
        foreach (var al in report.Alignments)
        {
            if (quotes.TryGetValue(al.A, out var qa) && quotes.TryGetValue(al.B, out var qb))
            {
                predicted.Add(("quote", new Side(qa.Article, qa.Start, qa.End), new Side(qb.Article, qb.Start, qb.End)));
            }
        }

        foreach (var c in coverage.SelectMany(c => c.ClaimAlignments))
        {
            predicted.Add(("claim", new Side(c.A, c.AStart, c.AEnd), new Side(c.B, c.BStart, c.BEnd)));
        }

        var recalled = new HashSet<(int Statement, string, string)>();
        int quotePredicted = 0, quoteCorrect = 0, claimPredicted = 0, claimCorrect = 0;
        foreach (var (kind, a, b) in predicted)
        {
            if (!covered.Contains(a.Article) || !covered.Contains(b.Article))
            {
                continue;
            }

            var correct = false;
            for (var s = 0; s < spans.Count; s++)
            {
                var hitA = spans[s].Any(m => Overlaps(m, a));
                var hitB = spans[s].Any(m => Overlaps(m, b));
                if (hitA && hitB)
                {
                    correct = true;
                    recalled.Add(Key(s, a.Article, b.Article));
                }
            }

            if (kind == "quote")
            {
                quotePredicted++;
                quoteCorrect += correct ? 1 : 0;
            }
            else
            {
                claimPredicted++;
                claimCorrect += correct ? 1 : 0;
            }

            if (!correct)
            {
                log?.Invoke($"wrong {kind} alignment: {a.Article}: {Excerpt(bodies, a)} || {b.Article}: {Excerpt(bodies, b)}");
            }
        }

        var goldPairs = 0;
        for (var s = 0; s < spans.Count; s++)
        {
            var carriers = spans[s].Select(m => m.Article).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < carriers.Count; i++)
            {
                for (var j = i + 1; j < carriers.Count; j++)
                {
                    goldPairs++;
                    if (!recalled.Contains(Key(s, carriers[i], carriers[j])))
                    {
                        log?.Invoke($"missed: {gold.Statements[s].Id} between {carriers[i]} and {carriers[j]}{Why(report, spans[s], carriers[i], carriers[j])}{(SameStatement(coverage, spans[s], carriers[i], carriers[j]) ? " [one statement]" : "")}");
                    }
                }
            }
        }

        return new CompareScores(
            gold.Name,
            covered.Count,
            new PairScores(quotePredicted, quoteCorrect),
            new PairScores(claimPredicted, claimCorrect),
            goldPairs,
            recalled.Count,
            missing);
    }

    /// <summary>
    /// Why a gold pair was missed, for the verbose log: the two articles sit in different stories, a mention has no
    /// comparison unit (no quote found and its sentence is quote-covered or too short), or the best score of the units
    /// that carry the two mentions, with the speakers when both are quotes.
    /// </summary>
    private static string Why(Report report, List<(string Article, int Start, int End)> mentions, string x, string y)
    {
        var story = report.Stories.FirstOrDefault(st => st.Articles.Contains(x));
        if (story is null || !story.Articles.Contains(y))
        {
            return " [other story]";
        }

        var articles = report.Articles.Where(a => story.Articles.Contains(a.Id)).ToList();
        var quotes = report.Quotes.Where(q => story.Articles.Contains(q.Article)).ToList();
        var units = ClaimAligner.Units(story, articles, quotes);
        List<ClaimAligner.Unit> Of(string article) => units.Where(u => u.Article == article
            && mentions.Any(m => Overlaps(m, new Side(u.Article, u.Start, u.End)))).ToList();
        var ux = Of(x);
        var uy = Of(y);
        if (ux.Count == 0 || uy.Count == 0)
        {
            return $" [no unit in {(ux.Count == 0 ? x : y)}]";
        }

        var probe = new CoverageComparer(new CompareOptions { ParaphraseThreshold = 0.01 });
        var quoteById = quotes.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var speakerById = report.Speakers.ToDictionary(sp => sp.Id, StringComparer.Ordinal);
        var best = (Score: -1.0, Text: "");
        foreach (var a in ux)
        {
            foreach (var b in uy)
            {
                var m = probe.BestMatch(a.Terms, b.Terms);
                var score = m?.Match.Score ?? 0;
                if (score > best.Score)
                {
                    var speakers = a.Quote is not null && b.Quote is not null
                        ? $" speakers '{quoteById[a.Quote].SpeakerMention}'/'{quoteById[b.Quote].SpeakerMention}'"
                          + (SpeakerKey.Compatible(SpeakerKey.Of(quoteById[a.Quote], speakerById), SpeakerKey.Of(quoteById[b.Quote], speakerById)) ? "" : " INCOMPATIBLE")
                        : "";
                    best = (score, $"{m?.Match.Relation} {score:0.00} {(a.Quote is null ? "claim" : "quote")}-{(b.Quote is null ? "claim" : "quote")}{speakers}"
                        + $"\n    A: {Clip(a.Text)}\n    B: {Clip(b.Text)}");
                }
            }
        }

        return $" [{best.Text}]";

        static string Clip(string t) => t.Length <= 200 ? t : t[..197] + "...";
    }

    /// <summary>Whether the coverage puts the two articles' mentions into one statement through a chain of alignments.</summary>
    private static bool SameStatement(IReadOnlyList<StoryCoverage> coverage, List<(string Article, int Start, int End)> mentions, string x, string y) =>
        coverage.SelectMany(c => c.Statements).Any(st =>
            st.Mentions.Any(m => m.Article == x && mentions.Any(g => Overlaps(g, new Side(m.Article, m.Start, m.End))))
            && st.Mentions.Any(m => m.Article == y && mentions.Any(g => Overlaps(g, new Side(m.Article, m.Start, m.End)))));

    private static (int, string, string) Key(int statement, string x, string y) =>
        string.CompareOrdinal(x, y) <= 0 ? (statement, x, y) : (statement, y, x);

    private static bool Overlaps((string Article, int Start, int End) mention, Side side)
    {
        if (!string.Equals(mention.Article, side.Article, StringComparison.Ordinal))
        {
            return false;
        }

        var common = Math.Min(mention.End, side.End) - Math.Max(mention.Start, side.Start);
        return common > 0 && common >= MinOverlap * Math.Min(mention.End - mention.Start, side.End - side.Start);
    }

    private static string Excerpt(Dictionary<string, string> bodies, Side side)
    {
        var text = bodies.TryGetValue(side.Article, out var body) ? body[side.Start..side.End] : "?";
        return text.Length <= 120 ? text : text[..117] + "...";
    }

    private readonly record struct Side(string Article, int Start, int End);
}
