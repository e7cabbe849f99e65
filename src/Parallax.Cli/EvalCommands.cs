using System.CommandLine;
using System.Diagnostics;
using Parallax.Evaluation;
using Parallax.Extract;

namespace Parallax.Cli;

/// <summary><c>parallax eval ...</c>: quality measured on gold data, printed as a table.</summary>
internal static class EvalCommands
{
    public static Command Build(CliConsole console)
    {
        var eval = new Command("eval", "Measure quality on gold data (see ../shared/bench/README.md)");
        eval.Subcommands.Add(Extraction(console));
        eval.Subcommands.Add(Stories(console));
        eval.Subcommands.Add(Quotes(console));
        eval.Subcommands.Add(Dedup(console));
        eval.Subcommands.Add(Compare(console));
        return eval;
    }

    private static Command Extraction(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "Folder laid out like ../shared/bench/extraction/wcxb-dev (html/, ground-truth/)", Required = true, HelpName = "DIR" };
        var limit = new Option<int?>("--limit") { Description = "Only the first N pages" };
        var parallel = new Option<int>("--parallel") { Description = "Pages extracted at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var pages = new Option<string?>("--pages") { Description = "Also write per-page scores as TSV to this file", HelpName = "FILE" };
        var command = new Command("extraction", "Body F1/precision/recall overall and per page type; title, author, date accuracy; snippet rates")
        {
            gold, limit, parallel, pages,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"no such folder: {dir}");
            }

            var set = ExtractionEvaluation.LoadGold(dir, parse.GetValue(limit));
            var clock = Stopwatch.StartNew();
            var report = ExtractionEvaluation.Run(set, new ExtractOptions(), parse.GetValue(parallel));
            clock.Stop();

            var rows = new List<IReadOnlyList<string>> { Row("all", report.Overall) };
            rows.AddRange(report.ByPageType.Select(kv => Row(kv.Key, kv.Value)));
            console.WriteTable(["pages", "n", "F1", "precision", "recall", "title", "author", "date", "with", "without", "rejected"], rows);
            console.WriteTable(KindConfusion.Header, report.Kinds.Rows());
            await console.Error.WriteLineAsync($"{set.Count} pages in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);

            if (parse.GetValue(pages) is { } file)
            {
                await using var writer = new StreamWriter(file);
                await writer.WriteLineAsync("id\ttype\tf1\tprecision\trecall\ttitle\tauthor\tdate\trejected").ConfigureAwait(false);
                foreach (var p in report.Pages)
                {
                    await writer.WriteLineAsync(
                        $"{p.Id}\t{p.PageType}\t{p.Body.F1:0.000}\t{p.Body.Precision:0.000}\t{p.Body.Recall:0.000}\t{p.TitleOk}\t{p.AuthorOk}\t{p.DateOk}\t{p.Rejected}\t{p.Kind}").ConfigureAwait(false);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Stories(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "JSONL laid out like ../shared/bench/stories/ecbplus-dev.jsonl", Required = true, HelpName = "FILE" };
        var sweep = new Option<int?>("--sweep") { Description = "Tune instead: run the clustering grid and print the best N settings (use on ecbplus-train)", HelpName = "N" };
        var command = new Command("stories", "Online story clustering (pairwise and BCubed P/R/F1) and silver quote-pair alignment recall") { gold, sweep };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(gold)!;
            if (!File.Exists(file))
            {
                throw new UsageException($"no such file: {file}");
            }

            var set = StoryEvaluation.LoadGold(file);
            var clock = Stopwatch.StartNew();
            if (parse.GetValue(sweep) is { } top)
            {
                var rows = StoryEvaluation.Sweep(set);
                console.WriteTable(
                    ["threshold", "entity weight", "merge", "year match", "year mismatch", "weekday match", "weekday mismatch", "number match", "number mismatch", "young margin", "stories", "pairwise P", "pairwise R", "pairwise F1", "BCubed P", "BCubed R", "BCubed F1", "objective"],
                    rows.Take(top).Select(r => (IReadOnlyList<string>)[
                        F(r.Threshold), F(r.EntityTermWeight), F(r.MergeThreshold), F(r.YearMatch), F(r.YearMismatch), F(r.Weekday.Match), F(r.Weekday.Mismatch), F(r.Number.Match), F(r.Number.Mismatch), F(r.YoungStoryMargin), r.Scores.PredictedStories.ToString(),
                        F(r.Scores.Pairwise.Precision), F(r.Scores.Pairwise.Recall), F(r.Scores.Pairwise.F1),
                        F(r.Scores.BCubed.Precision), F(r.Scores.BCubed.Recall), F(r.Scores.BCubed.F1), F(r.Objective)]));
                await console.Error.WriteLineAsync($"{rows.Count} settings in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
                return CliApp.Ok;
            }

            var s = StoryEvaluation.Cluster(set);
            var silver = StoryEvaluation.SilverAlignment(set);
            console.WriteTable(
                ["articles", "gold stories", "stories", "pairwise P", "pairwise R", "pairwise F1", "BCubed P", "BCubed R", "BCubed F1", "silver pairs", "aligned", "silver recall"],
                [[
                    s.Articles.ToString(), s.GoldStories.ToString(), s.PredictedStories.ToString(),
                    F(s.Pairwise.Precision), F(s.Pairwise.Recall), F(s.Pairwise.F1), F(s.BCubed.Precision), F(s.BCubed.Recall), F(s.BCubed.F1),
                    silver.SilverPairs.ToString(), silver.Aligned.ToString(), F(silver.Recall),
                ]]);
            await console.Error.WriteLineAsync($"{set.Count} articles in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Quotes(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "JSONL laid out like ../shared/bench/quotes/polnear-dev.jsonl", Required = true, HelpName = "FILE" };
        var show = new Option<int>("--show") { Description = "Print up to N mistakes at 30% coverage (missed gold, false predictions, wrong speakers) to stderr", DefaultValueFactory = _ => 0, HelpName = "N" };
        var command = new Command("quotes", "Quote finding (P/R/F1 at 30% and 80% content coverage), recall on quoted gold, speaker accuracy") { gold, show };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(gold)!;
            if (!File.Exists(file))
            {
                throw new UsageException($"no such file: {file}");
            }

            var set = QuoteEvaluation.LoadGold(file);
            var clock = Stopwatch.StartNew();
            var scores = QuoteEvaluation.Run(set, 0.3, 0.8);
            if (parse.GetValue(show) is > 0 and var count)
            {
                var extractor = new Parallax.Quotes.QuoteExtractor();
                var predicted = set.Select(g => extractor.Extract(g.Article).Quotes).ToList();
                foreach (var mistake in QuoteEvaluation.Mistakes(set, predicted, 0.3).Take(count))
                {
                    await console.Error.WriteLineAsync(DescribeMistake(mistake)).ConfigureAwait(false);
                }
            }

            console.WriteTable(
                ["coverage", "predicted", "gold", "precision", "recall", "F1", "quoted gold", "quoted recall", "speaker accuracy"],
                scores.Select(s => (IReadOnlyList<string>)[
                    s.Threshold.ToString("0.0"), s.Predictions.ToString(), s.Gold.ToString(), F(s.Precision), F(s.Recall), F(s.F1),
                    s.QuotedGold.ToString(), F(s.QuotedRecall), F(s.SpeakerAccuracy)]));
            await console.Error.WriteLineAsync($"{set.Count} articles in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static string DescribeMistake(QuoteMistake mistake)
    {
        var body = mistake.Article.Body;
        string Spans(IReadOnlyList<Parallax.Text.TextSpan> spans) =>
            string.Join(" … ", spans.Select(s => body.Substring(s.Start, s.End - s.Start)));
        var gold = mistake.Gold is { } g ? $"gold [{Spans(g.Source)}] {Spans(g.Content)}" : "";
        var predicted = mistake.Predicted is { } q ? $"predicted [{q.SpeakerMention ?? q.Speaker ?? "-"}] {q.Text}" : "";
        return $"{mistake.Kind}\t{mistake.Article.Id}\t{string.Join("\t", new[] { gold, predicted }.Where(t => t.Length > 0))}".ReplaceLineEndings(" ");
    }

    private static Command Dedup(CliConsole console)
    {
        var corpus = new Option<string[]>("--corpus")
        {
            Description = "JSONL corpora with text (and optional id, title, topic) to generate copies from, e.g. ../shared/bench/stories/ecbplus-train.jsonl",
            Required = true,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };
        var show = new Option<int>("--show") { Description = "Print up to N mistakes", DefaultValueFactory = _ => 0 };
        var command = new Command("dedup", "Near-duplicate precision and recall on a stream of copies generated from a corpus (paragraphs added/removed, headline rewritten, boilerplate swapped, truncated, re-encoded)")
        {
            corpus, seed, show,
        };
        command.SetAction(async (parse, ct) =>
        {
            var articles = new List<(Parallax.Model.Article, string?)>();
            foreach (var file in parse.GetValue(corpus)!)
            {
                if (!File.Exists(file))
                {
                    throw new UsageException($"no such file: {file}");
                }

                articles.AddRange(DedupEvaluation.LoadCorpus(file));
            }

            var stream = Parallax.Dedup.NearDuplicateSetGenerator.Generate(articles, parse.GetValue(seed));
            var clock = Stopwatch.StartNew();
            var left = parse.GetValue(show);
            var s = DedupEvaluation.Run(stream, (item, answer) =>
            {
                if (left-- > 0)
                {
                    console.Error.WriteLine($"{item.Kind}\t{item.Article.Id}\tanswer={answer ?? "-"}");
                }
            });
            clock.Stop();
            var rows = new List<IReadOnlyList<string>> { (IReadOnlyList<string>)["all", s.Copies.ToString(), s.Found.ToString(), F(s.Recall)] };
            rows.AddRange(s.ByKind.Select(k => (IReadOnlyList<string>)[k.Kind, k.Copies.ToString(), k.Found.ToString(), F(k.Copies == 0 ? 1 : (double)k.Found / k.Copies)]));
            console.WriteTable(["copies", "n", "found", "recall"], rows);
            console.WriteTable(
                ["articles", "originals", "copies", "same-topic pairs", "answers", "precision", "recall", "F1"],
                [[s.Articles.ToString(), s.Originals.ToString(), s.Copies.ToString(), s.SameTopicPairs.ToString(), s.Answers.ToString(), F(s.Precision), F(s.Recall), F(s.F1)]]);
            await console.Error.WriteLineAsync($"{s.Articles} articles in {clock.Elapsed.TotalSeconds:0.00} s").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Compare(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "Folder of compare gold files (tests/Parallax.Tests/testdata/compare)", Required = true, HelpName = "DIR" };
        var shared = new Option<string?>("--shared") { Description = "The shared folder for {shared}/ inputs (default: $PARALLAX_SHARED, else ../shared beside the repository)", HelpName = "DIR" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list wrong and missed alignments on stderr" };
        var command = new Command("compare", "Alignment precision (quote, claim, all) and recall of gold statement pairs, per gold file") { gold, shared, verbose };
        command.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(gold)!);
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"no such folder: {dir}");
            }

            var repo = RepoRootAbove(dir) ?? Directory.GetCurrentDirectory();
            var sharedDir = parse.GetValue(shared)
                ?? (Environment.GetEnvironmentVariable("PARALLAX_SHARED") is { Length: > 0 } env ? env : Path.Combine(repo, "..", "shared"));
            var rows = new List<IReadOnlyList<string>>();
            var clock = Stopwatch.StartNew();
            foreach (var g in CompareEvaluation.LoadGold(dir))
            {
                if (CompareEvaluation.ResolveInputs(g, repo, sharedDir) is not { } inputs)
                {
                    await console.Error.WriteLineAsync($"{g.Name}: inputs '{g.Inputs}' not found, skipped").ConfigureAwait(false);
                    continue;
                }

                Action<string>? log = parse.GetValue(verbose) ? line => console.Error.WriteLine($"{g.Name}: {line}") : null;
                var s = await CompareEvaluation.RunAsync(g, inputs, log, ct).ConfigureAwait(false);
                rows.Add([
                    s.Name, s.Articles.ToString(), s.Quotes.Predicted.ToString(), F(s.Quotes.Precision), s.Claims.Predicted.ToString(), F(s.Claims.Precision),
                    F(s.All.Precision), s.GoldPairs.ToString(), s.Recalled.ToString(), F(s.Recall), s.MissingMentions.ToString(),
                ]);
            }

            console.WriteTable(
                ["gold", "articles", "quote pairs", "quote P", "claim pairs", "claim P", "precision", "gold pairs", "recalled", "recall", "gold not found"],
                rows);
            await console.Error.WriteLineAsync($"{rows.Count} gold files in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static string? RepoRootAbove(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Parallax.slnx")))
            {
                return d.FullName;
            }
        }

        return null;
    }

    private static string[] Row(string name, ExtractionScores s) =>
    [
        name, s.Pages.ToString(), F(s.F1), F(s.Precision), F(s.Recall), F(s.TitleAccuracy), F(s.AuthorAccuracy), F(s.DateAccuracy),
        F(s.WithRate), F(s.WithoutRate), s.Rejected.ToString(),
    ];

    private static string F(double? value) => value is { } v ? v.ToString("0.000") : "-";
}
