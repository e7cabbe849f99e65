using System.IO.Compression;
using System.Net;
using System.Text;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

[Collection(LoopbackHttpTests.Name)]
public sealed class HttpFetcherTests
{
    private static HttpFetcherOptions Options(HttpTestClock? clock = null) => new()
    {
        AllowPrivate = true,
        MinHostDelay = TimeSpan.Zero,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
        TimeProvider = clock ?? new HttpTestClock(),
        RandomSeed = 7,
    };

    [Fact]
    public async Task Page_is_fetched_with_its_media_type_charset_and_user_agent()
    {
        await using var server = new HttpTestServer();
        server.Map("/page", c => HttpTestServer.Text(c, "<html><body>hello</body></html>", "text/html; charset=iso-8859-1"));
        using var fetcher = new HttpFetcher(Options());

        var result = await fetcher.FetchAsync(server.Url("/page"));

        Assert.Equal(HttpFetchStatus.Ok, result.Status);
        Assert.Equal("text/html", result.MediaType);
        Assert.Equal("iso-8859-1", result.Charset);
        Assert.Equal("<html><body>hello</body></html>", Encoding.UTF8.GetString(result.Body.Span));
        var request = server.Requests.Single(r => r.Path == "/page");
        Assert.Equal(HttpFetcherOptions.DefaultUserAgent, request.Headers["User-Agent"]);
        var document = result.ToSourceItem().Document!;
        Assert.Equal(server.Url("/page").AbsoluteUri, document.Source);
        Assert.Equal("iso-8859-1", document.DeclaredCharset);
    }

    [Fact]
    public async Task Robots_disallow_stops_the_fetch_before_the_page_is_requested()
    {
        await using var server = new HttpTestServer();
        server.Map("/robots.txt", c => HttpTestServer.Text(c, "User-agent: *\nDisallow: /\n\nUser-agent: Parallax\nDisallow: /private/\n"));
        server.Map("/private/page", c => HttpTestServer.Text(c, "secret"));
        server.Map("/public/page", c => HttpTestServer.Text(c, "open"));
        using var fetcher = new HttpFetcher(Options());

        var refused = await fetcher.FetchAsync(server.Url("/private/page"));
        var allowed = await fetcher.FetchAsync(server.Url("/public/page"));

        Assert.Equal(HttpFetchStatus.DisallowedByRobots, refused.Status);
        Assert.Equal(0, server.HitsOf("/private/page"));
        Assert.Equal(HttpFetchStatus.Ok, allowed.Status);
        Assert.Equal(1, server.HitsOf("/robots.txt"));
        Assert.Equal(RejectReasons.Unreadable, refused.ToSourceItem().Rejection!.Reason);
    }

    [Fact]
    public async Task Missing_robots_txt_allows_everything()
    {
        await using var server = new HttpTestServer();
        server.Map("/robots.txt", c => HttpTestServer.Text(c, "gone", status: 404));
        server.Map("/a", c => HttpTestServer.Text(c, "a"));
        using var fetcher = new HttpFetcher(Options());

        Assert.Equal(HttpFetchStatus.Ok, (await fetcher.FetchAsync(server.Url("/a"))).Status);
    }

    [Fact]
    public async Task Crawl_delay_spaces_requests_to_one_host()
    {
        await using var server = new HttpTestServer();
        server.Map("/robots.txt", c => HttpTestServer.Text(c, "User-agent: *\nCrawl-delay: 3\n"));
        server.Map("/a", c => HttpTestServer.Text(c, "a"));
        server.Map("/b", c => HttpTestServer.Text(c, "b"));
        var clock = new HttpTestClock();
        using var fetcher = new HttpFetcher(Options(clock) with { MinHostDelay = TimeSpan.FromSeconds(1) });

        await fetcher.FetchAsync(server.Url("/a"));
        await fetcher.FetchAsync(server.Url("/b"));

        Assert.Contains(clock.Delays, d => d == TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(clock.Delays, d => d > TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Redirects_are_followed_to_the_final_address()
    {
        await using var server = new HttpTestServer();
        server.Map("/old", c => Redirect(c, "/middle"));
        server.Map("/middle", c => Redirect(c, $"http://127.0.0.1:{server.Port}/new"));
        server.Map("/new", c => HttpTestServer.Text(c, "arrived"));
        using var fetcher = new HttpFetcher(Options());

        var result = await fetcher.FetchAsync(server.Url("/old"));

        Assert.Equal(HttpFetchStatus.Ok, result.Status);
        Assert.Equal(server.Url("/new"), result.FinalUri);
        Assert.Equal(server.Url("/old"), result.RequestedUri);
        Assert.Equal(3, result.Requests);
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_the_redirect_limit()
    {
        await using var server = new HttpTestServer();
        server.Map("/loop", c => Redirect(c, "/loop"));
        using var fetcher = new HttpFetcher(Options() with { MaxRedirects = 3 });

        var result = await fetcher.FetchAsync(server.Url("/loop"));

        Assert.Equal(HttpFetchStatus.TooManyRedirects, result.Status);
        Assert.Equal(4, server.HitsOf("/loop"));
    }

    [Fact]
    public async Task A_redirect_to_a_forbidden_address_is_refused_at_connect()
    {
        await using var server = new HttpTestServer();
        server.Map("/start", c => Redirect(c, $"http://127.0.0.2:{server.Port}/inside"));
        // Pretend 127.0.0.1 is public and 127.0.0.2 is the private network the redirect tries to reach.
        using var fetcher = new HttpFetcher(Options() with
        {
            AllowPrivate = false,
            AddressPolicy = a => a.Equals(IPAddress.Parse("127.0.0.2")) ? "private" : null,
        });

        var result = await fetcher.FetchAsync(server.Url("/start"));

        Assert.Equal(HttpFetchStatus.Refused, result.Status);
        Assert.Contains("127.0.0.2", result.Detail, StringComparison.Ordinal);
        Assert.Equal(1, server.HitsOf("/start"));
    }

    [Fact]
    public async Task Loopback_is_refused_without_allow_private_and_the_server_is_never_reached()
    {
        await using var server = new HttpTestServer();
        server.Map("/a", c => HttpTestServer.Text(c, "a"));
        using var fetcher = new HttpFetcher(Options() with { AllowPrivate = false });

        var byAddress = await fetcher.FetchAsync(server.Url("/a"));
        var byName = await fetcher.FetchAsync(new Uri($"http://localhost:{server.Port}/a"));

        Assert.Equal(HttpFetchStatus.Refused, byAddress.Status);
        Assert.Equal(HttpFetchStatus.Refused, byName.Status);
        Assert.Empty(server.Hits);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/x")]
    [InlineData("gopher://example.com/")]
    public async Task Non_http_schemes_are_refused(string url)
    {
        using var fetcher = new HttpFetcher(Options());

        var result = await fetcher.FetchAsync(new Uri(url));

        Assert.Equal(HttpFetchStatus.Refused, result.Status);
    }

    [Fact]
    public async Task A_slow_response_times_out()
    {
        await using var server = new HttpTestServer();
        server.Map("/slow", async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            await HttpTestServer.Text(c, "late");
        });
        using var fetcher = new HttpFetcher(Options() with { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 0 });

        var result = await fetcher.FetchAsync(server.Url("/slow"));

        Assert.Equal(HttpFetchStatus.TimedOut, result.Status);
        Assert.Equal(RejectReasons.TimedOut, result.ToSourceItem().Rejection!.Reason);
    }

    [Fact]
    public async Task A_huge_streamed_body_stops_at_the_size_cap()
    {
        await using var server = new HttpTestServer();
        server.Map("/huge", async c =>
        {
            c.Response.SendChunked = true;
            c.Response.ContentType = "text/html";
            var chunk = new byte[16 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                await c.Response.OutputStream.WriteAsync(chunk);
            }

            c.Response.Close();
        });
        using var fetcher = new HttpFetcher(Options() with { MaxBodyBytes = 64 * 1024 });

        var result = await fetcher.FetchAsync(server.Url("/huge"));

        Assert.Equal(HttpFetchStatus.TooLarge, result.Status);
        Assert.True(result.Body.IsEmpty);
        Assert.Equal(RejectReasons.TooLarge, result.ToSourceItem().Rejection!.Reason);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_without_reading()
    {
        await using var server = new HttpTestServer();
        server.Map("/big", c => HttpTestServer.Text(c, new string('x', 200_000)));
        using var fetcher = new HttpFetcher(Options() with { MaxBodyBytes = 1000 });

        var result = await fetcher.FetchAsync(server.Url("/big"));

        Assert.Equal(HttpFetchStatus.TooLarge, result.Status);
        Assert.Contains("declared", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_429_is_retried_after_the_delay_the_server_asked_for()
    {
        await using var server = new HttpTestServer();
        var calls = 0;
        server.Map("/busy", c =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.Headers["Retry-After"] = "7";
                return HttpTestServer.Text(c, "slow down", status: 429);
            }

            return HttpTestServer.Text(c, "ok");
        });
        var clock = new HttpTestClock();
        using var fetcher = new HttpFetcher(Options(clock));

        var result = await fetcher.FetchAsync(server.Url("/busy"));

        Assert.Equal(HttpFetchStatus.Ok, result.Status);
        Assert.Equal(2, result.Requests);
        Assert.Contains(TimeSpan.FromSeconds(7), clock.Delays);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        await using var server = new HttpTestServer();
        var clock = new HttpTestClock();
        var calls = 0;
        server.Map("/busy", c =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.Headers["Retry-After"] = (clock.GetUtcNow() + TimeSpan.FromSeconds(20)).ToString("R");
                return HttpTestServer.Text(c, "busy", status: 503);
            }

            return HttpTestServer.Text(c, "ok");
        });
        using var fetcher = new HttpFetcher(Options(clock));

        var result = await fetcher.FetchAsync(server.Url("/busy"));

        Assert.Equal(HttpFetchStatus.Ok, result.Status);
        Assert.Contains(clock.Delays, d => d > TimeSpan.FromSeconds(18) && d <= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_limit_gives_up_with_the_status()
    {
        await using var server = new HttpTestServer();
        server.Map("/busy", c =>
        {
            c.Response.Headers["Retry-After"] = "86400";
            return HttpTestServer.Text(c, "come back tomorrow", status: 429);
        });
        using var fetcher = new HttpFetcher(Options());

        var result = await fetcher.FetchAsync(server.Url("/busy"));

        Assert.Equal(HttpFetchStatus.HttpError, result.Status);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(1, server.HitsOf("/busy"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_jittered_backoff_then_reported()
    {
        await using var server = new HttpTestServer();
        server.Map("/down", c => HttpTestServer.Text(c, "down", status: 502));
        var clock = new HttpTestClock();
        using var fetcher = new HttpFetcher(Options(clock) with { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromSeconds(1) });

        var result = await fetcher.FetchAsync(server.Url("/down"));

        Assert.Equal(HttpFetchStatus.HttpError, result.Status);
        Assert.Equal(4, server.HitsOf("/down"));
        var waits = clock.Delays.Where(d => d >= TimeSpan.FromMilliseconds(500)).ToList();
        Assert.Equal(3, waits.Count);
        for (var i = 0; i < 3; i++)
        {
            var step = TimeSpan.FromSeconds(Math.Pow(2, i));
            Assert.InRange(waits[i], step / 2, step);
        }
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        await using var server = new HttpTestServer();
        using var fetcher = new HttpFetcher(Options());

        var result = await fetcher.FetchAsync(server.Url("/missing"));

        Assert.Equal(HttpFetchStatus.HttpError, result.Status);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal(1, server.HitsOf("/missing"));
    }

    [Fact]
    public async Task Conditional_get_with_an_etag_answers_not_modified()
    {
        await using var server = new HttpTestServer();
        server.Map("/feed", c =>
        {
            if (c.Request.Headers["If-None-Match"] == "\"v1\"")
            {
                c.Response.StatusCode = 304;
                c.Response.Close();
                return Task.CompletedTask;
            }

            c.Response.Headers["ETag"] = "\"v1\"";
            c.Response.Headers["Last-Modified"] = "Sat, 01 Mar 2025 10:00:00 GMT";
            return HttpTestServer.Text(c, "<rss/>", "application/rss+xml");
        });
        using var fetcher = new HttpFetcher(Options());

        var first = await fetcher.FetchAsync(server.Url("/feed"));
        var second = await fetcher.FetchAsync(server.Url("/feed"), first.Validators);

        Assert.Equal(HttpFetchStatus.Ok, first.Status);
        Assert.Equal("\"v1\"", first.Validators.ETag);
        Assert.Equal("Sat, 01 Mar 2025 10:00:00 GMT", first.Validators.LastModified);
        Assert.Equal(HttpFetchStatus.NotModified, second.Status);
        Assert.Equal("\"v1\"", second.Validators.ETag);
        Assert.Equal("Sat, 01 Mar 2025 10:00:00 GMT", server.Requests.Last(r => r.Path == "/feed").Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task A_gzip_body_is_decompressed()
    {
        await using var server = new HttpTestServer();
        server.Map("/gz", async c =>
        {
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes("compressed page"));
            }

            c.Response.Headers["Content-Encoding"] = "gzip";
            c.Response.ContentType = "text/html";
            c.Response.ContentLength64 = buffer.Length;
            await c.Response.OutputStream.WriteAsync(buffer.ToArray());
            c.Response.Close();
        });
        using var fetcher = new HttpFetcher(Options());

        var result = await fetcher.FetchAsync(server.Url("/gz"));

        Assert.Equal(HttpFetchStatus.Ok, result.Status);
        Assert.Equal("compressed page", Encoding.UTF8.GetString(result.Body.Span));
    }

    [Fact]
    public async Task A_broken_gzip_body_is_reported_not_thrown()
    {
        await using var server = new HttpTestServer();
        server.Map("/broken", async c =>
        {
            var garbage = new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 };
            c.Response.Headers["Content-Encoding"] = "gzip";
            c.Response.ContentType = "text/html";
            c.Response.ContentLength64 = garbage.Length;
            await c.Response.OutputStream.WriteAsync(garbage);
            c.Response.Close();
        });
        using var fetcher = new HttpFetcher(Options() with { MaxRetries = 0 });

        var result = await fetcher.FetchAsync(server.Url("/broken"));

        Assert.Equal(HttpFetchStatus.BrokenBody, result.Status);
        Assert.Equal(RejectReasons.Unparseable, result.ToSourceItem().Rejection!.Reason);
    }

    [Fact]
    public async Task The_recorder_sees_every_response_including_redirect_hops()
    {
        await using var server = new HttpTestServer();
        server.Map("/from", c => Redirect(c, "/to"));
        server.Map("/to", c => HttpTestServer.Text(c, "body"));
        var recorder = new ListRecorder();
        using var fetcher = new HttpFetcher(Options() with { Recorder = recorder });

        await fetcher.FetchAsync(server.Url("/from"));

        Assert.Equal(["/robots.txt", "/from", "/to"], recorder.Exchanges.Select(e => e.RequestUri.AbsolutePath));
        Assert.Equal(302, recorder.Exchanges[1].StatusCode);
        Assert.Equal("body", Encoding.UTF8.GetString(recorder.Exchanges[2].Body.Span));
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "'this network'")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:c0a8:0101::1", "private")]
    public void The_guard_refuses_non_public_addresses(string address, string why)
    {
        Assert.Equal(why, HttpAddressGuard.RefusalReason(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void The_guard_allows_public_addresses(string address)
    {
        Assert.True(HttpAddressGuard.IsAllowed(IPAddress.Parse(address)));
    }

    private static Task Redirect(HttpListenerContext context, string location)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers["Location"] = location;
        context.Response.Close();
        return Task.CompletedTask;
    }

    private sealed class ListRecorder : IHttpExchangeRecorder
    {
        public List<HttpExchange> Exchanges { get; } = [];

        public ValueTask RecordAsync(HttpExchange exchange, CancellationToken cancellationToken)
        {
            lock (Exchanges)
            {
                Exchanges.Add(exchange);
            }

            return ValueTask.CompletedTask;
        }
    }
}
