using Parallax.Compare;
using Parallax.Model;
using Parallax.Tests.Stories;
using Xunit.Abstractions;

namespace Parallax.Tests.Compare;

/// <summary>
/// Silver set from ECB+ dev (see <c>../shared/bench/README.md</c>): within a gold story, spans in curly quotes of
/// different articles that share a run of six or more words report the same statement and should be aligned.
/// </summary>
public sealed class SilverQuotePairTests(ITestOutputHelper output)
{
    private const int SharedRunWords = 6;

    /// <summary>Measured on ECB+ dev: 202 of 212 silver pairs aligned (recall 0.953); the floor sits a little below.</summary>
    private const double RecallFloor = 0.92;

    [Fact]
    public void Comparer_aligns_silver_quote_pairs_of_ecbplus_dev()
    {
        var path = BenchData.EcbPlus("dev");
        if (path is null)
        {
            output.WriteLine("SKIPPED: ../shared/bench/stories/ecbplus-dev.jsonl not found next to the repository.");
            return;
        }

        var docs = BenchData.ReadEcbPlus(path);
        var comparer = new CoverageComparer();
        int silver = 0, found = 0, aligned = 0;
        foreach (var group in docs.GroupBy(d => d.Story))
        {
            var articles = group.Select(d => d.Article).ToList();
            var quotes = articles.SelectMany(CurlyQuotes).ToList();
            var pairs = SilverPairs(quotes);
            if (pairs.Count == 0)
            {
                continue;
            }

            var story = new Story { Id = group.Key, Articles = articles.ConvertAll(a => a.Id) };
            var alignments = comparer.Align(story, articles, quotes);
            var alignedPairs = alignments.Select(a => Key(a.A, a.B)).ToHashSet();
            aligned += alignments.Count;

            silver += pairs.Count;
            foreach (var pair in pairs)
            {
                if (alignedPairs.Contains(pair))
                {
                    found++;
                }
                else
                {
                    output.WriteLine($"missed: {pair}");
                }
            }
        }

        var recall = silver == 0 ? 1 : (double)found / silver;
        output.WriteLine($"ECB+ dev silver quote pairs: {found}/{silver} aligned, recall {recall:0.000}; {aligned} alignments in those stories");
        Assert.True(silver > 0, "expected silver pairs in ECB+ dev");
        Assert.True(recall >= RecallFloor, $"silver recall {recall:0.000} fell below the floor {RecallFloor}");
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + " | " + b : b + " | " + a;

    private static IEnumerable<Quote> CurlyQuotes(Article article)
    {
        var body = article.Body;
        var i = 0;
        while ((i = body.IndexOf('\u201C', i)) >= 0)
        {
            var end = body.IndexOf('\u201D', i + 1);
            if (end < 0)
            {
                yield break;
            }

            var start = i + 1;
            yield return new Quote
            {
                Id = $"{article.Id}@{start}",
                Article = article.Id,
                Kind = QuoteKinds.Direct,
                Text = body[start..end],
                Start = start,
                End = end,
            };
            i = end + 1;
        }
    }

    private static List<string> SilverPairs(List<Quote> quotes)
    {
        var grams = quotes.ConvertAll(q => Grams(q.Text));
        var pairs = new List<string>();
        for (var x = 0; x < quotes.Count; x++)
        {
            for (var y = x + 1; y < quotes.Count; y++)
            {
                if (quotes[x].Article != quotes[y].Article && grams[x].Overlaps(grams[y]))
                {
                    pairs.Add(Key(quotes[x].Id, quotes[y].Id));
                }
            }
        }

        return pairs;
    }

    private static HashSet<string> Grams(string text)
    {
        var words = WordDiff.Words(text).ConvertAll(w => w.ToLowerInvariant());
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + SharedRunWords <= words.Count; i++)
        {
            set.Add(string.Join(' ', words.GetRange(i, SharedRunWords)));
        }

        return set;
    }
}
