using System.IO.Compression;
using System.Text;
using Parallax.Evaluation;

namespace Parallax.Bench;

/// <summary>wcxb-dev pages loaded into memory, so benchmarks time extraction and not gzip or disk.</summary>
internal sealed record WcxbPage(GoldPage Gold, byte[] Bytes, string Html);

internal static class WcxbPages
{
    public static string? Folder
    {
        get
        {
            var path = Path.Combine(BenchPaths.Shared, "bench", "extraction", "wcxb-dev");
            return Directory.Exists(path) ? path : null;
        }
    }

    public static List<WcxbPage> Load(int? limit)
    {
        var folder = Folder ?? throw new InvalidOperationException("../shared/bench/extraction/wcxb-dev is absent");
        var pages = new List<WcxbPage>();
        foreach (var gold in ExtractionEvaluation.LoadGold(folder, limit))
        {
            using var gzip = new GZipStream(File.OpenRead(gold.HtmlPath), CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            var bytes = memory.ToArray();
            pages.Add(new WcxbPage(gold, bytes, Encoding.UTF8.GetString(bytes)));
        }

        return pages;
    }
}
