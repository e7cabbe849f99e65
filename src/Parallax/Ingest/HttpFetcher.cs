using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Parallax.Ingest;

/// <summary>
/// The one way Parallax reads the web: one <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/> for the
/// fetcher's lifetime, with per-host politeness, robots.txt obeyed and cached, conditional GET, retries with
/// exponential backoff and jitter honouring Retry-After, timeouts, a body cap, our own redirect loop (so every hop is
/// checked) and an SSRF guard applied where the socket connects (so DNS cannot be used to slip past it).
/// Thread-safe: share one instance.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    /// <summary>Read size for bodies: the framework's default stream copy size.</summary>
    private const int ReadBufferBytes = 81_920;

    /// <summary>A robots.txt that could not be read is retried sooner than a good one expires.</summary>
    private static readonly TimeSpan FailedRobotsCacheDuration = TimeSpan.FromMinutes(5);

    private static readonly int[] RetryableStatuses = [429, 500, 502, 503, 504];

    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, HttpHostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RobotsEntry> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly Random _random;
    private readonly Lock _randomLock = new();

    public HttpFetcher(HttpFetcherOptions? options = null)
    {
        Options = options ?? new HttpFetcherOptions();
        _random = Options.RandomSeed is { } seed ? new Random(seed) : new Random();
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = Options.PooledConnectionLifetime,
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            ConnectTimeout = Options.ConnectTimeout,
            // A proxy would connect for us, out of the guard's sight; news fetching needs none.
            UseProxy = false,
            UseCookies = false,
            MaxConnectionsPerServer = Math.Max(1, Options.MaxConcurrencyPerHost),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(Options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    public HttpFetcherOptions Options { get; }

    /// <summary>
    /// Fetches <paramref name="uri"/>; with <paramref name="validators"/>, as a conditional GET that may answer
    /// <see cref="HttpFetchStatus.NotModified"/>. Never throws for network or server trouble, only when cancelled.
    /// </summary>
    public async Task<HttpFetchResult> FetchAsync(Uri uri, HttpValidators? validators = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return await FetchCoreAsync(uri, validators, Options.ObeyRobots, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The robots.txt of <paramref name="uri"/>'s origin, fetched once and cached.</summary>
    public async Task<RobotsTxt> GetRobotsAsync(Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var now = Options.TimeProvider.GetUtcNow();
        if (_robots.TryGetValue(origin, out var cached) && cached.Expires > now)
        {
            return cached.Robots;
        }

        var result = await FetchCoreAsync(new Uri(origin + "/robots.txt"), null, obeyRobots: false, cancellationToken).ConfigureAwait(false);
        var (robots, lifetime) = result.Status switch
        {
            HttpFetchStatus.Ok or HttpFetchStatus.TooLarge when result.Body.Length > 0 =>
                (RobotsTxt.Parse(Encoding.UTF8.GetString(result.Body.Span[..Math.Min(result.Body.Length, RobotsTxt.MaxBytes)])), Options.RobotsCacheDuration),
            HttpFetchStatus.Ok => (RobotsTxt.AllowAll, Options.RobotsCacheDuration),
            // RFC 9309 2.3.1.3: a 4xx robots.txt means no rules.
            HttpFetchStatus.HttpError when result.StatusCode is >= 400 and < 500 => (RobotsTxt.AllowAll, Options.RobotsCacheDuration),
            // RFC 9309 2.3.1.4: an unreachable robots.txt means a complete disallow, until it can be read.
            _ => (RobotsTxt.DisallowAll, FailedRobotsCacheDuration),
        };

        _robots[origin] = new RobotsEntry(robots, now + lifetime);
        var gate = Gate(uri);
        var crawlDelay = robots.CrawlDelay(Options.UserAgent) ?? TimeSpan.Zero;
        gate.Delay = TimeSpan.FromTicks(Math.Max(Options.MinHostDelay.Ticks, Math.Min(crawlDelay.Ticks, Options.MaxCrawlDelay.Ticks)));
        return robots;
    }

    private async Task<HttpFetchResult> FetchCoreAsync(Uri uri, HttpValidators? validators, bool obeyRobots, CancellationToken cancellationToken)
    {
        var current = uri;
        var requests = 0;
        for (var hop = 0; hop <= Options.MaxRedirects; hop++)
        {
            if (!HttpAddressGuard.IsAllowedScheme(current))
            {
                return Final(uri, current, HttpFetchStatus.Refused, requests, $"scheme '{current.Scheme}' is not fetched; only http and https are");
            }

            if (LiteralRefusal(current) is { } refusal)
            {
                return Final(uri, current, HttpFetchStatus.Refused, requests, refusal);
            }

            if (obeyRobots && current.AbsolutePath != "/robots.txt")
            {
                var robots = await GetRobotsAsync(current, cancellationToken).ConfigureAwait(false);
                if (!robots.IsAllowed(Options.UserAgent, current.PathAndQuery))
                {
                    return Final(uri, current, HttpFetchStatus.DisallowedByRobots, requests, $"robots.txt of {current.Host} disallows {current.PathAndQuery}");
                }
            }

            var outcome = await SendWithRetriesAsync(current, hop == 0 ? validators : null, cancellationToken).ConfigureAwait(false);
            requests += outcome.Requests;
            if (outcome.Redirect is { } next)
            {
                current = next;
                continue;
            }

            return outcome.Result! with { RequestedUri = uri, Requests = requests };
        }

        return Final(uri, current, HttpFetchStatus.TooManyRedirects, requests, $"more than {Options.MaxRedirects} redirects");
    }

    private async Task<Outcome> SendWithRetriesAsync(Uri uri, HttpValidators? validators, CancellationToken cancellationToken)
    {
        var gate = Gate(uri);
        for (var attempt = 0; ; attempt++)
        {
            Outcome outcome;
            using (await gate.EnterAsync(Options.TimeProvider, cancellationToken).ConfigureAwait(false))
            {
                outcome = await SendOnceAsync(uri, validators, cancellationToken).ConfigureAwait(false);
            }

            outcome = outcome with { Requests = attempt + 1 };
            if (!outcome.Retryable || attempt >= Options.MaxRetries)
            {
                return outcome;
            }

            var delay = outcome.RetryAfter ?? Backoff(attempt);
            if (delay > Options.MaxRetryDelay)
            {
                return outcome with
                {
                    Result = outcome.Result! with { Detail = $"server asked to wait {delay.TotalSeconds:0} s, more than the {Options.MaxRetryDelay.TotalSeconds:0} s limit" },
                };
            }

            await Task.Delay(delay, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var step = Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        double fraction;
        lock (_randomLock)
        {
            fraction = _random.NextDouble();
        }

        return TimeSpan.FromMilliseconds(Math.Min(step / 2 + (fraction * step / 2), TimeSpan.FromDays(1).TotalMilliseconds));
    }

    private async Task<Outcome> SendOnceAsync(Uri uri, HttpValidators? validators, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (validators?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                await RecordAsync(request, response, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                return response.Headers.Location is { } location
                    ? new Outcome(null, new Uri(uri, location))
                    : new Outcome(Final(uri, uri, HttpFetchStatus.HttpError, 1, "redirect without a Location header", status), null);
            }

            var responseValidators = new HttpValidators(
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture));
            if (status == 304)
            {
                await RecordAsync(request, response, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                var kept = responseValidators.IsEmpty ? validators ?? HttpValidators.None : responseValidators;
                return new Outcome(Final(uri, uri, HttpFetchStatus.NotModified, 1, null, status) with { Validators = kept }, null);
            }

            if (status is < 200 or > 299)
            {
                await RecordAsync(request, response, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                return new Outcome(Final(uri, uri, HttpFetchStatus.HttpError, 1, response.ReasonPhrase, status), null)
                {
                    Retryable = RetryableStatuses.Contains(status),
                    RetryAfter = RetryAfter(response),
                };
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > Options.MaxBodyBytes)
            {
                return new Outcome(Final(uri, uri, HttpFetchStatus.TooLarge, 1, $"declared length {declared} exceeds the {Options.MaxBodyBytes}-byte limit", status), null);
            }

            var body = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                return new Outcome(Final(uri, uri, HttpFetchStatus.TooLarge, 1, $"body exceeds the {Options.MaxBodyBytes}-byte limit", status), null);
            }

            await RecordAsync(request, response, body, cancellationToken).ConfigureAwait(false);
            return new Outcome(new HttpFetchResult
            {
                RequestedUri = uri,
                FinalUri = uri,
                Status = HttpFetchStatus.Ok,
                StatusCode = status,
                MediaType = response.Content.Headers.ContentType?.MediaType,
                Charset = response.Content.Headers.ContentType?.CharSet?.Trim('"'),
                Body = body,
                Validators = responseValidators,
                Requests = 1,
            }, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(Final(uri, uri, HttpFetchStatus.TimedOut, 1, $"no complete response within {Options.RequestTimeout.TotalSeconds:0.#} s"), null);
        }
        catch (Exception ex) when (Find<HttpAddressRefusedException>(ex) is { } refused)
        {
            return new Outcome(Final(uri, uri, HttpFetchStatus.Refused, 1, refused.Message), null);
        }
        catch (Exception ex) when (Find<InvalidDataException>(ex) is { } broken)
        {
            return new Outcome(Final(uri, uri, HttpFetchStatus.BrokenBody, 1, $"cannot decode the body: {broken.Message}"), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            return new Outcome(Final(uri, uri, HttpFetchStatus.NetworkError, 1, ex.Message), null) { Retryable = true };
        }
    }

    /// <summary>Reads the body up to the cap; null when it goes past it (reading stops there, the rest is never read).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
            try
            {
                using var output = new MemoryStream();
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (output.Length + read > Options.MaxBodyBytes)
                    {
                        return null;
                    }

                    output.Write(buffer, 0, read);
                }

                return output.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date, relative to our clock; null when absent or unreadable.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - Options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private async ValueTask RecordAsync(HttpRequestMessage request, HttpResponseMessage response, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (Options.Recorder is not { } recorder)
        {
            return;
        }

        var requestHeaders = new List<KeyValuePair<string, string>>();
        foreach (var header in _client.DefaultRequestHeaders.Concat(request.Headers))
        {
            requestHeaders.Add(new(header.Key, string.Join(", ", header.Value)));
        }

        var responseHeaders = new List<KeyValuePair<string, string>>();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            responseHeaders.Add(new(header.Key, string.Join(", ", header.Value)));
        }

        await recorder.RecordAsync(
            new HttpExchange(
                request.RequestUri!, request.Method.Method, requestHeaders, (int)response.StatusCode, response.ReasonPhrase ?? "",
                response.Version, responseHeaders, body, Options.TimeProvider.GetUtcNow(), null),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects where the guard allows: every resolved address is checked at connect time, so a redirect, a DNS
    /// answer that changed since the last lookup, or a name resolving to 127.0.0.1 cannot reach a refused address.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        string? lastRefusal = null;
        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            if (!Options.AllowPrivate && Options.AddressPolicy(address) is { } why)
            {
                lastRefusal = $"{host} resolves to {address}, a {why} address (use --allow-private to permit)";
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastError is not null)
        {
            throw lastError;
        }

        throw new HttpAddressRefusedException(lastRefusal ?? $"{host} has no address");
    }

    /// <summary>Refuses an IP-literal or localhost target before any robots.txt request is made for it.</summary>
    private string? LiteralRefusal(Uri uri)
    {
        if (Options.AllowPrivate)
        {
            return null;
        }

        var address = uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? literal : null;
        return address is not null && Options.AddressPolicy(address) is { } why
            ? $"{uri.Host} is a {why} address (use --allow-private to permit)"
            : null;
    }

    private HttpHostGate Gate(Uri uri) =>
        _gates.GetOrAdd(uri.IdnHost, static (_, o) => new HttpHostGate(Math.Max(1, o.MaxConcurrencyPerHost), o.MinHostDelay), Options);

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static HttpFetchResult Final(Uri requested, Uri final, HttpFetchStatus status, int requests, string? detail, int? statusCode = null) => new()
    {
        RequestedUri = requested,
        FinalUri = final,
        Status = status,
        StatusCode = statusCode,
        Detail = detail,
        Requests = requests,
    };

    public void Dispose()
    {
        _client.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private sealed record RobotsEntry(RobotsTxt Robots, DateTimeOffset Expires);

    /// <summary>One request's end: a final result, or where to go next.</summary>
    private sealed record Outcome(HttpFetchResult? Result, Uri? Redirect)
    {
        public bool Retryable { get; init; }
        public TimeSpan? RetryAfter { get; init; }
        public int Requests { get; init; } = 1;
    }
}
