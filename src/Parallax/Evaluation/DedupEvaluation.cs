using System.Text.Json;
using Parallax.Dedup;
using Parallax.Model;

namespace Parallax.Evaluation;

/// <summary>Detection counts for one copy kind.</summary>
public sealed record DedupKindScore(string Kind, int Copies, int Found);

/// <summary>
/// Near-duplicate scores over a generated stream. A copy is found when the index names any article of its copy group
/// (the original or an earlier copy of it). Precision = found copies / all "duplicate of" answers (an answer on an
/// original, or naming a different group, is false); recall = found copies / copies.
/// </summary>
public sealed record DedupScores(int Articles, int Originals, int Copies, int SameTopicPairs, int Answers, int Found, IReadOnlyList<DedupKindScore> ByKind)
{
    public double Precision => Answers == 0 ? 1 : (double)Found / Answers;

    public double Recall => Copies == 0 ? 1 : (double)Found / Copies;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// <c>parallax eval dedup</c>: generates a near-duplicate stream from a corpus (<see cref="NearDuplicateSetGenerator"/>)
/// and runs it through <see cref="NearDuplicateIndex"/> in arrival order, exactly as the engine does (find, then add
/// with <c>duplicate_of</c> set). Reading the corpus is this class's only I/O.
/// </summary>
public static class DedupEvaluation
{
    /// <summary>Reads any JSONL with <c>text</c> and optional <c>id</c>, <c>title</c>, and <c>topic</c> (ECB+, PolNeAR).</summary>
    public static List<(Article Article, string? Topic)> LoadCorpus(string path)
    {
        var list = new List<(Article, string?)>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(text);
            var e = doc.RootElement;
            var id = e.TryGetProperty("id", out var idValue) ? idValue.ToString() : $"line{line}";
            string? topic = e.TryGetProperty("topic", out var t) ? t.ToString() : null;
            list.Add((new Article
            {
                Id = id,
                Source = $"{path}#{line}",
                Title = e.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
                Body = e.GetProperty("text").GetString() ?? "",
            }, topic));
        }

        return list;
    }

    public static DedupScores Run(IReadOnlyList<NearDuplicateCase> stream, Action<NearDuplicateCase, string?>? mistake = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var index = new NearDuplicateIndex();
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, (int Copies, int Found)>(StringComparer.Ordinal);
        int originals = 0, copies = 0, answers = 0, found = 0;
        foreach (var item in stream)
        {
            var group = item.CopyOf ?? item.Article.Id;
            groupOf[item.Article.Id] = group;
            var answer = index.FindDuplicateOf(item.Article);
            if (answer is not null)
            {
                answers++;
            }

            var right = answer is not null && item.CopyOf is not null && groupOf.GetValueOrDefault(answer) == group;
            if (item.CopyOf is null)
            {
                originals++;
            }
            else
            {
                copies++;
                var k = byKind.GetValueOrDefault(item.Kind);
                byKind[item.Kind] = (k.Copies + 1, k.Found + (right ? 1 : 0));
            }

            if (right)
            {
                found++;
            }
            else if (answer is not null || item.CopyOf is not null)
            {
                mistake?.Invoke(item, answer);
            }

            index.Add(item.Article with { DuplicateOf = answer });
        }

        var topics = stream.Where(c => c.CopyOf is null && c.Topic is not null).GroupBy(c => c.Topic, StringComparer.Ordinal);
        var sameTopicPairs = topics.Sum(g => g.Count() * (g.Count() - 1) / 2);
        return new DedupScores(stream.Count, originals, copies, sameTopicPairs, answers, found,
            byKind.Select(kv => new DedupKindScore(kv.Key, kv.Value.Copies, kv.Value.Found)).ToList());
    }
}
