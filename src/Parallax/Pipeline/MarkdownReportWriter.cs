using System.Text;
using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>
/// Renders a report as Markdown for people: per story, who covered it, who said what, the same statement in
/// each outlet's version with a word diff, and what each outlet alone reports.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Quotes listed per article under "only in this outlet" before the list is cut short.</summary>
    private const int MaxSoloQuotesPerArticle = 6;

    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var articles = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var speakers = report.Speakers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var quotes = report.Quotes.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var outlets = report.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();

        sb.AppendLine("# Parallax coverage report").AppendLine();
        sb.AppendLine($"{Count(report.Articles.Count, "article")} from {Count(outlets, "outlet")} in {Count(report.Stories.Count, "story", "stories")}; " +
                      $"{Count(report.Quotes.Count, "quote")} by {Count(report.Speakers.Count, "speaker")}; " +
                      $"{Count(report.Alignments.Count, "aligned statement pair")}; {Count(report.Rejected.Count, "input")} rejected.");
        sb.AppendLine();

        foreach (var story in report.Stories)
        {
            WriteStory(sb, story, report, articles, speakers, quotes);
        }

        if (report.Rejected.Count > 0)
        {
            sb.AppendLine("## Rejected inputs").AppendLine();
            sb.AppendLine("| source | reason | detail |").AppendLine("|---|---|---|");
            foreach (var r in report.Rejected)
            {
                sb.AppendLine($"| {Cell(r.Source)} | {r.Reason} | {Cell(r.Detail ?? "")} |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static void WriteStory(
        StringBuilder sb,
        Story story,
        Report report,
        Dictionary<string, Article> articles,
        Dictionary<string, Speaker> speakers,
        Dictionary<string, Quote> quotes)
    {
        sb.AppendLine($"## {Inline(story.Title ?? story.Id)}").AppendLine();
        var span = story.FirstPublished == story.LastPublished ? story.FirstPublished : $"{story.FirstPublished} to {story.LastPublished}";
        sb.AppendLine($"Story `{story.Id}`: {Count(story.Articles.Count, "article")} from {string.Join(", ", story.Outlets)}{(span is null ? "" : $", {span}")}.");
        sb.AppendLine();
        sb.AppendLine("| published | outlet | headline | authors | note |").AppendLine("|---|---|---|---|---|");
        foreach (var id in story.Articles)
        {
            if (!articles.TryGetValue(id, out var a))
            {
                continue;
            }

            var note = a.DuplicateOf is null ? "" : $"near-copy of `{a.DuplicateOf}`";
            sb.AppendLine($"| {a.Published ?? "?"} | {Cell(a.Outlet ?? "?")} | {Cell(a.Title ?? a.Id)} | {Cell(string.Join(", ", a.Authors))} | {note} |");
        }

        sb.AppendLine();
        var storyArticles = story.Articles.ToHashSet(StringComparer.Ordinal);
        var storyQuotes = report.Quotes.Where(q => storyArticles.Contains(q.Article)).ToList();

        var bySpeaker = storyQuotes.Where(q => q.Speaker is not null && speakers.ContainsKey(q.Speaker))
            .GroupBy(q => q.Speaker!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count());
        var speakerLines = bySpeaker.Select(g =>
        {
            var s = speakers[g.Key];
            var roles = s.Roles.Count > 0 ? $" ({string.Join("; ", s.Roles)})" : "";
            var perOutlet = g.GroupBy(q => OutletOf(articles, q.Article)).Select(o => $"{o.Key} {o.Count()}");
            return $"- **{Inline(s.Name)}**{Inline(roles)}: {Count(g.Count(), "quote")} ({string.Join(", ", perOutlet)})";
        }).ToList();
        if (speakerLines.Count > 0)
        {
            sb.AppendLine("### Who said what").AppendLine();
            foreach (var line in speakerLines)
            {
                sb.AppendLine(line);
            }

            sb.AppendLine();
        }

        var alignments = report.Alignments.Where(a => a.Story == story.Id).ToList();
        var aligned = new HashSet<string>(StringComparer.Ordinal);
        if (alignments.Count > 0)
        {
            sb.AppendLine("### The same statement across outlets").AppendLine();
            foreach (var al in alignments)
            {
                if (!quotes.TryGetValue(al.A, out var qa) || !quotes.TryGetValue(al.B, out var qb))
                {
                    continue;
                }

                aligned.Add(qa.Id);
                aligned.Add(qb.Id);
                var who = qa.Speaker is { } sid && speakers.TryGetValue(sid, out var sp) ? sp.Name : "unattributed";
                sb.AppendLine($"**{Inline(who)}**, {al.Relation.Replace('_', ' ')} (score {al.Score:0.00}):").AppendLine();
                sb.AppendLine($"> {Inline(OutletOf(articles, qa.Article))}{Via(qa)}: {Inline(qa.Text)}").AppendLine(">");
                sb.AppendLine($"> {Inline(OutletOf(articles, qb.Article))}{Via(qb)}: {Inline(qb.Text)}").AppendLine();
                sb.AppendLine($"Diff: {DiffLine(al.Diff)}").AppendLine();
            }
        }

        var solo = storyQuotes.Where(q => !aligned.Contains(q.Id)).GroupBy(q => q.Article, StringComparer.Ordinal).ToList();
        if (solo.Count > 0 && story.Articles.Count > 1)
        {
            sb.AppendLine("### Only in one outlet").AppendLine();
            foreach (var group in solo)
            {
                sb.AppendLine($"**{Inline(OutletOf(articles, group.Key))}** (`{group.Key}`):").AppendLine();
                foreach (var q in group.Take(MaxSoloQuotesPerArticle))
                {
                    var who = q.Speaker is { } sid && speakers.TryGetValue(sid, out var sp) ? sp.Name : q.SpeakerMention ?? "unattributed";
                    sb.AppendLine($"- {Inline(who)}, {q.Kind}: {Inline(Shorten(q.Text))}{Via(q)}");
                }

                if (group.Count() > MaxSoloQuotesPerArticle)
                {
                    sb.AppendLine($"- and {group.Count() - MaxSoloQuotesPerArticle} more");
                }

                sb.AppendLine();
            }
        }
    }

    private static string OutletOf(Dictionary<string, Article> articles, string id) =>
        articles.TryGetValue(id, out var a) ? a.Outlet ?? a.Id : id;

    private static string Via(Quote q) => q.Via.Count == 0 ? "" : $" (via {string.Join(" → ", q.Via)})";

    private static string DiffLine(IReadOnlyList<DiffRun> diff) =>
        string.Join(" ", diff.Select(d => d.Op switch
        {
            DiffOps.Delete => $"~~{Inline(d.Text)}~~",
            DiffOps.Insert => $"**{Inline(d.Text)}**",
            _ => Inline(d.Text),
        }));

    private static string Shorten(string text) => text.Length <= 240 ? text : string.Concat(text.AsSpan(0, 237), "…");

    private static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";

    private static string Inline(string text) => text.Replace("\n\n", " ¶ ").Replace('\n', ' ');

    private static string Cell(string text) => Inline(text).Replace("|", "\\|");
}
