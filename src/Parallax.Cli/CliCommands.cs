using System.CommandLine;
using Parallax.Extract;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Cli;

/// <summary>The command tree. Each action parses its values, calls the library and formats the result.</summary>
internal static class CliCommands
{
    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];

    public static RootCommand Build(CliConsole console)
    {
        var db = new Option<string>("--db")
        {
            Description = "SQLite database file",
            DefaultValueFactory = _ => "parallax.db",
            Recursive = true,
            HelpName = "PATH",
        };

        var root = new RootCommand("Parallax: who said what, who reported it first and through whom, and how each outlet's version differs.");
        root.Options.Add(db);
        root.Subcommands.Add(Ingest(console, db));
        root.Subcommands.Add(Analyze(console));
        root.Subcommands.Add(Extract(console));
        root.Subcommands.Add(Stories(console, db));
        root.Subcommands.Add(Show(console, db));
        root.Subcommands.Add(Search(console, db));
        root.Subcommands.Add(Quotes(console, db));
        root.Subcommands.Add(Export(console, db));
        root.Subcommands.Add(EvalCommands.Build(console));
        root.Subcommands.Add(FetchCommands.Fetch(console, db));
        root.Subcommands.Add(FetchCommands.Watch(console, db));
        root.Subcommands.Add(ServeCommand.Build(console, db));
        return root;
    }

    private static Argument<string[]> Paths() => new("PATH")
    {
        Description = "Files or folders (searched recursively): .txt, .html, .htm, .html.gz, .jsonl",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<bool> KeepAll() => new("--keep-all") { Description = "Keep pages that are not articles (listings, forums) instead of rejecting them" };

    private static Option<string?> Out() => new("--out", "-o") { Description = "Write to this file instead of stdout", HelpName = "FILE" };

    private static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format", "-f") { Description = $"Output format: {string.Join(", ", allowed)}", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    private static Command Ingest(CliConsole console, Option<string> db)
    {
        var paths = Paths();
        var keepAll = KeepAll();
        var command = new Command("ingest", "Read articles into the database; the same input is stored once") { paths, keepAll };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await SqliteArticleStore.OpenAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var engine = await Engine.OpenAsync(store, Options(parse.GetValue(keepAll)), ct).ConfigureAwait(false);
            var summary = await IngestRun.RunAsync(console, engine, parse.GetValue(paths)!, ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(
                $"stored {summary.Stored}, already stored {summary.AlreadyStored}, rejected {summary.Rejected}, quotes {summary.Quotes}").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Analyze(CliConsole console)
    {
        var paths = Paths();
        var keepAll = KeepAll();
        var format = Format("md", "md", "json", "html");
        var output = Out();
        var command = new Command("analyze", "One-shot report over the inputs (a temporary database): stories, speakers, quotes, alignments")
        {
            paths, keepAll, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var temp = Path.Combine(Path.GetTempPath(), $"parallax-{Guid.NewGuid():N}.db");
            try
            {
                Report report;
                await using (var store = await SqliteArticleStore.OpenAsync(temp, ct).ConfigureAwait(false))
                {
                    var engine = await Engine.OpenAsync(store, Options(parse.GetValue(keepAll)), ct).ConfigureAwait(false);
                    await IngestRun.RunAsync(console, engine, parse.GetValue(paths)!, ct).ConfigureAwait(false);
                    report = await engine.BuildReportAsync(ct).ConfigureAwait(false);
                }

                await WriteOutputAsync(console, parse.GetValue(output), Render(report, parse.GetValue(format)!), ct).ConfigureAwait(false);
                return CliApp.Ok;
            }
            finally
            {
                foreach (var suffix in SqliteFileSuffixes)
                {
                    File.Delete(temp + suffix);
                }
            }
        });
        return command;
    }

    private static Command Extract(CliConsole console)
    {
        var paths = Paths();
        var keepAll = KeepAll();
        var format = Format("jsonl", "jsonl");
        var output = Out();
        var command = new Command("extract", "Extract clean articles (one JSON article per line) without storing them; every page gets a kind")
        {
            paths, keepAll, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var extractor = new ArticleExtractor(new ExtractOptions { KeepAll = parse.GetValue(keepAll) });
            var target = parse.GetValue(output);
            var writer = target is null ? console.Out : new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false));
            try
            {
                await foreach (var item in new FileSource(parse.GetValue(paths)!, new FileSourceOptions()).ReadAsync(ct).ConfigureAwait(false))
                {
                    var result = item.Document is { } doc ? extractor.Extract(doc) : ExtractionResult.Rejected(item.Rejection!.Source, item.Rejection.Reason, item.Rejection.Detail);
                    if (result.Article is { } article)
                    {
                        await writer.WriteLineAsync(ReportJson.SerializeLine(article)).ConfigureAwait(false);
                    }
                    else
                    {
                        await IngestRun.WriteRejectionAsync(console, result.Rejection!).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (target is not null)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Stories(CliConsole console, Option<string> db)
    {
        var command = new Command("stories", "List stories, newest first");
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenExistingAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var stories = await store.GetStoriesAsync(ct).ConfigureAwait(false);
            console.WriteTable(
                ["story", "first published", "articles", "outlets", "title"],
                stories.OrderByDescending(s => s.LastPublished, StringComparer.Ordinal)
                    .Select(s => (IReadOnlyList<string>)[s.Id, s.FirstPublished ?? "", s.Articles.Count.ToString(), string.Join(", ", s.Outlets), s.Title ?? ""]));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Show(CliConsole console, Option<string> db)
    {
        var story = new Argument<string>("STORY") { Description = "Story id (see 'parallax stories')" };
        var format = Format("md", "md", "json", "html");
        var output = Out();
        var command = new Command("show", "One story: its articles, speakers, quotes and the same statements across outlets") { story, format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenExistingAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var id = parse.GetValue(story)!;
            var report = await ReportBuilder.BuildStoryAsync(store, id, EngineInfo.Version, ct).ConfigureAwait(false)
                ?? throw new UsageException($"no story '{id}' (see 'parallax stories')");
            await WriteOutputAsync(console, parse.GetValue(output), Render(report, parse.GetValue(format)!), ct).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Search(CliConsole console, Option<string> db)
    {
        var query = new Argument<string>("QUERY") { Description = "FTS5 query: words, \"phrases\", AND/OR/NOT, prefix*" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most results to show", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over headlines and bodies") { query, limit };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenExistingAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var hits = await store.SearchAsync(parse.GetValue(query)!, parse.GetValue(limit), ct).ConfigureAwait(false);
            console.WriteTable(["article", "title", "snippet"], hits.Select(h => (IReadOnlyList<string>)[h.ArticleId, h.Title ?? "", h.Snippet]));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Quotes(CliConsole console, Option<string> db)
    {
        var speaker = new Option<string?>("--speaker", "-s") { Description = "Only quotes by this speaker (name or alias, case-insensitive)", HelpName = "NAME" };
        var storyOption = new Option<string?>("--story") { Description = "Only quotes in this story", HelpName = "STORY" };
        var format = Format("table", "table", "jsonl");
        var command = new Command("quotes", "Who said what: quotes with their speaker, cue and channels") { speaker, storyOption, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenExistingAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var selection = await QuoteQuery.RunAsync(store, parse.GetValue(speaker), parse.GetValue(storyOption), ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var (quote, _, _) in selection)
                {
                    await console.Out.WriteLineAsync(ReportJson.SerializeLine(quote)).ConfigureAwait(false);
                }

                return CliApp.Ok;
            }

            console.WriteTable(
                ["speaker", "outlet", "kind", "cue", "via", "quote"],
                selection.Select(s => (IReadOnlyList<string>)[
                    s.Speaker?.Name ?? s.Quote.SpeakerMention ?? "", s.Article?.Outlet ?? s.Quote.Article, s.Quote.Kind, s.Quote.Cue ?? "",
                    string.Join(" > ", s.Quote.Via), s.Quote.Text]));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliConsole console, Option<string> db)
    {
        var format = Format("json", "json", "jsonl", "csv");
        var what = new Option<string>("--what") { Description = "For jsonl and csv: which records", DefaultValueFactory = _ => "articles" };
        what.AcceptOnlyFromAmong("articles", "stories", "speakers", "quotes", "alignments", "rejected");
        var output = Out();
        var command = new Command("export", "Export the database: json (the whole report), jsonl or csv (one record type)") { format, what, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenExistingAsync(parse.GetValue(db)!, ct).ConfigureAwait(false);
            var engine = await Engine.OpenAsync(store, cancellationToken: ct).ConfigureAwait(false);
            var report = await engine.BuildReportAsync(ct).ConfigureAwait(false);
            var text = parse.GetValue(format) switch
            {
                "jsonl" => ExportFormats.Jsonl(report, parse.GetValue(what)!),
                "csv" => ExportFormats.Csv(report, parse.GetValue(what)!),
                _ => ReportJson.Serialize(report) + "\n",
            };
            await WriteOutputAsync(console, parse.GetValue(output), text, ct).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    // json is the contract plus the added "coverage" field; md and html are for people.
    private static string Render(Report report, string format) => format switch
    {
        "json" => CoverageReport.Serialize(report) + "\n",
        "html" => HtmlReportWriter.Write(report),
        _ => MarkdownReportWriter.Write(report),
    };

    private static EngineOptions Options(bool keepAll) => new() { Extract = new ExtractOptions { KeepAll = keepAll } };

    // Reading commands never create an empty database by accident.
    private static async Task<SqliteArticleStore> OpenExistingAsync(string path, CancellationToken ct) =>
        File.Exists(path)
            ? await SqliteArticleStore.OpenAsync(path, ct).ConfigureAwait(false)
            : throw new UsageException($"no database at '{path}': run 'parallax ingest PATH' first, or pass --db");

    private static async Task WriteOutputAsync(CliConsole console, string? path, string text, CancellationToken ct)
    {
        if (path is null)
        {
            await console.Out.WriteAsync(text).ConfigureAwait(false);
            return;
        }

        await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false), ct).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
    }
}
