using System.CommandLine;
using System.Runtime.InteropServices;
using Parallax.Ingest;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Cli;

/// <summary><c>parallax fetch</c> and <c>parallax watch</c>: the network sources, wired to the engine. No logic of their own.</summary>
internal static class FetchCommands
{
    public static Command Fetch(CliConsole console, Option<string> db)
    {
        var targets = new Argument<string[]>("URL")
        {
            Description = "Pages, feeds, sitemaps or robots.txt addresses, or .urls files (one address per line)",
            Arity = ArgumentArity.OneOrMore,
        };
        var warc = new Option<string?>("--warc") { Description = "Also archive every response to this WARC file", HelpName = "FILE" };
        var allowPrivate = AllowPrivate();
        var command = new Command("fetch", "Fetch addresses (feeds and sitemaps expand to their articles) and ingest them") { targets, warc, allowPrivate };
        command.SetAction(async (parse, ct) =>
        {
            var urls = new List<Uri>();
            foreach (var target in parse.GetValue(targets)!)
            {
                urls.AddRange(await ReadTargetAsync(console, target, ct).ConfigureAwait(false));
            }

            var warcPath = parse.GetValue(warc);
            await using var warcFile = warcPath is null ? null : new FileStream(warcPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            await using var writer = warcFile is null ? null : WarcWriter.Create(warcFile, leaveOpen: true);
            using var recorder = writer is null ? null : new WarcExchangeRecorder(writer);
            using var fetcher = new HttpFetcher(new HttpFetcherOptions { AllowPrivate = parse.GetValue(allowPrivate), Recorder = recorder });
            await using var store = await SqliteArticleStore.OpenAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var engine = await Engine.OpenAsync(store, cancellationToken: ct).ConfigureAwait(false);
            var tally = new Tally(console);
            await engine.IngestAsync(new UrlFetchSource(urls, fetcher), tally, ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(tally.Summary()).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    public static Command Watch(CliConsole console, Option<string> db)
    {
        var sources = new Argument<string>("SOURCES_FILE") { Description = "Feed, sitemap or robots.txt addresses, one per line (# comments)" };
        var allowPrivate = AllowPrivate();
        var once = new Option<bool>("--once") { Description = "Poll the sources that are due once, then exit" };
        var command = new Command("watch", "Poll feeds and sitemaps continuously and ingest new articles; Ctrl-C stops, a re-run resumes")
        {
            sources, allowPrivate, once,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(sources)!;
            if (!File.Exists(file))
            {
                throw new UsageException($"no such file: {file}");
            }

            var (urls, invalid) = await UrlList.ReadFileAsync(file, ct).ConfigureAwait(false);
            foreach (var line in invalid)
            {
                await console.Error.WriteLineAsync($"skipped (not an http(s) address): {line}").ConfigureAwait(false);
            }

            if (urls.Count == 0)
            {
                throw new UsageException($"{file} lists no http(s) addresses");
            }

            using var fetcher = new HttpFetcher(new HttpFetcherOptions { AllowPrivate = parse.GetValue(allowPrivate) });
            await using var store = await SqliteArticleStore.OpenAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var engine = await Engine.OpenAsync(store, cancellationToken: ct).ConfigureAwait(false);
            var tally = new Tally(console);
            var watch = new WatchSource(urls, fetcher, store, new WatchOptions { SinglePass = parse.GetValue(once) }, new WatchProgress(console));

            // Ctrl-C and SIGTERM end the watch through its token: the item in hand finishes, the summary prints.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await console.Error.WriteLineAsync($"watching {urls.Count} source(s); Ctrl-C stops").ConfigureAwait(false);
            try
            {
                await engine.IngestAsync(watch, tally, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("stopped; state saved, a re-run resumes").ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync(tally.Summary()).ConfigureAwait(false);
            return CliApp.Ok;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }

    private static Option<bool> AllowPrivate() =>
        new("--allow-private") { Description = "Allow private, loopback and link-local addresses (refused by default against SSRF)" };

    private static async Task<IReadOnlyList<Uri>> ReadTargetAsync(CliConsole console, string target, CancellationToken ct)
    {
        if (UrlList.IsUrlListFile(target) && File.Exists(target))
        {
            var (urls, invalid) = await UrlList.ReadFileAsync(target, ct).ConfigureAwait(false);
            foreach (var line in invalid)
            {
                await console.Error.WriteLineAsync($"skipped (not an http(s) address): {line}").ConfigureAwait(false);
            }

            return urls;
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && HttpAddressGuard.IsAllowedScheme(uri)
            ? [uri]
            : throw new UsageException($"not an http(s) address or a .urls file: {target}");
    }

    /// <summary>Counts outcomes as they come (a watch never returns a summary) and reports each on stderr.</summary>
    private sealed class Tally(CliConsole console) : IProgress<IngestOutcome>
    {
        private int _stored;
        private int _already;
        private int _rejected;

        public void Report(IngestOutcome value)
        {
            switch (value.Status)
            {
                case IngestStatus.Stored:
                    _stored++;
                    console.Error.WriteLine($"stored {value.Source}: {value.Article?.Title}");
                    break;
                case IngestStatus.AlreadyStored:
                    _already++;
                    break;
                default:
                    _rejected++;
                    console.Error.WriteLine(value.Rejection is { } rejection ? IngestRun.Describe(rejection) : $"rejected {value.Source}");
                    break;
            }
        }

        public string Summary() => $"stored {_stored}, already stored {_already}, rejected {_rejected}";
    }

    private sealed class WatchProgress(CliConsole console) : IProgress<WatchEvent>
    {
        public void Report(WatchEvent value) => console.Error.WriteLine(value.Kind switch
        {
            WatchEventKind.Polled => $"polled {value.Source}: {value.NewItems} new, next poll {Time(value.NextPoll)}",
            WatchEventKind.NotModified => $"polled {value.Source}: not modified, next poll {Time(value.NextPoll)}",
            WatchEventKind.Failed => $"failed {value.Source}: {value.Detail}; next poll {Time(value.NextPoll)}",
            WatchEventKind.ItemDeferred => $"deferred {value.Detail}",
            _ => $"waiting until {Time(value.NextPoll)}",
        });

        private static string Time(DateTimeOffset? t) => t?.ToLocalTime().ToString("HH:mm:ss") ?? "-";
    }
}
