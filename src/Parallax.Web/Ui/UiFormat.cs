using System.Globalization;
using Parallax.Model;

namespace Parallax.Web.Ui;

/// <summary>
/// Text shaping for the pages. Everything here returns plain strings or runs of plain text: the Razor components
/// encode them, so nothing here builds markup.
/// </summary>
internal static class UiFormat
{
    /// <summary>Characters of a statement shown in an outlet column or a summary line before it is cut.</summary>
    public const int ShortTextLength = 180;

    public static string StoryHref(string id) => "/stories/" + Uri.EscapeDataString(id);

    public static string ArticleHref(string id) => "/articles/" + Uri.EscapeDataString(id);

    public static string ArticleHref(string id, string quoteId) => ArticleHref(id) + "#" + QuoteAnchor(quoteId);

    public static string SpeakerHref(string id) => "/speakers/" + Uri.EscapeDataString(id);

    /// <summary>An <c>id</c> attribute for a quote: its id with anything but letters, digits, <c>-</c> and <c>_</c> replaced.</summary>
    public static string QuoteAnchor(string quoteId) => "q-" + Slug(quoteId);

    public static string Slug(string id) =>
        string.Create(id.Length, id, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_';
            }
        });

    /// <summary>
    /// The article's URL when it is an absolute http or https URL, else null: a stored URL is input, and a
    /// <c>javascript:</c> or <c>data:</c> link would run in the reader's browser.
    /// </summary>
    public static string? SafeLink(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Date and minute of an ISO-8601 time, as the source wrote it (its own offset), or the date alone.</summary>
    public static string When(string? published) =>
        published is null ? "date unknown"
        : published.Length >= 16 && published[10] == 'T' ? $"{published[..10]} {published[11..16]}"
        : published;

    /// <summary>An ingestion time (UTC, as the store writes it) to the minute, marked UTC: it is this server's clock, not the source's.</summary>
    public static string Seen(string seen) => When(seen) + (seen.EndsWith('Z') ? " UTC" : "");

    public static string Span(string? first, string? last) =>
        first is null && last is null ? "date unknown"
        : first == last || last is null ? When(first)
        : first is null ? When(last)
        : $"{When(first)} to {When(last)}";

    public static string Count(int n, string singular, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    public static string Shorten(string text, int length = ShortTextLength)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : string.Concat(flat.AsSpan(0, length - 1), "…");
    }

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Relation(string relation) => relation.Replace('_', ' ');

    public static string Title(Article article) => article.Title ?? article.Id;

    public static string Title(Story story) => story.Title ?? "Story " + story.Id;

    /// <summary>
    /// The runs of a search snippet: the store marks matched terms with <c>[</c> and <c>]</c>; odd runs are matches.
    /// A bracket in the article text itself shifts the highlighting, never the encoding.
    /// </summary>
    public static IReadOnlyList<(string Text, bool Match)> SnippetRuns(string snippet)
    {
        var runs = new List<(string, bool)>();
        var match = false;
        var start = 0;
        for (var i = 0; i < snippet.Length; i++)
        {
            if ((!match && snippet[i] == '[') || (match && snippet[i] == ']'))
            {
                if (i > start)
                {
                    runs.Add((snippet[start..i], match));
                }

                match = !match;
                start = i + 1;
            }
        }

        if (start < snippet.Length)
        {
            runs.Add((snippet[start..], match));
        }

        return runs;
    }

    /// <summary>
    /// Cuts a body into plain runs, quotes and speaker mentions by their exact offsets. Spans that overlap an earlier
    /// (or, at the same start, a longer) span, or fall outside the body, are left plain: a page shows each character
    /// once.
    /// </summary>
    public static IReadOnlyList<BodySegment> Segments(string body, IReadOnlyList<Quote> quotes)
    {
        var spans = new List<(int Start, int End, Quote Quote, bool Mention)>();
        foreach (var q in quotes)
        {
            if (q.Start >= 0 && q.End <= body.Length && q.Start < q.End)
            {
                spans.Add((q.Start, q.End, q, false));
            }

            if (q.SpeakerStart is int s && q.SpeakerEnd is int e && s >= 0 && e <= body.Length && s < e && q.Speaker is not null)
            {
                spans.Add((s, e, q, true));
            }
        }

        spans.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        var segments = new List<BodySegment>();
        var at = 0;
        foreach (var (start, end, quote, mention) in spans)
        {
            if (start < at)
            {
                continue;
            }

            if (start > at)
            {
                segments.Add(new BodySegment(body[at..start], null, false));
            }

            segments.Add(new BodySegment(body[start..end], quote, mention));
            at = end;
        }

        if (at < body.Length)
        {
            segments.Add(new BodySegment(body[at..], null, false));
        }

        return segments;
    }
}
