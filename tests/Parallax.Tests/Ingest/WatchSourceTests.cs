using System.Net;
using Parallax.Ingest;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Tests.Ingest;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync")]
public sealed class WatchSourceTests : IAsyncLifetime
{
    private static readonly string[] Topics = ["harbour", "railway", "library", "hospital", "orchard", "stadium"];
    private static readonly string[] Places = ["Northport", "Elmvale", "Kestrel Bay", "Ashford", "Millbrook", "Dunmore"];

    private readonly HttpTestServer _server = new();
    private readonly HttpTestClock _clock = new();
    private readonly List<int> _items = [1, 2, 3];
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"parallax-watch-{Guid.NewGuid():N}.db");

    public WatchSourceTests()
    {
        _server.Map("/feed.xml", ServeFeed);
        for (var i = 1; i <= Topics.Length; i++)
        {
            var id = i;
            _server.Map($"/a/{id}", c => HttpTestServer.Text(c, Page(id), "text/html; charset=utf-8"));
        }
    }

    private Uri Feed => _server.Url("/feed.xml");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_db + suffix);
        }
    }

    [Fact]
    public async Task New_items_are_fetched_and_stored_and_a_restart_refetches_nothing()
    {
        var first = await RunOnceAsync();

        Assert.Equal(3, first.Stored);
        Assert.All(_items, i => Assert.Equal(1, _server.HitsOf($"/a/{i}")));

        _clock.Advance(TimeSpan.FromDays(1));
        var second = await RunOnceAsync();

        Assert.Equal(0, second.Stored + second.AlreadyStored + second.Rejected);
        Assert.All(_items, i => Assert.Equal(1, _server.HitsOf($"/a/{i}")));
        Assert.Equal(2, _server.HitsOf("/feed.xml"));
        Assert.Equal("\"v3\"", _server.Requests.Last(r => r.Path == "/feed.xml").Headers["If-None-Match"]);

        _items.Add(4);
        _clock.Advance(TimeSpan.FromDays(1));
        var third = await RunOnceAsync();

        Assert.Equal(1, third.Stored);
        Assert.Equal(1, _server.HitsOf("/a/4"));
        Assert.Equal(1, _server.HitsOf("/a/1"));
        await using var store = await SqliteArticleStore.OpenAsync(_db);
        Assert.Equal(4, (await store.CountAsync()).Articles);
    }

    [Fact]
    public async Task A_crash_between_commit_and_mark_refetches_once_and_stores_nothing_twice()
    {
        await using (var store = await SqliteArticleStore.OpenAsync(_db))
        {
            var engine = await Engine.OpenAsync(store);
            using var fetcher = Fetcher();
            await foreach (var item in Watch(fetcher, store).ReadAsync())
            {
                Assert.Equal(IngestStatus.Stored, (await engine.IngestAsync(item.Document!)).Status);
                break; // the process dies here: the article is committed, the item not yet marked seen
            }
        }

        var resumed = await RunOnceAsync();

        Assert.Equal(2, resumed.Stored);
        Assert.Equal(1, resumed.AlreadyStored);
        Assert.Equal(2, _server.HitsOf("/a/1"));
        await using var reopened = await SqliteArticleStore.OpenAsync(_db);
        Assert.Equal(3, (await reopened.CountAsync()).Articles);
        Assert.True(await reopened.IsSeenAsync(_server.Url("/a/1").AbsoluteUri));
    }

    [Fact]
    public async Task The_interval_shortens_after_news_and_lengthens_after_silence()
    {
        var options = new WatchOptions { SinglePass = true, TimeProvider = _clock, InitialInterval = TimeSpan.FromMinutes(20), MinInterval = TimeSpan.FromMinutes(5) };
        await RunOnceAsync(options);
        var afterNews = await StateAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync(options);
        var afterSilence = await StateAsync();

        Assert.Equal(TimeSpan.FromMinutes(10), afterNews.Interval);
        Assert.Equal(3, afterNews.LastNewItems);
        Assert.Equal(TimeSpan.FromMinutes(15), afterSilence.Interval);
        Assert.Equal(afterSilence.LastPolled + TimeSpan.FromMinutes(15), afterSilence.NextPoll);
    }

    [Fact]
    public async Task A_source_not_yet_due_is_not_polled()
    {
        await RunOnceAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunOnceAsync();

        Assert.Equal(1, _server.HitsOf("/feed.xml"));
    }

    [Fact]
    public async Task An_item_failing_transiently_is_retried_next_poll_not_rejected()
    {
        var calls = 0;
        _server.Map("/a/2", c => Interlocked.Increment(ref calls) == 1
            ? HttpTestServer.Text(c, "busy", status: 503)
            : HttpTestServer.Text(c, Page(2), "text/html"));

        var first = await RunOnceAsync();
        Assert.Equal(2, first.Stored);
        Assert.Null((await StateAsync()).ETag);

        _clock.Advance(TimeSpan.FromDays(1));
        var second = await RunOnceAsync();

        Assert.Equal(1, second.Stored);
        Assert.Equal(0, second.Rejected);
        Assert.Equal(2, _server.HitsOf("/a/2"));
    }

    [Fact]
    public async Task Items_with_full_content_are_stored_without_fetching_their_page()
    {
        _server.Map("/full.xml", c => HttpTestServer.Text(c, $"""
            <rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title>
              <item><title>Orchard harvest</title><link>http://127.0.0.1:{_server.Port}/a/5</link><pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
                <content:encoded><![CDATA[{FeedParserTests.LongParagraphs}]]></content:encoded></item>
            </channel></rss>
            """, "application/rss+xml"));

        await using var store = await SqliteArticleStore.OpenAsync(_db);
        var engine = await Engine.OpenAsync(store);
        using var fetcher = Fetcher();
        var summary = await engine.IngestAsync(new WatchSource([_server.Url("/full.xml")], fetcher, store, new WatchOptions { SinglePass = true, TimeProvider = _clock }));

        Assert.Equal(1, summary.Stored);
        Assert.Equal(0, _server.HitsOf("/a/5"));
    }

    [Fact]
    public async Task The_continuous_loop_stops_cleanly_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var events = new List<WatchEvent>();
        var progress = new InlineProgress<WatchEvent>(e =>
        {
            events.Add(e);
            if (e.Kind == WatchEventKind.NotModified)
            {
                cancel.Cancel();
            }
        });

        await using var store = await SqliteArticleStore.OpenAsync(_db);
        var engine = await Engine.OpenAsync(store);
        using var fetcher = Fetcher();
        var watch = new WatchSource([Feed], fetcher, store, new WatchOptions { TimeProvider = _clock }, progress);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.IngestAsync(watch, cancellationToken: cancel.Token));

        Assert.Equal(3, (await store.CountAsync()).Articles);
        Assert.Equal([WatchEventKind.Polled, WatchEventKind.Waiting, WatchEventKind.NotModified], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_page_advertising_a_feed_is_followed_to_it()
    {
        _server.Map("/home", c => HttpTestServer.Text(c, """<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>""", "text/html"));

        await using var store = await SqliteArticleStore.OpenAsync(_db);
        var engine = await Engine.OpenAsync(store);
        using var fetcher = Fetcher();
        var summary = await engine.IngestAsync(new WatchSource([_server.Url("/home")], fetcher, store, new WatchOptions { SinglePass = true, TimeProvider = _clock }));

        Assert.Equal(3, summary.Stored);
    }

    [Fact]
    public async Task Fetch_expands_a_sitemap_and_stores_its_pages()
    {
        _server.Map("/sitemap.xml", c => HttpTestServer.Text(c, $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>http://127.0.0.1:{_server.Port}/a/5</loc></url>
              <url><loc>/a/6</loc></url>
            </urlset>
            """, "application/xml"));

        await using var store = await SqliteArticleStore.OpenAsync(_db);
        var engine = await Engine.OpenAsync(store);
        using var fetcher = Fetcher();
        var summary = await engine.IngestAsync(new UrlFetchSource([_server.Url("/sitemap.xml"), _server.Url("/a/1"), _server.Url("/missing")], fetcher));

        Assert.Equal(3, summary.Stored);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal(1, _server.HitsOf("/a/6"));
    }

    private async Task<IngestSummary> RunOnceAsync(WatchOptions? options = null)
    {
        await using var store = await SqliteArticleStore.OpenAsync(_db);
        var engine = await Engine.OpenAsync(store);
        using var fetcher = Fetcher();
        return await engine.IngestAsync(Watch(fetcher, store, options));
    }

    private async Task<WatchFeedState> StateAsync()
    {
        await using var store = await SqliteArticleStore.OpenAsync(_db);
        return (await store.GetFeedStateAsync(Feed.AbsoluteUri))!;
    }

    private WatchSource Watch(HttpFetcher fetcher, IWatchStateStore store, WatchOptions? options = null) =>
        new([Feed], fetcher, store, options ?? new WatchOptions { SinglePass = true, TimeProvider = _clock });

    private HttpFetcher Fetcher() => new(new HttpFetcherOptions { AllowPrivate = true, MinHostDelay = TimeSpan.Zero, MaxRetries = 0, TimeProvider = _clock });

    private Task ServeFeed(HttpListenerContext context)
    {
        var etag = $"\"v{_items.Count}\"";
        if (context.Request.Headers["If-None-Match"] == etag)
        {
            context.Response.StatusCode = 304;
            context.Response.Close();
            return Task.CompletedTask;
        }

        context.Response.Headers["ETag"] = etag;
        var items = string.Concat(_items.AsEnumerable().Reverse().Select(i =>
            $"<item><title>{Title(i)}</title><link>http://127.0.0.1:{_server.Port}/a/{i}</link><pubDate>{new DateTimeOffset(2025, 3, i, 9, 0, 0, TimeSpan.Zero):R}</pubDate><description>A short teaser.</description></item>"));
        return HttpTestServer.Text(context, $"<rss version=\"2.0\"><channel><title>Test wire</title>{items}</channel></rss>", "application/rss+xml");
    }

    private static string Title(int i) => $"{Places[i - 1]} {Topics[i - 1]} plan approved";

    private static string Page(int i)
    {
        var topic = Topics[i - 1];
        var place = Places[i - 1];
        var paragraphs = string.Concat(Enumerable.Range(1, 7).Select(p =>
            $"<p>In {place}, the {topic} project entered phase {p} on Monday after councillors voted {p + 10} to {i}. Residents near the {topic} said the work on section {p * i} had been promised for years, and the mayor of {place} told reporters the {topic} budget of {p * 7 + i} million would be published.</p>"));
        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{Title(i)}</title>
            <meta property="article:published_time" content="2025-03-0{i}T09:00:00Z"></head>
            <body><header><nav><a href="/">Home</a></nav></header>
            <article><h1>{Title(i)}</h1><p class="byline">By Staff Reporter</p>{paragraphs}</article>
            <footer>Copyright</footer></body></html>
            """;
    }

    private sealed class InlineProgress<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
