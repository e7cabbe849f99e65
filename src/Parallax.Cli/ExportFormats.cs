using System.Text;
using Parallax.Model;

namespace Parallax.Cli;

/// <summary>JSONL and CSV renderings of one record type of a report.</summary>
internal static class ExportFormats
{
    public static string Jsonl(Report report, string what)
    {
        var lines = what switch
        {
            "stories" => report.Stories.Select(ReportJson.SerializeLine),
            "speakers" => report.Speakers.Select(ReportJson.SerializeLine),
            "quotes" => report.Quotes.Select(ReportJson.SerializeLine),
            "alignments" => report.Alignments.Select(ReportJson.SerializeLine),
            "rejected" => report.Rejected.Select(ReportJson.SerializeLine),
            _ => report.Articles.Select(ReportJson.SerializeLine),
        };
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    public static string Csv(Report report, string what)
    {
        var (header, rows) = what switch
        {
            "stories" => (["id", "title", "articles", "outlets", "first_published", "last_published"],
                report.Stories.Select(s => new[] { s.Id, s.Title, string.Join(";", s.Articles), string.Join(";", s.Outlets), s.FirstPublished, s.LastPublished })),
            "speakers" => (["id", "name", "aliases", "roles", "kind"],
                report.Speakers.Select(s => new[] { s.Id, s.Name, string.Join(";", s.Aliases), string.Join(";", s.Roles), s.Kind })),
            "quotes" => (["id", "article", "speaker", "speaker_mention", "cue", "kind", "start", "end", "via", "text"],
                report.Quotes.Select(q => new[] { q.Id, q.Article, q.Speaker, q.SpeakerMention, q.Cue, q.Kind, q.Start.ToString(), q.End.ToString(), string.Join(";", q.Via), q.Text })),
            "alignments" => (["story", "a", "b", "relation", "score"],
                report.Alignments.Select(a => new[] { a.Story, a.A, a.B, a.Relation, a.Score.ToString("0.###") })),
            "rejected" => (["source", "reason", "detail"],
                report.Rejected.Select(r => new[] { r.Source, r.Reason, r.Detail })),
            _ => (new[] { "id", "source", "url", "outlet", "title", "authors", "published", "language", "kind", "duplicate_of", "story", "body" },
                report.Articles.Select(a => new[] { a.Id, a.Source, a.Url, a.Outlet, a.Title, string.Join(";", a.Authors), a.Published, a.Language, a.Kind, a.DuplicateOf, a.Story, a.Body })),
        };
        var sb = new StringBuilder();
        AppendRow(sb, header);
        foreach (var row in rows)
        {
            AppendRow(sb, row);
        }

        return sb.ToString();
    }

    // RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    private static void AppendRow(StringBuilder sb, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            var value = field ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
            }
            else
            {
                sb.Append(value);
            }
        }

        sb.Append("\r\n");
    }
}
