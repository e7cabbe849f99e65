using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parallax.Tests.Ingest;

/// <summary>A loopback HTTP server for fetcher tests: routes by path, counts hits, never leaves 127.0.0.1.</summary>
internal sealed class HttpTestServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public HttpTestServer()
    {
        // A free port: bind port 0, read it back, release it for the listener (a tiny race, acceptable in tests).
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
        Map("/robots.txt", c => Text(c, "User-agent: *\nDisallow:\n"));
    }

    public int Port { get; }

    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Path, NameValueHeaders Headers)> Requests { get; } = new();

    public Uri Url(string pathAndQuery) => new($"http://127.0.0.1:{Port}{pathAndQuery}");

    public void Map(string path, Func<HttpListenerContext, Task> handler) => _routes[path] = handler;

    public int HitsOf(string path) => Hits.TryGetValue(path, out var n) ? n : 0;

    public static async Task Text(HttpListenerContext context, string body, string contentType = "text/plain; charset=utf-8", int status = 200)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException) when (_listener.IsListening)
            {
                // One connection that failed before its request was read: keep serving the others. Returning here would
                // leave the test's fetcher to wait out its timeout (suspected, not proven, in one CI failure of
                // The_recorder_sees_every_response_including_redirect_hops).
                continue;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                var path = context.Request.Url!.AbsolutePath;
                Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
                Requests.Enqueue((path, new NameValueHeaders(context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!))));
                try
                {
                    if (_routes.TryGetValue(path, out var handler))
                    {
                        await handler(context);
                    }
                    else
                    {
                        await Text(context, "not found", status: 404);
                    }
                }
                catch (Exception)
                {
                    // The client hung up (timeouts, size caps): nothing to do.
                    try
                    {
                        context.Response.Abort();
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}

internal sealed record NameValueHeaders(Dictionary<string, string> Values)
{
    public string? this[string name] => Values.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A clock whose timers fire at once and move time forward by their due time: waits (politeness, backoff,
/// Retry-After, the watch schedule) are recorded and cost nothing.
/// </summary>
internal sealed class HttpTestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public HttpTestClock()
        : this(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new InstantTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class InstantTimer(HttpTestClock clock, TimerCallback callback, object? state) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            clock.Delays.Enqueue(dueTime);
            clock.Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
