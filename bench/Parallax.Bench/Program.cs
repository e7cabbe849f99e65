using BenchmarkDotNet.Running;

namespace Parallax.Bench;

internal static class Program
{
    // Our own modes: `extraction-pages [N]` (per-page timing and quality against SmartReader), `warc-ingest [N]`
    // (WARC to store end to end), `story-stream [N...]` (dedup and clustering on a generated stream), `serve-load [N] [SECONDS] [CLIENTS]`
    // (the HTTP API under concurrent load over a synthetic store), `serve-load profile DIR` (where one search's time goes, on a
    // kept serve-load store). Anything else
    // goes to BenchmarkDotNet (`--filter '*Pipeline*'`, `--filter '*Extraction*'`, `--job short`).
    private static void Main(string[] args)
    {
        if (args is ["extraction-pages", ..])
        {
            ExtractionPages.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : null);
            return;
        }

        if (args is ["warc-ingest", ..])
        {
            WarcBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
            return;
        }

        if (args is ["story-stream", ..])
        {
            StoryStream.Run(args.Length > 1 ? args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList() : [20_000, 200_000]);
            return;
        }

        if (args is ["serve-load", "profile", var kept])
        {
            ServeLoad.Profile(kept);
            return;
        }

        if (args is ["serve-load", ..])
        {
            var numbers = args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            ServeLoad.Run(numbers.Count > 0 ? numbers[0] : 100_000, numbers.Count > 1 ? numbers[1] : 30, numbers.Count > 2 ? numbers[2] : 50);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
