using System.Net;
using System.Text;
using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Pipeline;

/// <summary>
/// Renders a report as one self-contained HTML page: inline CSS, no scripts, no external assets, every text escaped.
/// The story list, then per story its timeline, the outlets side by side (what each carries, what only it reports,
/// what it leaves out), the same quote in each version with its word diff, the same facts across outlets, and the
/// citation chains.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Statements listed per outlet column before the list is cut short.</summary>
    private const int MaxStatementsPerColumn = 14;

    /// <summary>Characters of a statement shown in an outlet column.</summary>
    private const int ColumnTextLength = 160;

    private const string Css = """
        :root{--ink:#1d2433;--muted:#5b6578;--line:#dfe3ea;--bg:#f6f7f9;--card:#fff;--acc:#2456a6;--only:#fff4d6;--left:#fde8e8;--ins:#d9f2dd;--del:#fbdada}
        *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        header.top{background:#1d2433;color:#fff;padding:20px 32px}header.top h1{margin:0 0 4px;font-size:24px}header.top p{margin:0;color:#c9d1e0}
        main{max-width:1400px;margin:0 auto;padding:20px 32px 60px}
        h2{font-size:21px;margin:36px 0 6px;border-top:3px solid var(--acc);padding-top:14px}h3{font-size:16px;margin:22px 0 8px;color:var(--acc)}
        .meta{color:var(--muted);margin:0 0 8px}
        nav.stories ol{margin:8px 0 0;padding-left:22px}nav.stories li{margin:3px 0}a{color:var(--acc);text-decoration:none}a:hover{text-decoration:underline}
        table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{background:#eef1f6;font-weight:600;font-size:13px;color:var(--muted)}
        .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:12px}
        .col{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px;font-size:13px}
        .col h4{margin:0;font-size:15px}.col .when{color:var(--muted);font-size:12px;margin-bottom:6px}
        .col ul{margin:4px 0 8px;padding-left:16px}.col li{margin:3px 0}
        .col li.only{background:var(--only);border-radius:4px;padding:1px 4px;list-style:none;margin-left:-16px}
        .col li.left{background:var(--left);border-radius:4px;padding:1px 4px;list-style:none;margin-left:-16px}
        .n{display:inline-block;min-width:18px;padding:0 5px;border-radius:9px;background:#e4ebf7;color:var(--acc);font-size:11px;font-weight:600;text-align:center}
        .label{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin-top:8px}
        .pair{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 10px}
        .pair .who{font-weight:600}.badge{display:inline-block;font-size:11px;padding:1px 7px;border-radius:9px;margin-left:6px;background:#eef1f6;color:var(--muted)}
        .badge.verbatim{background:#d9f2dd;color:#1e6b2e}.badge.near_verbatim{background:#e4ebf7;color:#2456a6}.badge.paraphrase{background:#fbeed5;color:#8a5a00}
        .versions{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:6px 0}.versions div{font-size:14px}.versions .src{font-size:12px;color:var(--muted)}
        .diff{font-size:13px;color:var(--muted);border-top:1px dashed var(--line);padding-top:6px}
        ins{background:var(--ins);text-decoration:none;color:#14522a;border-radius:3px;padding:0 2px}del{background:var(--del);color:#8a1f1f;border-radius:3px;padding:0 2px}
        .chain{font-size:14px;margin:3px 0}.chain span.arrow{color:var(--muted);padding:0 6px}
        .legend span{display:inline-block;padding:0 6px;border-radius:4px;margin-right:8px;font-size:12px}
        footer{color:var(--muted);font-size:12px;margin-top:40px}
        """;

    public static string Write(Report report, IReadOnlyList<StoryCoverage>? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        coverage ??= CoverageReport.Analyze(report);
        var byStory = coverage.ToDictionary(c => c.Story, StringComparer.Ordinal);
        var articles = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var speakers = report.Speakers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var quotes = report.Quotes.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var outlets = report.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();

        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>Parallax coverage report</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<header class=\"top\"><h1>Parallax coverage report</h1><p>")
            .Append(E($"{Count(report.Articles.Count, "article")} from {Count(outlets, "outlet")} in {Count(report.Stories.Count, "story", "stories")} · " +
                      $"{Count(report.Quotes.Count, "quote")} · {Count(report.Alignments.Count, "aligned quote pair")} · " +
                      $"{Count(coverage.Sum(c => c.ClaimAlignments.Count), "aligned fact pair")} · {Count(report.Rejected.Count, "input")} rejected"))
            .Append("</p></header>\n<main>\n");

        if (report.Stories.Count > 0)
        {
            sb.Append("<nav class=\"stories\"><h3>Stories</h3><ol>");
            foreach (var story in report.Stories)
            {
                sb.Append("<li><a href=\"#").Append(Anchor(story.Id)).Append("\">").Append(E(story.Title ?? story.Id)).Append("</a> <span class=\"meta\">")
                    .Append(E($"{Count(story.Articles.Count, "article")}, {string.Join(", ", story.Outlets)}")).Append("</span></li>");
            }

            sb.Append("</ol></nav>\n");
        }

        foreach (var story in report.Stories)
        {
            if (byStory.TryGetValue(story.Id, out var c))
            {
                WriteStory(sb, report, story, c, articles, speakers, quotes);
            }
        }

        if (report.Rejected.Count > 0)
        {
            sb.Append("<h2>Rejected inputs</h2><table><tr><th>source</th><th>reason</th><th>detail</th></tr>");
            foreach (var r in report.Rejected)
            {
                sb.Append("<tr><td>").Append(E(r.Source)).Append("</td><td>").Append(E(r.Reason)).Append("</td><td>").Append(E(r.Detail ?? "")).Append("</td></tr>");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<footer>Written by Parallax ").Append(E(report.Parallax)).Append(".</footer>\n</main></body></html>\n");
        return sb.ToString();
    }

    private static void WriteStory(
        StringBuilder sb,
        Report report,
        Story story,
        StoryCoverage coverage,
        Dictionary<string, Article> articles,
        Dictionary<string, Speaker> speakers,
        Dictionary<string, Quote> quotes)
    {
        var statements = coverage.Statements.ToDictionary(s => s.Id, StringComparer.Ordinal);
        sb.Append("<section id=\"").Append(Anchor(story.Id)).Append("\"><h2>").Append(E(story.Title ?? story.Id)).Append("</h2>");
        var span = story.FirstPublished == story.LastPublished ? story.FirstPublished : $"{story.FirstPublished} to {story.LastPublished}";
        sb.Append("<p class=\"meta\">").Append(E($"Story {story.Id} · {Count(story.Articles.Count, "article")} · {string.Join(", ", story.Outlets)}{(span is null ? "" : " · " + span)}")).Append("</p>\n");

        sb.Append("<h3>Timeline</h3><table><tr><th>published</th><th>outlet</th><th>headline</th><th>first to report</th><th>repeats</th><th>note</th></tr>");
        foreach (var t in coverage.Provenance.Timeline)
        {
            var note = t.DuplicateOf is { } d ? $"near-copy of {OutletOf(articles, d)} ({d})" : "";
            sb.Append("<tr><td>").Append(E(When(t.Published))).Append("</td><td>").Append(E(t.Outlet ?? t.Article)).Append("</td><td>").Append(E(t.Title ?? t.Article))
                .Append("</td><td>").Append(t.FirstReports.Count).Append("</td><td>").Append(t.Repeats).Append("</td><td>").Append(E(note)).Append("</td></tr>");
        }

        sb.Append("</table>\n");

        sb.Append("<h3>Outlets side by side</h3><p class=\"legend meta\"><span class=\"n\">n</span>other outlets carrying it <span style=\"background:var(--only)\">only in this outlet</span><span style=\"background:var(--left)\">left out, while most others carry it</span></p><div class=\"cols\">");
        foreach (var ac in coverage.Articles)
        {
            articles.TryGetValue(ac.Article, out var article);
            sb.Append("<div class=\"col\"><h4>").Append(E(ac.Outlet ?? ac.Article)).Append("</h4><div class=\"when\">")
                .Append(E($"{When(article?.Published)} · {Count(ac.Carried, "statement")} · {ac.OnlyHere.Count} only here")).Append("</div>");
            var shared = coverage.Statements.Where(s => s.Articles.Count > 1 && s.Articles.Contains(ac.Article, StringComparer.Ordinal)).ToList();
            sb.Append("<div class=\"label\">shared with others</div><ul>");
            foreach (var s in shared.Take(MaxStatementsPerColumn))
            {
                sb.Append("<li><span class=\"n\">").Append(s.Articles.Count - 1).Append("</span> ").Append(E(Shorten(MentionIn(s, ac.Article)))).Append("</li>");
            }

            More(sb, shared.Count);
            sb.Append("</ul><div class=\"label\">only here</div><ul>");
            foreach (var id in ac.OnlyHere.Take(MaxStatementsPerColumn))
            {
                sb.Append("<li class=\"only\">").Append(E(Shorten(MentionIn(statements[id], ac.Article)))).Append("</li>");
            }

            More(sb, ac.OnlyHere.Count);
            sb.Append("</ul>");
            if (ac.LeftOut.Count > 0)
            {
                sb.Append("<div class=\"label\">left out</div><ul>");
                foreach (var id in ac.LeftOut.Take(MaxStatementsPerColumn))
                {
                    var s = statements[id];
                    sb.Append("<li class=\"left\">").Append(E(Shorten(s.Mentions[0].Text))).Append("</li>");
                }

                More(sb, ac.LeftOut.Count);
                sb.Append("</ul>");
            }

            sb.Append("</div>");
        }

        sb.Append("</div>\n");

        var alignments = report.Alignments.Where(a => a.Story == story.Id).ToList();
        if (alignments.Count > 0)
        {
            sb.Append("<h3>The same quote across outlets</h3>");
            foreach (var al in alignments)
            {
                if (!quotes.TryGetValue(al.A, out var qa) || !quotes.TryGetValue(al.B, out var qb))
                {
                    continue;
                }

                var who = qa.Speaker is { } sid && speakers.TryGetValue(sid, out var sp) ? sp.Name
                    : qb.Speaker is { } sid2 && speakers.TryGetValue(sid2, out var sp2) ? sp2.Name : "unattributed";
                Pair(sb, who, al.Relation, al.Score, Version(articles, qa.Article, qa.Via), qa.Text, Version(articles, qb.Article, qb.Via), qb.Text, al.Diff);
            }
        }

        if (coverage.ClaimAlignments.Count > 0)
        {
            sb.Append("<h3>The same fact across outlets</h3>");
            foreach (var c in coverage.ClaimAlignments)
            {
                var textA = articles.TryGetValue(c.A, out var a) ? a.Body[c.AStart..c.AEnd] : "";
                var textB = articles.TryGetValue(c.B, out var b) ? b.Body[c.BStart..c.BEnd] : "";
                Pair(sb, "Reported fact", c.Relation, c.Score, OutletOf(articles, c.A), textA, OutletOf(articles, c.B), textB, c.Diff);
            }
        }

        var p = coverage.Provenance;
        if (p.Chains.Count > 0 || p.Copies.Count > 0)
        {
            sb.Append("<h3>Who cited whom</h3>");
            foreach (var chain in p.Chains)
            {
                sb.Append("<div class=\"chain\">");
                for (var i = 0; i < chain.Chain.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append("<span class=\"arrow\">→</span>");
                    }

                    sb.Append(E(chain.Chain[i]));
                }

                sb.Append("</div>");
            }

            foreach (var copy in p.Copies)
            {
                sb.Append("<div class=\"chain\">").Append(E(OutletOf(articles, copy.Article))).Append(" reprints ").Append(E(copy.OriginalOutlet ?? copy.Original))
                    .Append(" <span class=\"meta\">(").Append(E($"{copy.Article} is a near-copy of {copy.Original}")).Append(")</span></div>");
            }
        }

        sb.Append("</section>\n");
    }

    private static void Pair(StringBuilder sb, string who, string relation, double score, string sourceA, string textA, string sourceB, string textB, IReadOnlyList<DiffRun> diff)
    {
        sb.Append("<div class=\"pair\"><span class=\"who\">").Append(E(who)).Append("</span><span class=\"badge ").Append(E(relation)).Append("\">")
            .Append(E(relation.Replace('_', ' '))).Append("</span><span class=\"badge\">score ").Append(score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append("</span>");
        sb.Append("<div class=\"versions\"><div><div class=\"src\">").Append(E(sourceA)).Append("</div>").Append(E(textA)).Append("</div><div><div class=\"src\">")
            .Append(E(sourceB)).Append("</div>").Append(E(textB)).Append("</div></div><div class=\"diff\">");
        foreach (var run in diff)
        {
            var tag = run.Op switch { DiffOps.Delete => "del", DiffOps.Insert => "ins", _ => null };
            if (tag is null)
            {
                sb.Append(E(run.Text)).Append(' ');
            }
            else
            {
                sb.Append('<').Append(tag).Append('>').Append(E(run.Text)).Append("</").Append(tag).Append("> ");
            }
        }

        sb.Append("</div></div>\n");
    }

    private static string Version(Dictionary<string, Article> articles, string article, IReadOnlyList<string> via) =>
        OutletOf(articles, article) + (via.Count == 0 ? "" : $" (via {string.Join(" → ", via)})");

    private static string MentionIn(Statement s, string article) =>
        s.Mentions.FirstOrDefault(m => m.Article == article)?.Text ?? s.Mentions[0].Text;

    private static void More(StringBuilder sb, int count)
    {
        if (count > MaxStatementsPerColumn)
        {
            sb.Append("<li>… and ").Append(count - MaxStatementsPerColumn).Append(" more</li>");
        }
    }

    private static string OutletOf(Dictionary<string, Article> articles, string id) =>
        articles.TryGetValue(id, out var a) ? a.Outlet ?? a.Id : id;

    private static string Anchor(string id)
    {
        var sb = new StringBuilder("story-");
        foreach (var ch in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        }

        return sb.ToString();
    }

    private static string Shorten(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length <= ColumnTextLength ? flat : string.Concat(flat.AsSpan(0, ColumnTextLength - 1), "…");
    }

    /// <summary>Date and minute of an ISO-8601 time; the offset is dropped for the table, the JSON keeps it.</summary>
    private static string When(string? published) =>
        published is null ? "date unknown" : published.Length >= 16 && published[10] == 'T' ? $"{published[..10]} {published[11..16]}" : published;

    private static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
