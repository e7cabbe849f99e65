using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Parallax.Evaluation;
using Parallax.Ingest;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Bench;

/// <summary>
/// `warc-ingest [N]`: WARC to store end to end. Builds an N-record <c>.warc.gz</c> (default 10,000) with
/// <see cref="WarcWriter"/>, cycling through the wcxb-dev pages and samples/html under distinct URLs, then runs the
/// real engine over <see cref="FileSource"/> into a fresh SQLite store, printing throughput, outcomes and peak
/// working set at checkpoints. Bodies repeat once the pages are used up, so later copies are rejected as duplicates
/// by content hash: stored and rejected are reported apart.
/// </summary>
internal static class WarcBench
{
    private static readonly DateTimeOffset CrawlDate = new(2024, 5, 6, 0, 0, 0, TimeSpan.Zero);

    public static void Run(int records) => RunAsync(records).GetAwaiter().GetResult();

    private static async Task RunAsync(int records)
    {
        var folder = Path.Combine(Path.GetTempPath(), "parallax-warc-bench");
        Directory.CreateDirectory(folder);
        var archive = Path.Combine(folder, $"archive-{records}.warc.gz");
        if (File.Exists(archive))
        {
            // Built by an earlier run: reusing it keeps the build's page set out of this process's peak working set.
            Console.WriteLine($"archive: {archive} (reused), {new FileInfo(archive).Length / 1024.0 / 1024.0:0.0} MB; delete it to rebuild");
        }
        else
        {
            var clock = Stopwatch.StartNew();
            var pages = LoadPages();
            await BuildAsync(archive + ".part", pages, records);
            File.Move(archive + ".part", archive);
            Console.WriteLine($"archive: {archive}, {records:N0} records from {pages.Count:N0} distinct pages, {new FileInfo(archive).Length / 1024.0 / 1024.0:0.0} MB, built in {clock.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine("// peak working set below includes the build; run again to measure the ingest alone");
            pages.Clear();
            GC.Collect();
        }

        var db = Path.Combine(folder, $"store-{Guid.NewGuid():N}.db");
        try
        {
            await using var store = await SqliteArticleStore.OpenAsync(db);
            var engine = await Engine.OpenAsync(store);
            var source = new FileSource([archive], new FileSourceOptions());
            var progress = new Checkpoints(records);
            var summary = await engine.IngestAsync(source, progress);
            progress.Print(force: true);
            Console.WriteLine("time per outcome (source read + extraction for all; + dedup, quotes, stories, alignment, SQLite when stored):");
            foreach (var (outcome, (count, ms)) in progress.TimeByOutcome.OrderByDescending(o => o.Value.Ms))
            {
                Console.WriteLine($"  {outcome,-14} {count,6:N0} x {ms / count,7:0.0} ms = {ms / 1000,6:0.0} s");
            }

            Console.WriteLine($"summary: stored {summary.Stored:N0}, rejected {summary.Rejected:N0}, already stored {summary.AlreadyStored:N0}, quotes {summary.Quotes:N0}; WARC {source.WarcSkipped}");
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }

    private static List<(string Name, byte[] Html)> LoadPages()
    {
        var pages = new List<(string, byte[])>();
        // A git worktree has no ../shared beside it: PARALLAX_SHARED names it, as for the tests.
        var folder = Environment.GetEnvironmentVariable("PARALLAX_SHARED") is { Length: > 0 } shared
            ? Path.Combine(shared, "bench", "extraction", "wcxb-dev")
            : WcxbPages.Folder;
        if (folder is not null && Directory.Exists(folder))
        {
            foreach (var gold in ExtractionEvaluation.LoadGold(folder))
            {
                using var gzip = new GZipStream(File.OpenRead(gold.HtmlPath), CompressionMode.Decompress);
                using var memory = new MemoryStream();
                gzip.CopyTo(memory);
                pages.Add((gold.Id, memory.ToArray()));
            }
        }
        else
        {
            Console.WriteLine("// wcxb-dev is absent (set PARALLAX_SHARED): samples/html only");
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(BenchPaths.Samples, "html")).Order(StringComparer.Ordinal))
        {
            pages.Add((Path.GetFileNameWithoutExtension(file), File.ReadAllBytes(file)));
        }

        return pages;
    }

    private static async Task BuildAsync(string path, List<(string Name, byte[] Html)> pages, int records)
    {
        var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = WarcWriter.Create(output);
        KeyValuePair<string, string>[] headers = [new("Content-Type", "text/html"), new("Server", "bench")];
        for (var i = 0; i < records; i++)
        {
            var (name, html) = pages[i % pages.Count];
            await writer.WriteResponseAsync(new Uri($"https://bench.example/{i / pages.Count}/{Uri.EscapeDataString(name)}"), 200, headers, html, CrawlDate.AddSeconds(i));
        }
    }

    /// <summary>Prints at 25%, 50% and 100% of the records; called inline by the engine, once per input.</summary>
    private sealed class Checkpoints(int total) : IProgress<IngestOutcome>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly int[] _marks = [total / 4, total / 2, total];
        private int _next;
        private int _seen;
        private int _stored;
        private int _rejected;

        public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

        /// <summary>Wall time from the previous outcome to this one, by outcome: read + extract (+ the rest when stored).</summary>
        public Dictionary<string, (int Count, double Ms)> TimeByOutcome { get; } = new(StringComparer.Ordinal);

        private TimeSpan _last;

        public void Report(IngestOutcome value)
        {
            var now = _clock.Elapsed;
            var key = value.Status == IngestStatus.Rejected ? value.Rejection?.Reason ?? "?" : value.Status.ToString();
            var (count, ms) = TimeByOutcome.GetValueOrDefault(key);
            TimeByOutcome[key] = (count + 1, ms + (now - _last).TotalMilliseconds);
            _last = now;
            _seen++;
            if (value.Status == IngestStatus.Stored)
            {
                _stored++;
            }
            else if (value.Status == IngestStatus.Rejected)
            {
                _rejected++;
                var reason = value.Rejection?.Reason ?? "?";
                Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
            }

            Print(force: false);
        }

        public void Print(bool force)
        {
            if (_next >= _marks.Length || (!force && _seen < _marks[_next]))
            {
                return;
            }

            _next++;
            using var process = Process.GetCurrentProcess();
            var seconds = _clock.Elapsed.TotalSeconds;
            var reasons = new StringBuilder();
            foreach (var (reason, count) in Reasons.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                reasons.Append($" {reason}={count}");
            }

            Console.WriteLine(
                $"{_seen,6:N0} records  {seconds,6:0.0} s  {_seen / seconds,6:0.0} records/s  stored {_stored:N0} ({_stored / seconds:0.0}/s)  rejected {_rejected:N0}:{reasons}  " +
                $"working set {process.WorkingSet64 / 1024 / 1024} MB, peak {process.PeakWorkingSet64 / 1024 / 1024} MB, GC heap {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        }
    }
}
