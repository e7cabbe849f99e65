using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Parallax.Model;
using Parallax.Store;
using Parallax.Web;

namespace Parallax.Bench;

/// <summary>
/// <c>serve-load [N] [SECONDS] [CLIENTS]</c>: the HTTP API under load. Builds a store of N synthetic articles (default
/// 100,000) by committing generated articles, stories, speakers, quotes and alignments straight into the store (no
/// extraction: this measures serving, not ingesting), starts the server on loopback, and runs CLIENTS (default 50)
/// concurrent clients for SECONDS (default 30, after a 5 s warm-up), each alternating one story JSON
/// (<c>/api/stories/{id}</c>) and one search (<c>/api/search?q=</c>). Prints p50/p95/p99 latency and requests/s per
/// endpoint. The clients run in the same process as the server and share its cores.
/// </summary>
internal static class ServeLoad
{
    /// <summary>Articles per event (story): about what the real samples and CC-NEWS days show for a covered event.</summary>
    private const int ArticlesPerStory = 8;

    private const int Outlets = 40;
    private const int QuotesPerArticle = 3;
    private const int CommitBatch = 2_000;

    /// <summary>How many of the newest stories count as "latest": a front page's worth and a bit.</summary>
    private const int LatestStories = 200;

    private const int LatestStory = 0;
    private const int AnyStory = 1;
    private const int Search = 2;

    public static void Run(int n, int seconds, int clients) => RunAsync(n, seconds, clients).GetAwaiter().GetResult();

    private static async Task RunAsync(int n, int seconds, int clients)
    {
        // PARALLAX_SERVE_LOAD_KEEP=DIR keeps the store there, with the latest stories' ids and the search words, for an
        // outside load generator (bench/wrk/*.lua against `parallax serve --db DIR/load.db`).
        var keep = Environment.GetEnvironmentVariable("PARALLAX_SERVE_LOAD_KEEP");
        var folder = string.IsNullOrEmpty(keep) ? Path.Combine(Path.GetTempPath(), "parallax-serve-load-" + Guid.NewGuid().ToString("N")) : keep;
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "load.db");
        try
        {
            var clock = Stopwatch.StartNew();
            var (storyIds, words) = await BuildStoreAsync(db, n).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(keep))
            {
                await File.WriteAllLinesAsync(Path.Combine(folder, "stories.txt"), storyIds.TakeLast(LatestStories)).ConfigureAwait(false);
                await File.WriteAllLinesAsync(Path.Combine(folder, "words.txt"), words).ConfigureAwait(false);
            }

            Console.WriteLine($"store: {n} synthetic articles, {storyIds.Count} stories committed directly (no extraction) in {clock.Elapsed.TotalSeconds:0.0} s; {new FileInfo(db).Length / (1024 * 1024)} MiB");

            var app = await ParallaxServer.BuildAsync(new ServeOptions { DatabasePath = db, Urls = "http://127.0.0.1:0" }).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync().ConfigureAwait(false);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                Console.WriteLine($"server: {address}, {clients} clients, {seconds} s (after 5 s warm-up), {Environment.ProcessorCount} cores");
                using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false, AutomaticDecompression = DecompressionMethods.None };
                using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };

                var warm = Stopwatch.StartNew();
                var warmed = await app.Services.GetRequiredService<Parallax.Web.Api.StoryWarmer>().Completed.ConfigureAwait(false);
                Console.WriteLine($"warm-up: the latest {warmed} stories analysed in the background in {warm.Elapsed.TotalSeconds:0.0} s after start");
                await SequentialAsync(http, storyIds, words).ConfigureAwait(false);
                await LoadAsync(http, storyIds, words, clients, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                var results = await LoadAsync(http, storyIds, words, clients, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
                if (File.Exists("/proc/loadavg"))
                {
                    Console.WriteLine($"load average after the run (1/5/15 min): {File.ReadAllText("/proc/loadavg").Trim()}");
                }

                Console.WriteLine("endpoint\trequests\terrors\treq/s\tp50 ms\tp95 ms\tp99 ms\tmax ms");
                foreach (var (name, latencies, errors) in results)
                {
                    latencies.Sort();
                    Console.WriteLine(string.Join('\t',
                        name, latencies.Count, errors, F(latencies.Count / (double)seconds),
                        F(Percentile(latencies, 0.50)), F(Percentile(latencies, 0.95)), F(Percentile(latencies, 0.99)), F(latencies[^1])));
                }

                await app.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(keep))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// <c>serve-load profile DIR</c>: one search at a time on the store kept in DIR, split into its parts: the whole store
    /// call, the ranking SQL alone, and the snippets alone (built again from the hits' stored text). Medians and means in
    /// microseconds over the first 1,000 words, after one pass to warm the page cache.
    /// </summary>
    public static void Profile(string folder) => ProfileAsync(folder).GetAwaiter().GetResult();

    private static async Task ProfileAsync(string folder)
    {
        var words = (await File.ReadAllLinesAsync(Path.Combine(folder, "words.txt")).ConfigureAwait(false)).Take(1_000).ToList();
        var store = await SqliteArticleStore.OpenAsync(Path.Combine(folder, "load.db")).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var pages = new List<IReadOnlyList<SearchHit>>();
            foreach (var word in words)
            {
                pages.Add((await store.SearchPageAsync(word, new PageRequest()).ConfigureAwait(false)).Items);
            }

            var whole = new List<double>();
            var wholeCpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var word in words)
            {
                var start = Stopwatch.GetTimestamp();
                await store.SearchPageAsync(word, new PageRequest()).ConfigureAwait(false);
                whole.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }

            wholeCpu = Process.GetCurrentProcess().TotalProcessorTime - wholeCpu;
            var bodies = new List<List<(string? Title, string Body)>>();
            foreach (var page in pages)
            {
                var texts = new List<(string?, string)>();
                foreach (var hit in page)
                {
                    var article = await store.GetArticleAsync(hit.ArticleId).ConfigureAwait(false);
                    texts.Add((article!.Title, article.Body));
                }

                bodies.Add(texts);
            }

            var snippets = new List<double>();
            var snippetCpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < words.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var snippet = SearchSnippet.ForQuery(words[i]);
                foreach (var (title, body) in bodies[i])
                {
                    snippet.Build(title, body, 16, "[", "]", "…");
                }

                snippets.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }

            snippetCpu = Process.GetCurrentProcess().TotalProcessorTime - snippetCpu;
            // Wall times suffer from whatever else the machine runs; the process's CPU time per call does less.
            Console.WriteLine($"search page of 20, whole store call: median {F(Median(whole))} µs wall, {F(wholeCpu.TotalMicroseconds / words.Count)} µs CPU per call");
            Console.WriteLine($"snippets of one page alone: median {F(Median(snippets))} µs wall, {F(snippetCpu.TotalMicroseconds / words.Count)} µs CPU per page");
            Console.WriteLine($"hits per page: {F(pages.Average(p => p.Count))}");
        }

        static double Median(List<double> values)
        {
            values.Sort();
            return values[values.Count / 2];
        }
    }

    /// <summary>One client, one request at a time: what each kind of request costs when nothing else runs.</summary>
    private static async Task SequentialAsync(HttpClient http, List<string> storyIds, List<string> words)
    {
        const int Requests = 20;
        var random = new Random(7);
        var stories = Enumerable.Range(0, Requests).Select(_ => storyIds[random.Next(storyIds.Count)]).ToList();
        var cold = await TimeAsync(stories.Select(id => "/api/stories/" + id)).ConfigureAwait(false);
        var warm = await TimeAsync(stories.Select(id => "/api/stories/" + id)).ConfigureAwait(false);
        var search = await TimeAsync(Enumerable.Range(0, Requests).Select(_ => "/api/search?q=" + words[random.Next(words.Count)])).ConfigureAwait(false);
        var list = await TimeAsync(Enumerable.Range(0, Requests).Select(_ => "/api/stories?limit=20")).ConfigureAwait(false);
        Console.WriteLine($"one client, median ms: story first view {F(cold)}, story again {F(warm)}, search {F(search)}, story list {F(list)}");

        async Task<double> TimeAsync(IEnumerable<string> paths)
        {
            var times = new List<double>();
            foreach (var path in paths)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            times.Sort();
            return times[times.Count / 2];
        }
    }

    private static async Task<List<(string Name, List<double> Latencies, int Errors)>> LoadAsync(
        HttpClient http, List<string> storyIds, List<string> words, int clients, TimeSpan duration)
    {
        var stop = DateTime.UtcNow + duration;
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var latencies = new[] { new List<double>(), new List<double>(), new List<double>() };
            var errors = new int[3];
            var buffer = new byte[64 * 1024];
            for (var i = 0; DateTime.UtcNow < stop; i++)
            {
                // Story requests go half to the latest stories (what a front page links to), half to any story.
                var kind = i % 2 == 1 ? Search : random.Next(2) == 0 ? LatestStory : AnyStory;
                var path = kind switch
                {
                    LatestStory => "/api/stories/" + storyIds[storyIds.Count - 1 - random.Next(Math.Min(LatestStories, storyIds.Count))],
                    AnyStory => "/api/stories/" + storyIds[random.Next(storyIds.Count)],
                    _ => "/api/search?q=" + (random.Next(4) == 0 ? $"{words[random.Next(words.Count)]}+{words[random.Next(words.Count)]}" : words[random.Next(words.Count)]),
                };
                var start = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        while (await body.ReadAsync(buffer).ConfigureAwait(false) > 0)
                        {
                        }
                    }

                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }

                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                latencies[kind].Add(ms);
                if (!ok)
                {
                    errors[kind]++;
                }
            }

            return (latencies, errors);
        })).ToList();
        var all = await Task.WhenAll(tasks).ConfigureAwait(false);
        return
        [
            ($"story json (latest {LatestStories})", all.SelectMany(a => a.latencies[LatestStory]).ToList(), all.Sum(a => a.errors[LatestStory])),
            ("story json (any)", all.SelectMany(a => a.latencies[AnyStory]).ToList(), all.Sum(a => a.errors[AnyStory])),
            ("search", all.SelectMany(a => a.latencies[Search]).ToList(), all.Sum(a => a.errors[Search])),
        ];
    }

    /// <summary>Events of ~8 articles from different outlets, each article quoting the event's people three times.</summary>
    private static async Task<(List<string> Stories, List<string> Words)> BuildStoreAsync(string db, int n)
    {
        var random = new Random(42);
        var vocabulary = Enumerable.Range(0, 20_000).Select(i => Word(random, 4 + (i % 6))).ToArray();
        var names = Enumerable.Range(0, 5_000).Select(_ => Capital(Word(random, 6)) + " " + Capital(Word(random, 7))).ToArray();
        var outlets = Enumerable.Range(0, Outlets).Select(i => $"Outlet {i:00} {Capital(Word(random, 5))}").ToArray();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var storyIds = new List<string>();
        var batch = new List<ArticleCommit>(CommitBatch);
        var store = await SqliteArticleStore.OpenAsync(db).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            for (var i = 0; i < n;)
            {
                var storyId = "s" + storyIds.Count.ToString(CultureInfo.InvariantCulture);
                storyIds.Add(storyId);
                var people = Enumerable.Range(0, 3).Select(_ => random.Next(names.Length)).ToArray();
                var topic = Enumerable.Range(0, 12).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
                var statement = Sentence(random, vocabulary, topic, 14);
                var size = Math.Min(n - i, 1 + random.Next(2 * ArticlesPerStory - 1));
                var articles = new List<string>();
                var storyOutlets = new List<string>();
                var storyQuotes = new List<Quote>();
                var day = start.AddMinutes(i * 1.44);
                for (var k = 0; k < size; k++, i++)
                {
                    var id = "a" + i.ToString(CultureInfo.InvariantCulture);
                    var outlet = outlets[random.Next(outlets.Length)];
                    var published = day.AddMinutes(k * 37).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    var paragraphs = Enumerable.Range(0, 5 + random.Next(4)).Select(_ => Paragraph(random, vocabulary, topic)).ToList();
                    var quotes = new List<Quote>();
                    var speakers = new List<Speaker>();
                    var body = string.Join("\n\n", paragraphs);
                    for (var q = 0; q < QuotesPerArticle; q++)
                    {
                        var person = names[people[q]];
                        var text = q == 0 ? statement : Sentence(random, vocabulary, topic, 12);
                        var paragraph = $"“{text}” {person} said.";
                        var at = body.Length + 2;
                        body += "\n\n" + paragraph;
                        var speakerId = "p" + people[q].ToString(CultureInfo.InvariantCulture);
                        quotes.Add(new Quote
                        {
                            Id = $"{id}-q{q}", Article = id, Speaker = speakerId, SpeakerMention = person,
                            SpeakerStart = at + text.Length + 3, SpeakerEnd = at + text.Length + 3 + person.Length,
                            Cue = "said", Kind = QuoteKinds.Direct, Text = text, Start = at + 1, End = at + 1 + text.Length,
                        });
                        speakers.Add(new Speaker { Id = speakerId, Name = person, Kind = SpeakerKinds.Person });
                    }

                    articles.Add(id);
                    if (!storyOutlets.Contains(outlet))
                    {
                        storyOutlets.Add(outlet);
                    }

                    // Each article's statement aligns with the first article's: one alignment per added article.
                    var added = storyQuotes.Count == 0 ? [] : new List<Alignment>
                    {
                        new()
                        {
                            Story = storyId, A = storyQuotes[0].Id, B = quotes[0].Id, Relation = AlignmentRelations.Verbatim, Score = 1.0,
                            Diff = [new DiffRun(DiffOps.Same, statement)],
                        },
                    };
                    storyQuotes.AddRange(quotes);
                    var story = new Story
                    {
                        Id = storyId, Title = $"{topic[0]} {topic[1]} {topic[2]}", Articles = [.. articles], Outlets = [.. storyOutlets],
                        FirstPublished = day.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), LastPublished = published,
                    };
                    batch.Add(new ArticleCommit
                    {
                        Article = new Article
                        {
                            Id = id, Source = "serve-load", Url = $"https://example.org/{id}", Outlet = outlet,
                            Title = $"{topic[0]} {topic[1]} {vocabulary[random.Next(vocabulary.Length)]}", Published = published,
                            Language = "en", Body = body, Story = storyId,
                        },
                        ContentHash = id,
                        Quotes = quotes,
                        Speakers = speakers,
                        Story = story,
                        AddedAlignments = added,
                    });
                    if (batch.Count == CommitBatch)
                    {
                        await store.CommitBatchAsync(batch).ConfigureAwait(false);
                        batch.Clear();
                    }
                }
            }

            await store.CommitBatchAsync(batch).ConfigureAwait(false);
        }

        return (storyIds, vocabulary.Take(5_000).ToList());
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string F(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Sentence(Random random, string[] vocabulary, string[] topic, int words)
    {
        var parts = new string[words];
        for (var w = 0; w < words; w++)
        {
            parts[w] = random.Next(10) < 2 ? topic[random.Next(topic.Length)] : vocabulary[random.Next(vocabulary.Length)];
        }

        return string.Join(' ', parts);
    }

    /// <summary>Two to four sentences of 12 to 24 words, a fifth of them the event's topic words.</summary>
    private static string Paragraph(Random random, string[] vocabulary, string[] topic) =>
        string.Join(' ', Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Capital(Sentence(random, vocabulary, topic, 12 + random.Next(13))) + "."));

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Word(Random random, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }
}
