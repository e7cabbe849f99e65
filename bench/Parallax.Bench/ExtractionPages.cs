using System.Diagnostics;
using System.Globalization;
using Parallax.Evaluation;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Bench;

/// <summary>
/// `extraction-pages [N]`: times every wcxb-dev page one by one (single thread, after a warm-up pass) for Parallax
/// and SmartReader, printing median, mean and p95 per page, and scores both with the benchmark's metrics on
/// the same pages, so speed and quality of the two are compared in one run.
/// </summary>
internal static class ExtractionPages
{
    public static void Run(int? limit)
    {
        var pages = WcxbPages.Load(limit);
        var extractor = new ArticleExtractor(new ExtractOptions { KeepAll = true });
        Console.WriteLine($"{pages.Count} wcxb-dev pages, 1 thread, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var parallax = Time(pages, page =>
        {
            var result = extractor.Extract(new RawDocument { Source = page.Gold.HtmlPath, Id = page.Gold.Id, Url = page.Gold.Url, ContentType = "text/html", Content = page.Bytes });
            return ExtractionEvaluation.Score(page.Gold, result.Article, result.Rejection);
        });
        var smart = Time(pages, page =>
        {
            var article = SmartRead(page);
            var asArticle = new Article
            {
                Id = page.Gold.Id,
                Source = page.Gold.HtmlPath,
                Title = article?.Title,
                Authors = string.IsNullOrWhiteSpace(article?.Author) ? (string.IsNullOrWhiteSpace(article?.Byline) ? [] : [article.Byline]) : [article.Author],
                Published = article?.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Body = article?.TextContent ?? "",
            };
            return ExtractionEvaluation.Score(page.Gold, asArticle, null);
        });

        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var parseOnly = Time(pages, page =>
        {
            using var document = parser.ParseDocument(page.Html);
            return new PageScore(page.Gold.Id, page.Gold.PageType, default, null, null, null, 0, 0, 0, 0, null);
        });
        Console.WriteLine($"AngleSharp parse only: median {Median(parseOnly.Times):0.00} ms, mean {parseOnly.Times.Average():0.00} ms, CPU {parseOnly.CpuMsPerPage:0.00} ms/page");

        // Ours with the extractor's settings (no script text, only the attributes it reads), and AngleSharp with the same.
        var ours = new Parallax.Extract.Html.HtmlParser(new Parallax.Extract.Html.HtmlParserOptions { KeepScriptText = false, KeepAttributes = ExtractRules.ReadAttributes });
        var oursOnly = Time(pages, page =>
        {
            using var document = ours.ParseDocument(page.Html);
            return new PageScore(page.Gold.Id, page.Gold.PageType, default, null, null, null, 0, 0, 0, 0, null);
        });
        var trimmed = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions
        {
            IsScripting = false,
            DisableElementPositionTracking = true,
            SkipComments = true,
            SkipScriptText = true,
            SkipRawText = true,
            ShouldEmitAttribute = static (ref _, name) => ExtractRules.ReadAttributes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name.Span),
        });
        var trimmedOnly = Time(pages, page =>
        {
            using var document = trimmed.ParseDocument(page.Html);
            return new PageScore(page.Gold.Id, page.Gold.PageType, default, null, null, null, 0, 0, 0, 0, null);
        });
        Console.WriteLine($"AngleSharp parse only, extractor settings: median {Median(trimmedOnly.Times):0.00} ms, mean {trimmedOnly.Times.Average():0.00} ms, CPU {trimmedOnly.CpuMsPerPage:0.00} ms/page");
        Console.WriteLine($"Parallax HtmlParser parse only, extractor settings: median {Median(oursOnly.Times):0.00} ms, mean {oursOnly.Times.Average():0.00} ms, CPU {oursOnly.CpuMsPerPage:0.00} ms/page");
        Console.WriteLine($"parse-only speed-up over AngleSharp (extractor settings): {trimmedOnly.Times.Average() / oursOnly.Times.Average():0.0}x wall, {trimmedOnly.CpuMsPerPage / oursOnly.CpuMsPerPage:0.0}x CPU");

        Console.WriteLine("extractor\tmedian ms\tmean ms\tp95 ms\tCPU ms/page\tpages/s\tF1 all\tF1 articles\ttitle\tauthor\tdate");
        Print("Parallax", parallax);
        Print("SmartReader 0.11.1", smart);
        Console.WriteLine($"throughput ratio Parallax/SmartReader: {smart.Times.Average() / parallax.Times.Average():0.0}x wall, {smart.CpuMsPerPage / parallax.CpuMsPerPage:0.0}x CPU");
    }

    /// <summary>SmartReader on one page; it throws on some inputs (an empty URL), which counts as nothing extracted.</summary>
    internal static SmartReader.Article? SmartRead(WcxbPage page)
    {
        var url = Uri.TryCreate(page.Gold.Url, UriKind.Absolute, out var u) ? u.ToString() : "https://example.com/";
        try
        {
            return new SmartReader.Reader(url, page.Html).GetArticle();
        }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            Console.Error.WriteLine($"SmartReader failed on {page.Gold.Id}: {e.Message}");
            return null;
        }
    }

    /// <summary>Wall times per page, scores, and the process's CPU time per page (less sensitive to a loaded machine).</summary>
    private sealed record Timed(List<double> Times, List<PageScore> Scores, double CpuMsPerPage);

    private static Timed Time(List<WcxbPage> pages, Func<WcxbPage, PageScore> run)
    {
        foreach (var page in pages.Take(50))
        {
            run(page);
        }

        var times = new List<double>(pages.Count);
        var scores = new List<PageScore>(pages.Count);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        foreach (var page in pages)
        {
            var clock = Stopwatch.StartNew();
            var score = run(page);
            times.Add(clock.Elapsed.TotalMilliseconds);
            scores.Add(score);
        }

        process.Refresh();
        return new Timed(times, scores, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / pages.Count);
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static void Print(string name, Timed t)
    {
        var sorted = t.Times.Order().ToList();
        static string Share(IEnumerable<bool?> v)
        {
            var known = v.Where(x => x.HasValue).ToList();
            return known.Count == 0 ? "-" : (known.Count(x => x!.Value) / (double)known.Count).ToString("0.000", CultureInfo.InvariantCulture);
        }

        var articles = t.Scores.Where(s => s.PageType == "article").ToList();
        Console.WriteLine(string.Join('\t',
            name,
            sorted[sorted.Count / 2].ToString("0.00", CultureInfo.InvariantCulture),
            sorted.Average().ToString("0.00", CultureInfo.InvariantCulture),
            sorted[(int)(sorted.Count * 0.95)].ToString("0.00", CultureInfo.InvariantCulture),
            t.CpuMsPerPage.ToString("0.00", CultureInfo.InvariantCulture),
            (1000 / sorted.Average()).ToString("0", CultureInfo.InvariantCulture),
            t.Scores.Average(s => s.Body.F1).ToString("0.000", CultureInfo.InvariantCulture),
            (articles.Count == 0 ? 0 : articles.Average(s => s.Body.F1)).ToString("0.000", CultureInfo.InvariantCulture),
            Share(t.Scores.Select(s => s.TitleOk)),
            Share(t.Scores.Select(s => s.AuthorOk)),
            Share(t.Scores.Select(s => s.DateOk))));
    }
}
