using System.Diagnostics;
using System.Globalization;
using Parallax.Dedup;
using Parallax.Entities;
using Parallax.Model;
using Parallax.Stories;
using Parallax.Text;

namespace Parallax.Bench;

/// <summary>
/// <c>story-stream [N...]</c>: dedup plus online clustering of a generated stream, one thread, as the engine runs them
/// (find duplicate, assign story, index). The stream is made of synthetic events (a vocabulary of 20,000 words and
/// 5,000 names; each event has its own names and topic words), 8 articles per event on average spread over a few days,
/// a fifth of them wire copies with a paragraph added; dates advance through the stream. Prints articles/s (wall and
/// CPU from Process.TotalProcessorTime, the machine being shared), per-article cost and index bytes per article
/// (each index's estimate, and the heap growth after a forced collection as a check on them).
/// </summary>
internal static class StoryStream
{
    public static void Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine("articles\twall s\tcpu s\tarticles/s (wall)\tarticles/s (cpu)\tus/article (cpu)\tdedup B/article\tstories B/article\theap B/article\tduplicates\tstories\tgc pause s\tgc 0/1/2");
        foreach (var n in sizes)
        {
            var stream = Generate(n, seed: 42);
            var heap0 = GC.GetTotalMemory(forceFullCollection: true);
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var pause0 = GC.GetTotalPauseDuration();
            int[] gcs0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var clock = Stopwatch.StartNew();
            var duplicates = new NearDuplicateIndex();
            var clusterer = new StoryClusterer();
            var found = 0;
            foreach (var article in stream)
            {
                var copyOf = duplicates.FindDuplicateOf(article);
                var a = copyOf is null ? article : article with { DuplicateOf = copyOf };
                found += copyOf is null ? 0 : 1;
                clusterer.Assign(a);
                duplicates.Add(a);
            }

            clock.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            var wall = clock.Elapsed.TotalSeconds;
            var pause = (GC.GetTotalPauseDuration() - pause0).TotalSeconds;
            var gcs = $"{GC.CollectionCount(0) - gcs0[0]}/{GC.CollectionCount(1) - gcs0[1]}/{GC.CollectionCount(2) - gcs0[2]}";

            // What the two indexes really hold (the stream was already in heap0): checks their estimates.
            var heap = GC.GetTotalMemory(forceFullCollection: true) - heap0;
            GC.KeepAlive(stream);
            Console.WriteLine(string.Join('\t',
                n, F(wall), F(cpu), F(n / wall), F(n / cpu), F(cpu * 1e6 / n),
                F(duplicates.ApproximateBytes / (double)n), F(clusterer.ApproximateBytes / (double)n), F(heap / (double)n), found, clusterer.Stories.Count,
                F(pause), gcs));
        }

        Phases(Generate(Math.Min(20_000, sizes.Count > 0 ? sizes[0] : 20_000), seed: 42));
    }

    /// <summary>Where an article's time goes, stage by stage (wall clock, one pass each over the same stream), so a speed
    /// change can be aimed at the stage that dominates.</summary>
    private static void Phases(List<Article> stream)
    {
        Console.WriteLine("phase	us/article (wall)");
        Time("dedup find+add", stream, () =>
        {
            var d = new NearDuplicateIndex();
            return a => { _ = d.FindDuplicateOf(a); d.Add(a); };
        });
        Time("terms (tokenise + TermVectorizer.CountInto)", stream, () =>
        {
            var table = new TermTable();
            var tokens = new List<Token>();
            return a =>
            {
                var text = string.IsNullOrEmpty(a.Title) ? a.Body : a.Title + "\n\n" + a.Body;
                Tokenizer.Tokenize(text, 0, text.Length, tokens);
                TermVectorizer.CountInto(table, text, tokens, string.IsNullOrEmpty(a.Title) ? 0 : a.Title.Length, 2, 1);
                _ = table.Finish();
            };
        });
        Time("entities (EntityRecognizer)", stream, () => a => EntityRecognizer.Recognize(a.Title + "\n\n" + a.Body));
        Time("content year", stream, () => a => TimeAgreement.ContentYear(a.Body));
        Time("vectorize (all of the above but dedup)", stream, () =>
        {
            var c = new StoryClusterer();
            return a => c.Vectorize(a);
        });
        Time("clusterer.Assign", stream, () =>
        {
            var c = new StoryClusterer();
            return a => c.Assign(a);
        });
    }

    private static void Time(string name, List<Article> stream, Func<Action<Article>> make)
    {
        var run = make();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        foreach (var a in stream)
        {
            run(a);
        }

        Console.WriteLine(FormattableString.Invariant($"{name}\t{clock.Elapsed.TotalMicroseconds / stream.Count:0.0}\t{(GC.GetAllocatedBytesForCurrentThread() - allocated) / stream.Count}"));
    }

    private static string F(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);

    internal static List<Article> Generate(int n, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 20_000).Select(i => Word(random, 4 + (i % 6))).ToArray();
        var names = Enumerable.Range(0, 5_000).Select(_ => char.ToUpperInvariant(Word(random, 6)[0]) + Word(random, 5)).ToArray();
        var list = new List<Article>(n);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new List<(string[] Names, string[] Topic, DateTime Day, List<string> Bodies)>();
        for (var i = 0; i < n; i++)
        {
            // About 1,000 articles a day; a new event every eight articles or so.
            var now = start.AddMinutes(i * 1.44);
            if (events.Count == 0 || random.Next(8) == 0)
            {
                events.Add((
                    Enumerable.Range(0, 4).Select(_ => names[random.Next(names.Length)]).ToArray(),
                    Enumerable.Range(0, 12).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray(),
                    now, []));
            }

            // Most articles cover a recent event; a few revisit an older one.
            var e = events[Math.Max(0, events.Count - 1 - (int)Math.Min(events.Count - 1, Math.Abs(random.NextDouble() * random.NextDouble() * 40)))];
            string body;
            if (e.Bodies.Count > 0 && random.Next(5) == 0)
            {
                body = e.Bodies[random.Next(e.Bodies.Count)] + "\n\n" + Sentence(random, vocabulary, e.Names, e.Topic, 25);
            }
            else
            {
                var paragraphs = Enumerable.Range(0, 4 + random.Next(4)).Select(_ => Sentence(random, vocabulary, e.Names, e.Topic, 30 + random.Next(30)));
                body = string.Join("\n\n", paragraphs);
                e.Bodies.Add(body);
            }

            list.Add(new Article
            {
                Id = "a" + i.ToString(CultureInfo.InvariantCulture),
                Source = "bench",
                Title = $"{e.Names[0]} {e.Topic[0]} {e.Topic[1]} {vocabulary[random.Next(vocabulary.Length)]}",
                Published = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Body = body,
            });
        }

        return list;
    }

    private static string Sentence(Random random, string[] vocabulary, string[] names, string[] topic, int words)
    {
        var parts = new string[words];
        for (var w = 0; w < words; w++)
        {
            var r = random.Next(10);
            parts[w] = r == 0 ? names[random.Next(names.Length)] : r < 4 ? topic[random.Next(topic.Length)] : vocabulary[random.Next(vocabulary.Length)];
        }

        return string.Join(' ', parts) + ".";
    }

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
