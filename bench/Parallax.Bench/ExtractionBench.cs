using BenchmarkDotNet.Attributes;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Bench;

/// <summary>
/// Extraction throughput on wcxb-dev pages, Parallax against SmartReader 0.11.1 (the C# port of Mozilla
/// Readability) in the same run. Each invocation extracts every loaded page once.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBench
{
    private List<WcxbPage> _pages = [];
    private readonly ArticleExtractor _extractor = new(new ExtractOptions { KeepAll = true });

    [Params(200)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Load() => _pages = WcxbPages.Load(Pages);

    [Benchmark(Baseline = true, Description = "SmartReader 0.11.1")]
    public int SmartReaderExtract()
    {
        var words = 0;
        foreach (var page in _pages)
        {
            var article = ExtractionPages.SmartRead(page);
            words += article?.TextContent?.Length ?? 0;
        }

        return words;
    }

    [Benchmark(Description = "Parallax ArticleExtractor")]
    public int ParallaxExtract()
    {
        var words = 0;
        foreach (var page in _pages)
        {
            var result = _extractor.Extract(new RawDocument { Source = page.Gold.HtmlPath, Url = page.Gold.Url, ContentType = "text/html", Content = page.Bytes });
            words += result.Article?.Body.Length ?? 0;
        }

        return words;
    }
}
