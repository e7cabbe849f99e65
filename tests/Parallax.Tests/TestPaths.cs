namespace Parallax.Tests;

/// <summary>Locates the repository and the shared data beside it (<c>../shared</c>), which CI provides.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>
    /// The shared folder (<c>../shared</c> beside the repository; <c>PARALLAX_SHARED</c> overrides it for git
    /// worktrees), or null when absent: tests that need it then return early with a message.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("PARALLAX_SHARED") is { Length: > 0 } overridden
                ? overridden
                : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string Samples => Path.Combine(RepoRoot, "samples");

    public const string SharedMissing = "SKIPPED: ../shared is absent; this test needs the shared seeds or benchmark data.";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parallax.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parallax-test-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
