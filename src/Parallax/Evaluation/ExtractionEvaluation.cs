using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Evaluation;

/// <summary>One gold page of a WCXB-style folder: <c>html/NNNN.html.gz</c> beside <c>ground-truth/NNNN.json</c>.</summary>
public sealed record GoldPage(
    string Id,
    string HtmlPath,
    string? Url,
    string PageType,
    string? Title,
    string? Author,
    string? PublishDate,
    string MainContent,
    IReadOnlyList<string> With,
    IReadOnlyList<string> Without);

/// <summary>Scores of one page.</summary>
public sealed record PageScore(string Id, string PageType, Prf Body, bool? TitleOk, bool? AuthorOk, bool? DateOk, int WithFound, int WithTotal, int WithoutAbsent, int WithoutTotal, string? Rejected)
{
    /// <summary>The page kind the extractor assigned (<see cref="PageKinds"/>), or <c>rejected</c> when it returned no article.</summary>
    public string Kind { get; init; } = ExtractionEvaluation.RejectedKind;
}

/// <summary>
/// Page-kind confusion: <see cref="Counts"/>[gold page type][our kind] page counts. <see cref="Accuracy"/> is the share of
/// pages whose kind equals <see cref="ExtractionEvaluation.ExpectedKind"/> of their gold type.
/// </summary>
public sealed record KindConfusion(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts, int Pages, int Correct)
{
    public double Accuracy => Pages == 0 ? 0 : Correct / (double)Pages;

    /// <summary>Our kinds as columns, in contract order, then <c>rejected</c>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [PageKinds.Article, PageKinds.Listing, PageKinds.Forum, PageKinds.Product, PageKinds.Other, ExtractionEvaluation.RejectedKind];

    /// <summary>The table as printable rows: gold type, expected kind, one count per <see cref="Columns"/> entry, accuracy.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (type, byKind) in Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var expected = ExtractionEvaluation.ExpectedKind(type);
            var row = new List<string> { type, expected };
            row.AddRange(Columns.Select(c => byKind.GetValueOrDefault(c).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var n = byKind.Values.Sum();
            row.Add((n == 0 ? 0 : byKind.GetValueOrDefault(expected) / (double)n).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
            rows.Add(row);
        }

        var total = new List<string> { "all", "" };
        total.AddRange(Columns.Select(c => Counts.Values.Sum(k => k.GetValueOrDefault(c)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        total.Add(Accuracy.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        rows.Add(total);
        return rows;
    }

    /// <summary>Header matching <see cref="Rows"/>.</summary>
    public static IReadOnlyList<string> Header { get; } = ["gold type", "expected", .. Columns, "kind accuracy"];
}

/// <summary>Means over a set of pages.</summary>
public sealed record ExtractionScores(
    int Pages,
    double Precision,
    double Recall,
    double F1,
    double? TitleAccuracy,
    double? AuthorAccuracy,
    double? DateAccuracy,
    double? WithRate,
    double? WithoutRate,
    int Rejected);

public sealed record ExtractionReport(ExtractionScores Overall, IReadOnlyDictionary<string, ExtractionScores> ByPageType, IReadOnlyList<PageScore> Pages)
{
    /// <summary>Gold page type against the kind we assigned, over <see cref="Pages"/>.</summary>
    public KindConfusion Kinds => ExtractionEvaluation.Confusion(Pages);
}

/// <summary>
/// Runs the extractor over a gold folder laid out like <c>../shared/bench/extraction/wcxb-dev</c> and computes the
/// benchmark's metrics as its README defines them. Every page is extracted with <c>KeepAll</c>, so non-article
/// pages are measured too. Reading the gold folder is this class's only I/O.
/// </summary>
public static class ExtractionEvaluation
{
    /// <summary>Kind column for pages the extractor rejected.</summary>
    public const string RejectedKind = "rejected";

    /// <summary>
    /// WCXB page types mapped onto our kinds (<see cref="PageKinds"/>). Collections (category and tag pages, shop
    /// grids) are lists of links to items, so listing; documentation and service pages are neither news nor
    /// lists nor posts nor items for sale, so other. Types not named here count as other.
    /// </summary>
    private static readonly Dictionary<string, string> GoldTypeKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["article"] = PageKinds.Article,
        ["collection"] = PageKinds.Listing,
        ["listing"] = PageKinds.Listing,
        ["forum"] = PageKinds.Forum,
        ["product"] = PageKinds.Product,
        ["documentation"] = PageKinds.Other,
        ["service"] = PageKinds.Other,
    };

    /// <summary>The kind a page of this gold type should get.</summary>
    public static string ExpectedKind(string goldType) => GoldTypeKinds.GetValueOrDefault(goldType, PageKinds.Other);

    public static KindConfusion Confusion(IReadOnlyList<PageScore> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var correct = 0;
        foreach (var p in pages)
        {
            if (!counts.TryGetValue(p.PageType, out var byKind))
            {
                counts[p.PageType] = byKind = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            byKind[p.Kind] = byKind.GetValueOrDefault(p.Kind) + 1;
            correct += p.Kind == ExpectedKind(p.PageType) ? 1 : 0;
        }

        return new KindConfusion(
            counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal),
            pages.Count,
            correct);
    }

    public static IReadOnlyList<GoldPage> LoadGold(string folder, int? limit = null)
    {
        var truthDir = Path.Combine(folder, "ground-truth");
        var htmlDir = Path.Combine(folder, "html");
        if (!Directory.Exists(truthDir) || !Directory.Exists(htmlDir))
        {
            throw new DirectoryNotFoundException($"{folder} has no ground-truth/ and html/ folders");
        }

        var pages = new List<GoldPage>();
        foreach (var path in Directory.EnumerateFiles(truthDir, "*.json").Order(StringComparer.Ordinal))
        {
            if (limit is { } max && pages.Count >= max)
            {
                break;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            var id = Path.GetFileNameWithoutExtension(path);
            var html = Path.Combine(htmlDir, id + ".html.gz");
            if (!File.Exists(html))
            {
                continue;
            }

            var truth = root.GetProperty("ground_truth");
            var type = root.TryGetProperty("_internal", out var internals) && internals.TryGetProperty("page_type", out var pt) && pt.TryGetProperty("primary", out var primary)
                ? primary.GetString() ?? "unknown"
                : "unknown";
            pages.Add(new GoldPage(
                id,
                html,
                root.TryGetProperty("url", out var url) ? url.GetString() : null,
                type,
                Str(truth, "title"),
                Str(truth, "author"),
                Str(truth, "publish_date"),
                Str(truth, "main_content") ?? "",
                List(truth, "with"),
                List(truth, "without")));
        }

        return pages;
    }

    public static ExtractionReport Run(IReadOnlyList<GoldPage> pages, ExtractOptions options, int maxParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var extractor = new ArticleExtractor(options with { KeepAll = true });
        var scores = new ConcurrentBag<PageScore>();
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, page =>
        {
            var result = extractor.Extract(new RawDocument
            {
                Source = page.HtmlPath,
                Id = page.Id,
                Url = page.Url,
                ContentType = "text/html",
                Content = Gunzip(page.HtmlPath),
            });
            scores.Add(Score(page, result.Article, result.Rejection));
        });

        var ordered = scores.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var byType = ordered.GroupBy(s => s.PageType, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Aggregate(g.ToList()), StringComparer.Ordinal);
        return new ExtractionReport(Aggregate(ordered), byType, ordered);
    }

    public static PageScore Score(GoldPage gold, Article? article, Rejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var body = article?.Body ?? "";
        var folded = Fold(body);
        return new PageScore(
            gold.Id,
            gold.PageType,
            WordOverlap.Score(body, gold.MainContent),
            gold.Title is null ? null : article?.Title is { } t && Fold(t) == Fold(gold.Title),
            gold.Author is null ? null : AuthorMatches(article?.Authors ?? [], gold.Author),
            gold.PublishDate is null ? null : SameDay(article?.Published, gold.PublishDate),
            gold.With.Count(w => folded.Contains(Fold(w), StringComparison.Ordinal)),
            gold.With.Count,
            gold.Without.Count(w => !folded.Contains(Fold(w), StringComparison.Ordinal)),
            gold.Without.Count,
            rejection is null ? null : $"{rejection.Reason}: {rejection.Detail}")
        {
            Kind = article?.Kind ?? RejectedKind,
        };
    }

    private static ExtractionScores Aggregate(List<PageScore> pages)
    {
        static double? Share(IEnumerable<bool?> values)
        {
            var known = values.Where(v => v.HasValue).ToList();
            return known.Count == 0 ? null : known.Count(v => v!.Value) / (double)known.Count;
        }

        var withTotal = pages.Sum(p => p.WithTotal);
        var withoutTotal = pages.Sum(p => p.WithoutTotal);
        return new ExtractionScores(
            pages.Count,
            pages.Count == 0 ? 0 : pages.Average(p => p.Body.Precision),
            pages.Count == 0 ? 0 : pages.Average(p => p.Body.Recall),
            pages.Count == 0 ? 0 : pages.Average(p => p.Body.F1),
            Share(pages.Select(p => p.TitleOk)),
            Share(pages.Select(p => p.AuthorOk)),
            Share(pages.Select(p => p.DateOk)),
            withTotal == 0 ? null : pages.Sum(p => p.WithFound) / (double)withTotal,
            withoutTotal == 0 ? null : pages.Sum(p => p.WithoutAbsent) / (double)withoutTotal,
            pages.Count(p => p.Rejected is not null));
    }

    private static bool AuthorMatches(IReadOnlyList<string> authors, string gold)
    {
        if (authors.Count == 0)
        {
            return false;
        }

        var g = Fold(gold);
        var joined = Fold(string.Join(", ", authors));
        return joined == g || joined.Contains(g, StringComparison.Ordinal) || g.Contains(joined, StringComparison.Ordinal)
            || authors.Any(a => Fold(a) is var f && f.Length > 0 && (f == g || g.Contains(f, StringComparison.Ordinal) || f.Contains(g, StringComparison.Ordinal)));
    }

    private static bool SameDay(string? predicted, string gold) =>
        predicted is { Length: >= 10 } && gold.Length >= 10 && predicted.AsSpan(0, 10).SequenceEqual(gold.AsSpan(0, 10));

    /// <summary>Case and whitespace folding: lowercase, runs of whitespace as one space, trimmed.</summary>
    internal static string Fold(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static List<string> List(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}
