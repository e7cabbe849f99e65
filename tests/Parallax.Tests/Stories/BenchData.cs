
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
}
