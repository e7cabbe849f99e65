using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Spectre.Console;

namespace Parallax.Cli;

/// <summary>Runs an ingest over paths with a progress bar on a terminal and one stderr line per rejection.</summary>
internal static class IngestRun
{
    public static async Task<IngestSummary> RunAsync(CliConsole console, Engine engine, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count == paths.Count)
        {
            throw new UsageException($"no such file or folder: {string.Join(", ", missing)}");
        }

        var source = new FileSource(paths, new FileSourceOptions());
        if (!console.ErrorIsTerminal)
        {
            return await engine.IngestAsync(source, new SyncProgress(o => Report(console, o)), ct).ConfigureAwait(false);
        }

        var total = paths.Sum(CountFiles);
        IngestSummary summary = new(0, 0, 0, 0);
        await CliConsole.ProgressConsole().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("ingesting", maxValue: Math.Max(1, total));
                string? lastFile = null;
                summary = await engine.IngestAsync(source, new SyncProgress(o =>
                {
                    var file = o.Source.Split('#')[0];
                    if (file != lastFile)
                    {
                        lastFile = file;
                        task.Increment(1);
                        task.Description = Markup.Escape(Path.GetFileName(file));
                    }

                    Report(console, o);
                }), ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return summary;
    }

    /// <summary>The stderr line for a rejected input, the same in every command.</summary>
    public static string Describe(Rejection rejection) =>
        $"rejected {rejection.Source}: {rejection.Reason}{(rejection.Detail is null ? "" : $" ({rejection.Detail})")}";

    public static Task WriteRejectionAsync(CliConsole console, Rejection rejection) => console.Error.WriteLineAsync(Describe(rejection));

    private static void Report(CliConsole console, IngestOutcome outcome)
    {
        if (outcome.Rejection is { } rejection)
        {
            console.Error.WriteLine(Describe(rejection));
        }
    }

    private static int CountFiles(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Count() : 1;

    // Progress<T> posts to the thread pool; reports here must run inline, in order.
    private sealed class SyncProgress(Action<IngestOutcome> action) : IProgress<IngestOutcome>
    {
        public void Report(IngestOutcome value) => action(value);
    }
}
