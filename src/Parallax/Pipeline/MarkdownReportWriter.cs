using System.Text;
using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>
/// Renders a report as Markdown for people: per story, who covered it and when (the timeline), who said what, the
/// same statement in each outlet's version with a word diff, the same fact across outlets, what each outlet alone
/// reports and what it leaves out, and who cited whom. The coverage analysis is the one JSON and HTML carry
/// (<see cref="CoverageReport"/>).
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Statements listed per article under "only here" or "left out" before the list is cut short.</summary>
    private const int MaxStatementsPerArticle = 6;

    /// <summary>Fact pairs listed per story before the list is cut short: a 50-article story has hundreds.</summary>
    private const int MaxFactPairsPerStory = 30;

    public static string Write(Report report) => Write(report, null);

    /// <summary>As <see cref="Write(Report)"/>, with the coverage already computed (<see cref="CoverageReport.Analyze"/>).</summary>
    public static string Write(Report report, IReadOnlyList<StoryCoverage>? coverage)
    {
        ArgumentNullException.ThrowIfNull(report);
        coverage ??= CoverageReport.Analyze(report);
        var byStory = new Dictionary<string, StoryCoverage>(StringComparer.Ordinal);
        foreach (var c in coverage)
        {
            byStory.TryAdd(c.Story, c);
        }

        var sb = new StringBuilder();
        var articles = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var speakers = report.Speakers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var quotes = report.Quotes.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var outlets = report.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();

        sb.AppendLine("# Parallax coverage report").AppendLine();
        sb.AppendLine($"{Count(report.Articles.Count, "article")} from {Count(outlets, "outlet")} in {Count(report.Stories.Count, "story", "stories")}; " +
                      $"{Count(report.Quotes.Count, "quote")} by {Count(report.Speakers.Count, "speaker")}; " +
                      $"{Count(report.Alignments.Count, "aligned quote pair")}, {Count(coverage.Sum(c => c.ClaimAlignments.Count), "aligned fact pair")}; " +
                      $"{Count(report.Rejected.Count, "input")} rejected.");
        sb.AppendLine();

        foreach (var story in report.Stories)
        {
            WriteStory(sb, story, report, byStory.GetValueOrDefault(story.Id), articles, speakers, quotes);
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
        StoryCoverage? coverage,
        Dictionary<string, Article> articles,
        Dictionary<string, Speaker> speakers,
        Dictionary<string, Quote> quotes)
    {
        sb.AppendLine($"## {Inline(story.Title ?? story.Id)}").AppendLine();
        var span = story.FirstPublished == story.LastPublished ? story.FirstPublished : $"{story.FirstPublished} to {story.LastPublished}";
        sb.AppendLine($"Story `{story.Id}`: {Count(story.Articles.Count, "article")} from {string.Join(", ", story.Outlets)}{(span is null ? "" : $", {span}")}.");
        sb.AppendLine();
        // The timeline: the story's articles earliest first, with what each was first to carry and what it repeated.
        var timeline = coverage?.Provenance.Timeline.ToDictionary(t => t.Article, StringComparer.Ordinal);
        sb.AppendLine("### Timeline").AppendLine();
        sb.AppendLine("| published | outlet | headline | authors | first to report | repeats | note |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var id in story.Articles)
        {
            if (!articles.TryGetValue(id, out var a))
            {
                continue;
            }

            var note = a.DuplicateOf is null ? "" : $"near-copy of {Cell(OutletOf(articles, a.DuplicateOf))} (`{a.DuplicateOf}`)";
            var t = timeline?.GetValueOrDefault(id);
            sb.AppendLine($"| {a.Published ?? "?"} | {Cell(a.Outlet ?? "?")} | {Cell(a.Title ?? a.Id)} | {Cell(string.Join(", ", a.Authors))} | " +
                          $"{(t is null ? "" : Count(t.FirstReports.Count, "statement"))} | {t?.Repeats.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""} | {note} |");
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
        if (alignments.Count > 0)
        {
            sb.AppendLine("### The same statement across outlets").AppendLine();
            foreach (var al in alignments)
            {
                if (!quotes.TryGetValue(al.A, out var qa) || !quotes.TryGetValue(al.B, out var qb))
                {
                    continue;
                }

                var who = qa.Speaker is { } sid && speakers.TryGetValue(sid, out var sp) ? sp.Name : "unattributed";
                sb.AppendLine($"**{Inline(who)}**, {al.Relation.Replace('_', ' ')} (score {al.Score:0.00}):").AppendLine();
                sb.AppendLine($"> {Inline(OutletOf(articles, qa.Article))}{Via(qa)}: {Inline(qa.Text)}").AppendLine(">");
                sb.AppendLine($"> {Inline(OutletOf(articles, qb.Article))}{Via(qb)}: {Inline(qb.Text)}").AppendLine();
                sb.AppendLine($"Diff: {DiffLine(al.Diff)}").AppendLine();
            }
        }

        if (coverage is null)
        {
            return;
        }

        if (coverage.ClaimAlignments.Count > 0)
        {
            sb.AppendLine("### The same fact across outlets").AppendLine();
            foreach (var c in coverage.ClaimAlignments.Take(MaxFactPairsPerStory))
            {
                var textA = articles.TryGetValue(c.A, out var a) ? a.Body[c.AStart..c.AEnd] : "";
                var textB = articles.TryGetValue(c.B, out var b) ? b.Body[c.BStart..c.BEnd] : "";
                sb.AppendLine($"{c.Relation.Replace('_', ' ')} (score {c.Score:0.00}):").AppendLine();
                sb.AppendLine($"> {Inline(OutletOf(articles, c.A))}: {Inline(Shorten(textA))}").AppendLine(">");
                sb.AppendLine($"> {Inline(OutletOf(articles, c.B))}: {Inline(Shorten(textB))}").AppendLine();
                sb.AppendLine($"Diff: {DiffLine(c.Diff)}").AppendLine();
            }

            if (coverage.ClaimAlignments.Count > MaxFactPairsPerStory)
            {
                sb.AppendLine($"and {Count(coverage.ClaimAlignments.Count - MaxFactPairsPerStory, "more fact pair")}.").AppendLine();
            }
        }

        if (story.Articles.Count > 1)
        {
            WriteOutlets(sb, coverage, articles);
        }

        WriteProvenance(sb, coverage.Provenance, articles);
    }

    /// <summary>Per outlet: what it alone reports and what it leaves out that most others carry.</summary>
    private static void WriteOutlets(StringBuilder sb, StoryCoverage coverage, Dictionary<string, Article> articles)
    {
        var statements = new Dictionary<string, Statement>(StringComparer.Ordinal);
        foreach (var s in coverage.Statements)
        {
            statements.TryAdd(s.Id, s);
        }

        sb.AppendLine("### What each outlet alone reports, and what it leaves out").AppendLine();
        foreach (var ac in coverage.Articles)
        {
            sb.AppendLine($"**{Inline(ac.Outlet ?? ac.Article)}** (`{ac.Article}`): {Count(ac.Carried, "statement")}, " +
                          $"{ac.OnlyHere.Count} only here, {ac.LeftOut.Count} left out.").AppendLine();
            StatementList(sb, "only here", ac.OnlyHere, s => MentionIn(s, ac.Article), statements);
            StatementList(sb, "left out", ac.LeftOut, s => $"{MentionIn(s, s.FirstArticle)} ({Count(s.Articles.Count, "other outlet")})", statements);
        }
    }

    private static void StatementList(StringBuilder sb, string label, IReadOnlyList<string> ids, Func<Statement, string> text, Dictionary<string, Statement> statements)
    {
        if (ids.Count == 0)
        {
            return;
        }

        sb.AppendLine($"- {label}:");
        foreach (var id in ids.Take(MaxStatementsPerArticle))
        {
            if (statements.TryGetValue(id, out var s))
            {
                sb.AppendLine($"  - {Inline(Shorten(text(s)))}");
            }
        }

        if (ids.Count > MaxStatementsPerArticle)
        {
            sb.AppendLine($"  - and {ids.Count - MaxStatementsPerArticle} more");
        }

        sb.AppendLine();
    }

    /// <summary>Channels the quotes name, citation chains (source first) and near-copies.</summary>
    private static void WriteProvenance(StringBuilder sb, Provenance p, Dictionary<string, Article> articles)
    {
        if (p.Channels.Count == 0 && p.Chains.Count == 0 && p.Copies.Count == 0)
        {
            return;
        }

        sb.AppendLine("### Who cited whom").AppendLine();
        foreach (var channel in p.Channels)
        {
            var outlets = channel.Articles.Select(a => OutletOf(articles, a)).Distinct(StringComparer.Ordinal);
            sb.AppendLine($"- channel **{Inline(channel.Name)}**: {Count(channel.Quotes, "quote")} in {string.Join(", ", outlets.Select(Inline))}");
        }

        foreach (var chain in p.Chains)
        {
            // A chain of one is an outlet's own interview, already listed as a channel.
            if (chain.Chain.Count < 2)
            {
                continue;
            }

            sb.AppendLine($"- chain: {string.Join(" → ", chain.Chain.Select(Inline))} (`{chain.Quote}`)");
        }

        foreach (var copy in p.Copies)
        {
            sb.AppendLine($"- {Inline(OutletOf(articles, copy.Article))} reprints {Inline(copy.OriginalOutlet ?? copy.Original)} (`{copy.Article}` is a near-copy of `{copy.Original}`)");
        }

        sb.AppendLine();
    }

    private static string MentionIn(Statement s, string article)
    {
        foreach (var m in s.Mentions)
        {
            if (string.Equals(m.Article, article, StringComparison.Ordinal))
            {
                return m.Text;
            }
        }

        return s.Mentions.Count > 0 ? s.Mentions[0].Text : s.Id;
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
