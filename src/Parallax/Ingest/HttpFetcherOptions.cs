namespace Parallax.Ingest;

/// <summary>How the fetcher behaves on the network. Defaults are polite to publishers and safe for the host running us.</summary>
public sealed record HttpFetcherOptions
{
    public const string DefaultUserAgent = "Parallax/0.1 (+https://github.com/parallax-news/parallax)";

    /// <summary>Sent with every request; its product token (<c>Parallax</c>) is what robots.txt groups are matched on.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>
    /// Allow private, loopback, link-local, CGNAT, unique-local and multicast targets. Off by default: a feed or a
    /// redirect must not make us reach the machine's own services or the local network (SSRF).
    /// </summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Largest body read, after decompression; the same 10 MB cap the extractor applies.</summary>
    public long MaxBodyBytes { get; init; } = FileSourceOptions.DefaultMaxBytes;

    /// <summary>Redirect hops followed per fetch; browsers allow about 20, news sites rarely chain more than 3.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Time to establish a TCP (and TLS) connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for one request from sending to the last body byte.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Further attempts after a 429, a 5xx or a network error.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff step; it doubles per attempt, with jitter between half and the full step.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait honoured (from Retry-After or backoff); a server asking for more is given up on for now.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Requests in flight to one host at a time.</summary>
    public int MaxConcurrencyPerHost { get; init; } = 2;

    /// <summary>Least time between the starts of two requests to one host; a longer robots.txt Crawl-delay wins.</summary>
    public TimeSpan MinHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Crawl-delay beyond this is capped: a site asking for an hour per page would stall a watch.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    public bool ObeyRobots { get; init; } = true;

    /// <summary>How long a host's robots.txt is trusted; RFC 9309 suggests at most 24 hours.</summary>
    public TimeSpan RobotsCacheDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Connections are recycled after this long so DNS changes are seen.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock for politeness and backoff waits and for the robots cache; timeouts always use wall time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seed of the backoff jitter; null draws a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>
    /// The guard's decision per address; tests replace it to pretend one loopback address is forbidden while another
    /// serves them. Only consulted when <see cref="AllowPrivate"/> is off.
    /// </summary>
    internal Func<System.Net.IPAddress, string?> AddressPolicy { get; init; } = HttpAddressGuard.RefusalReason;

    /// <summary>Told about every response received (each hop, each attempt): the hook a WARC writer archives from.</summary>
    public IHttpExchangeRecorder? Recorder { get; init; }
}

/// <summary>One response as received: what a WARC writer needs to archive exactly what was fetched.</summary>
/// <param name="Body">The body as read, after HTTP content decoding (the Content-Encoding header is kept as sent).</param>
public sealed record HttpExchange(
    Uri RequestUri,
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    int StatusCode,
    string ReasonPhrase,
    Version HttpVersion,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset FetchedAt,
    string? RemoteAddress);

/// <summary>Receives each exchange the fetcher completes. Called from the fetching flow: keep it fast.</summary>
public interface IHttpExchangeRecorder
{
    ValueTask RecordAsync(HttpExchange exchange, CancellationToken cancellationToken);
}
