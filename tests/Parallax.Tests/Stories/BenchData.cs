using System.Text.Json;
using Parallax.Model;

namespace Parallax.Tests.Stories;

/// <summary>Locates <c>../shared/bench</c> beside the repository root and reads the ECB+ story files.</summary>
internal static class BenchData
{
    public static string? SharedRoot() => TestPaths.Shared;

    public static string? EcbPlus(string split)
    {
        var root = SharedRoot();
        if (root is null)
        {
            return null;
        }

        var path = Path.Combine(root, "bench", "stories", $"ecbplus-{split}.jsonl");
        return File.Exists(path) ? path : null;
    }

    public static List<(Article Article, string Story)> ReadEcbPlus(string path)
    {
        var list = new List<(Article, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var id = e.GetProperty("id").GetString()!;
            var article = new Article
            {
                Id = id,
                Source = path + "#" + id,
                Url = e.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null,
                Title = e.GetProperty("title").GetString(),
                Body = e.GetProperty("text").GetString()!,
            };
            list.Add((article, e.GetProperty("story").GetString()!));
        }

        return list;
    }
}
