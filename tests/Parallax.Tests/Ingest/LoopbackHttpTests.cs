namespace Parallax.Tests.Ingest;

/// <summary>
/// Tests that talk to <see cref="HttpTestServer"/> run alone, after the parallel ones. Run beside the whole suite on
/// 2 cores (browser, subprocess and web-host tests), one of them failed after 19 s in one full run (another one in an
/// earlier session) and passed on every run by itself: the fetcher's timing must not depend on what else the suite does.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoopbackHttpTests
{
    public const string Name = "Loopback HTTP server";
}
