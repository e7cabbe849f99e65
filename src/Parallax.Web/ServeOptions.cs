using Parallax.Ingest;
using Parallax.Pipeline;

namespace Parallax.Web;

/// <summary>How <c>parallax serve</c> runs.</summary>
public sealed record ServeOptions
{
    /// <summary>Shortest API key accepted: 16 characters keep a key out of reach of guessing under the write rate limit.</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>SQLite database to serve. Default: <c>parallax.db</c> in the working folder, like the other commands.</summary>
    public string DatabasePath { get; init; } = "parallax.db";

    /// <summary>Addresses to listen on (<c>;</c>-separated). Loopback only by default: exposing the server is a deliberate choice.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Allows listening on addresses other than loopback. Without an <see cref="ApiKey"/> such a server is read-only:
    /// writes are refused whatever the address.
    /// </summary>
    public bool AllowRemote { get; init; }

    /// <summary>The key writes must carry in <c>X-Api-Key</c>. Null: every write is refused (403) and reads stay open.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Largest request body. Default 32 MiB: a few inputs of the 10 MiB a single input may have
    /// (<see cref="FileSourceOptions.DefaultMaxBytes"/>); larger batches belong to <c>parallax ingest</c>.
    /// </summary>
    public long MaxRequestBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Files one upload may carry.</summary>
    public int MaxUploadFiles { get; init; } = 100;

    /// <summary>Addresses one <c>{"urls": [...]}</c> ingest may list: each is fetched politely, one host at a time.</summary>
    public int MaxIngestUrls { get; init; } = 100;

    /// <summary>Write requests a client (remote address) may make per <see cref="WriteWindow"/>; more get 429.</summary>
    public int WriteRequestsPerWindow { get; init; } = 10;

    public TimeSpan WriteWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How ingest by URL fetches: robots.txt obeyed, private addresses refused (SSRF), per-host politeness.</summary>
    public HttpFetcherOptions Fetcher { get; init; } = new();

    public EngineOptions Engine { get; init; } = new();

    /// <summary>
    /// Latest stories whose JSON (with its coverage analysis) is prepared in the background at start; 0 disables.
    /// 500 covers the stories a front page and its next pages link to.
    /// </summary>
    public int WarmStories { get; init; } = 500;

    /// <summary>The clock that stamps when each article was first ingested (tests give a fixed one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
