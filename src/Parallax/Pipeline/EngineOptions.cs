using Parallax.Extract;

namespace Parallax.Pipeline;

/// <summary>Everything that tunes a run of the engine. Defaults are the documented defaults of each stage.</summary>
public sealed record EngineOptions
{
    public ExtractOptions Extract { get; init; } = new();

    /// <summary>Threads extracting ahead of the sequential stages in a source ingest. Default: one per core.</summary>
    public int ExtractionParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Version string written into reports.</summary>
    public string Version { get; init; } = EngineInfo.Version;
}

public static class EngineInfo
{
    /// <summary>The program version, from the assembly (Directory.Build.props sets it).</summary>
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
