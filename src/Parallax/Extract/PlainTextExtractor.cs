using Parallax.Text;
using System.Text;

namespace Parallax.Extract;

/// <summary>What an extractor found in one document, before the dispatcher merges in the source's metadata.</summary>
internal sealed record ExtractedParts
{
    public string? Title { get; init; }
    public List<string> Authors { get; init; } = [];
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string? PublishedSource { get; init; }
    public string? Modified { get; init; }
    public string? Section { get; init; }
    public string? TitleSource { get; init; }
    public string? AuthorsSource { get; init; }
    public string? Url { get; init; }
    public string? Language { get; init; }
    public string Kind { get; init; } = Model.PageKinds.Article;
    public string Body { get; init; } = string.Empty;

    /// <summary>Why the kind was chosen, for a rejection's detail.</summary>
    public string? KindEvidence { get; init; }
}

/// <summary>
/// Extracts an article from plain text laid out as copied from a news page: header widgets (dates,
/// headline, byline), then paragraphs separated by blank lines, then teasers and share bars.
/// </summary>
internal static class PlainTextExtractor
{
    /// <summary>Headline length bounds: shorter is a label, longer is a paragraph. Seed headlines are 48 and 69 characters.</summary>
    private const int MinTitleChars = 12;
    private const int MaxTitleChars = 220;
    private const int MinTitleWords = 3;

    /// <summary>A byline names a few people or one outlet; longer "By ..." lines are sentences.</summary>
    private const int MaxBylineWords = 12;

    /// <summary>Lines between a byline and a date for the date to count as the byline's (seed 001: adjacent).</summary>
    private const int BylineDateDistance = 2;

    /// <summary>Hard-wrapped text: lines of a block are joined when all but the last fall in this length band (typical 60-80 column wrapping).</summary>
    private const int WrapMin = 40;
    private const int WrapMax = 100;

    /// <summary>A desk or agency credit is a short name; seen: "Int’l Monitoring Desk" (3 words), "Reuters".</summary>
    private const int MaxCreditWords = 6;

    public static ExtractedParts Extract(string text)
    {
        var lines = SplitLines(text);

        // Head: walk lines until the first line that is neither a date, a byline, nor the headline.
        string? title = null;
        var authors = new List<string>();
        string? outlet = null;
        var dates = new List<DateLine>();
        var bylineLine = -1;
        var bodyStart = lines.Count;
        var seen = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            seen++;
            var date = DateParser.ParseDateLine(line);
            if (date is not null)
            {
                // A date line before the headline is the page's own date widget, not the article's date.
                dates.Add(new DateLine(seen, date, BeforeHeadline: title is null));
                continue;
            }

            if (TryByline(line, authors, ref outlet, dates, seen))
            {
                bylineLine = seen;
                continue;
            }

            if (title is not null && SameText(line, title))
            {
                continue;
            }

            if (title is null && LooksLikeTitle(line))
            {
                title = line;
                continue;
            }

            bodyStart = i;
            break;
        }

        var paragraphs = Paragraphs(lines, bodyStart);
        CutTeasersAndShareBars(paragraphs);
        TakeTrailingCredit(paragraphs, authors, ref outlet);

        var (published, publishedSource) = PickDate(dates, bylineLine);
        var body = string.Join("\n\n", paragraphs);
        return new ExtractedParts
        {
            Title = title,
            TitleSource = title is null ? null : "text",
            Authors = authors,
            AuthorsSource = authors.Count == 0 ? null : Model.DateSources.Byline,
            Outlet = outlet,
            Published = published,
            PublishedSource = publishedSource,
            Body = body,
            Kind = Model.PageKinds.Article,
        };
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        foreach (var range in text.AsSpan().Split(['\n']))
        {
            var line = text.AsSpan(range);
            lines.Add(TrimLine(line).ToString());
        }

        return lines;
    }

    /// <summary>Trims ends only; a non-breaking space inside a line is kept as written.</summary>
    internal static ReadOnlySpan<char> TrimLine(ReadOnlySpan<char> line) => line.Trim(" \t\r\f\v\u00A0\uFEFF\u200B");

    private static bool LooksLikeTitle(string line)
    {
        if (line.Length is < MinTitleChars or > MaxTitleChars || CountWords(line) < MinTitleWords)
        {
            return false;
        }

        // A headline does not end like running prose with a full stop after many words.
        return !(line.EndsWith('.') && CountWords(line) > 25);
    }

    private static bool TryByline(string line, List<string> authors, ref string? outlet, List<DateLine> dates, int seen)
    {
        var m = ExtractRules.BylineLine().Match(line);
        if (!m.Success)
        {
            return false;
        }

        var who = m.Groups["who"].Value.Trim();

        // "By Jane Doe | February 24, 2023" carries its date too.
        var parts = who.Split(['|', '•', '·'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        who = parts[0];
        for (var p = 1; p < parts.Length; p++)
        {
            var d = DateParser.ParseDateLine(parts[p]);
            if (d is not null)
            {
                dates.Add(new DateLine(seen, d, BeforeHeadline: false));
            }
        }

        if (CountWords(who) > MaxBylineWords || who.EndsWith('.') && CountWords(who) > 4)
        {
            return false;
        }

        if (IsOutlet(who))
        {
            outlet ??= who;
            AddDistinct(authors, who);
            return true;
        }

        foreach (var name in SplitNames(who))
        {
            AddDistinct(authors, name);
        }

        return true;
    }

    /// <summary>Splits <c>Jane Doe and John Roe</c>, <c>Jane Doe, John Roe</c> into names.</summary>
    internal static IEnumerable<string> SplitNames(string who)
    {
        foreach (var part in who.Split([",", " and ", " & ", ";"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            yield return part;
        }
    }

    internal static bool IsOutlet(string name)
    {
        var n = name.Trim();
        if (ExtractRules.Outlets.Contains(n))
        {
            return true;
        }

        var lastSpace = n.LastIndexOf(' ');
        return lastSpace > 0 && ExtractRules.OutletSuffixes.Contains(n[(lastSpace + 1)..]);
    }

    private static List<string> Paragraphs(List<string> lines, int start)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        for (var i = start; i <= lines.Count; i++)
        {
            if (i == lines.Count || lines[i].Length == 0)
            {
                FlushBlock(block, paragraphs);
                continue;
            }

            block.Add(lines[i]);
        }

        return paragraphs;
    }

    private static void FlushBlock(List<string> block, List<string> paragraphs)
    {
        if (block.Count == 0)
        {
            return;
        }

        var wrapped = block.Count > 1;
        for (var i = 0; i < block.Count - 1 && wrapped; i++)
        {
            wrapped = block[i].Length is >= WrapMin and <= WrapMax;
        }

        if (wrapped)
        {
            paragraphs.Add(string.Join(' ', block));
        }
        else
        {
            paragraphs.AddRange(block);
        }

        block.Clear();
    }

    internal static void CutTeasersAndShareBars(List<string> paragraphs)
    {
        // Teaser markers cut everything after them, but never the first paragraph.
        for (var i = 1; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i].TrimEnd(':', '：', ' ', '»', '›', '>');
            if (ExtractRules.TeaserMarkers.Contains(p))
            {
                paragraphs.RemoveRange(i, paragraphs.Count - i);
                break;
            }
        }

        for (var i = paragraphs.Count - 1; i >= 1; i--)
        {
            var p = paragraphs[i];
            if (p.Length < 300 && ExtractRules.InlineTeaser().IsMatch(p))
            {
                paragraphs.RemoveAt(i);
            }
        }

        // From the end: share bars, tag lists, stray dates, truncated teasers.
        while (paragraphs.Count > 1)
        {
            var last = paragraphs[^1];
            if (ExtractRules.ShareOrTagLine().IsMatch(last) || IsShareBar(last) || DateParser.ParseDateLine(last) is not null || last.EndsWith('…') || last.EndsWith("...", StringComparison.Ordinal) && last.Length < 400)
            {
                paragraphs.RemoveAt(paragraphs.Count - 1);
                continue;
            }

            break;
        }
    }

    internal static bool IsShareBar(string line)
    {
        if (line.Length > 120)
        {
            return false;
        }

        var words = 0;
        foreach (var range in line.AsSpan().SplitAny(" \t,/\u00A0"))
        {
            var w = line.AsSpan(range);
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            if (!ExtractRules.ShareWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w.TrimEnd(':')))
            {
                return false;
            }
        }

        return words >= 2;
    }

    private static void TakeTrailingCredit(List<string> paragraphs, List<string> authors, ref string? outlet)
    {
        if (paragraphs.Count == 0)
        {
            return;
        }

        var last = paragraphs[^1];
        var m = ExtractRules.TrailingCredit().Match(last);
        if (!m.Success)
        {
            return;
        }

        var credit = m.Groups["credit"].Value.Trim();
        if (!IsCredit(credit))
        {
            return;
        }

        paragraphs[^1] = last[..m.Index].TrimEnd();
        if (paragraphs[^1].Length == 0)
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        AddDistinct(authors, credit);
        if (ExtractRules.Outlets.Contains(credit))
        {
            outlet ??= credit;
        }
    }

    private static bool IsCredit(string credit)
    {
        if (CountWords(credit) > MaxCreditWords)
        {
            return false;
        }

        if (IsOutlet(credit))
        {
            return true;
        }

        foreach (var range in credit.AsSpan().SplitAny(" /-"))
        {
            var w = credit.AsSpan(range).Trim(".,’'");
            if (ExtractRules.DeskWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            {
                return true;
            }
        }

        // Short all-capital agency codes: (AFP), (IANS), (PTI).
        var letters = 0;
        foreach (var c in credit)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters is >= 2 and <= 6;
    }

    /// <summary>
    /// The article's date: one beside the byline, else the first under the headline, else a date widget above the
    /// headline, which only bounds the date from above.
    /// </summary>
    private static (string? Date, string? Source) PickDate(List<DateLine> dates, int bylineLine)
    {
        if (bylineLine > 0)
        {
            foreach (var (line, date, beforeHeadline) in dates)
            {
                if (!beforeHeadline && Math.Abs(line - bylineLine) <= BylineDateDistance && line >= bylineLine)
                {
                    return (date, Model.DateSources.Byline);
                }
            }
        }

        foreach (var (_, date, beforeHeadline) in dates)
        {
            if (!beforeHeadline)
            {
                return (date, Model.DateSources.Byline);
            }
        }

        return dates.Count == 0 ? (null, null) : (dates[0].Date, Model.DateSources.PageHeader);
    }

    internal static bool SameText(string a, string b) => string.Equals(Whitespace.Collapse(a), Whitespace.Collapse(b), StringComparison.OrdinalIgnoreCase);

    internal static int CountWords(string s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                words++;
            }

            inWord = w;
        }

        return words;
    }

    internal static void AddDistinct(List<string> list, string value)
    {
        foreach (var v in list)
        {
            if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        list.Add(value);
    }
}

/// <summary>A date line of the head: its position among non-blank lines, the date, and whether the headline was still to come.</summary>
internal readonly record struct DateLine(int Line, string Date, bool BeforeHeadline);
