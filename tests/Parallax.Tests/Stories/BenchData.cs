using System.Text.Json;
using Parallax.Model;

namespace Parallax.Tests.Stories;

/// <summary>Locates <c>../shared/bench</c> beside the repository root and reads the ECB+ story files.</summary>
internal static class BenchData
{
    /// <summary>
    /// <c>../shared</c> relative to the folder holding <c>Parallax.slnx</c>. <c>PARALLAX_SHARED</c> overrides it for
    /// git worktrees, whose root sits one level deeper than the main checkout.
    /// </summary>
    public static string? SharedRoot()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SHARED") is { Length: > 0 } overridden)
        {
            return Directory.Exists(overridden) ? overridden : null;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

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
