using Parallax.Model;

namespace Parallax.Compare;

/// <summary>
/// Aligns the same statement across a story's articles. Every pair of quotes from different articles is scored on
/// surface words (verbatim containment, LCS ratio) and on content words (Dice and best-window containment after light
/// stemming and synonym folding); each quote keeps at most its best match in each other article. Two quotes are
/// compared only when their attributions can be the same speaker (<see cref="SpeakerKey.Compatible"/>): the same words
/// from two different people are two statements.
/// </summary>
public sealed class CoverageComparer
{
    /// <summary>LCS ratio for near_verbatim: the seed pair that differs by one added article ("The relations ...") scores
    /// 0.98; one changed word in ten still passes, two in ten does not.</summary>
    public const double NearVerbatimThreshold = 0.8;

    /// <summary>
    /// Semantic score for paraphrase. Seed paraphrases score 0.67-0.93 (Dice) or 0.9 (window containment); unrelated
    /// quotes of one story share one or two names and score under 0.4; silver ECB+ pairs: see the tests.
    /// </summary>
    public const double ParaphraseThreshold = 0.6;

    /// <summary>Containment (verbatim or window) needs this many words in the shorter quote: below it, two-word scare
    /// quotes ("political approach") would align with any longer quote that happens to use the phrase.</summary>
    internal const int MinContainedWords = 4;

    /// <summary>Window containment: the window over the longer quote is this many times the shorter quote's length, so
    /// its words must occur close together, not scattered over a long paragraph.</summary>
    internal const double WindowStretch = 1.5;

    /// <summary>A quote is an excerpt of another when it has at most this share of its words: two thirds leaves room for
    /// a whole extra sentence in the longer quote, while quotes of similar length stay one-to-one.</summary>
    internal const double ExcerptLengthRatio = 0.67;

    private const int ScoreDecimals = 3;

    // Greedy matching prefers surface evidence: any verbatim match over any near-verbatim one over any paraphrase.
    private const double VerbatimTier = 2;
    private const double NearVerbatimTier = 1;

    private readonly CompareOptions options;

    public CoverageComparer(CompareOptions? options = null)
    {
        this.options = options ?? new CompareOptions();
    }

    /// <summary>Aligns with speakers known only by id and by the mention as written (<see cref="Quote.SpeakerMention"/>).</summary>
    public IReadOnlyList<Alignment> Align(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes) =>
        Align(story, articles, quotes, speakers: null);

    /// <summary>
    /// Aligns the quotes of a story's articles. With <paramref name="speakers"/> (the records the quotes' speaker ids
    /// refer to), names, aliases and roles decide whether two attributions can be one speaker.
    /// </summary>
    public IReadOnlyList<Alignment> Align(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes, IReadOnlyList<Speaker>? speakers) =>
        Align(story, articles, quotes, speakers, involving: null);

    /// <summary>
    /// As above, but only for article pairs that include <paramref name="involving"/> when it is given. Matching is
    /// decided per article pair, so the alignments of a story that gains one article are its old ones plus these:
    /// the engine adds an article without re-aligning the whole story.
    /// </summary>
    public IReadOnlyList<Alignment> Align(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes, IReadOnlyList<Speaker>? speakers, string? involving)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(quotes);

        Dictionary<string, Speaker>? speakerById = null;
        if (speakers is not null)
        {
            speakerById = new Dictionary<string, Speaker>(StringComparer.Ordinal);
            foreach (var s in speakers)
            {
                speakerById.TryAdd(s.Id, s);
            }
        }

        var order = ArticleOrder(story, articles);
        var byArticle = new SortedDictionary<int, List<(Quote Quote, QuoteTerms Terms, SpeakerKey Speaker)>>();
        foreach (var q in quotes)
        {
            if (!order.TryGetValue(q.Article, out var rank))
            {
                continue;
            }

            if (!byArticle.TryGetValue(rank, out var list))
            {
                list = [];
                byArticle[rank] = list;
            }

            list.Add((q, new QuoteTerms(q.Text), SpeakerKey.Of(q, speakerById)));
        }

        var groups = byArticle.Values.ToList();
        var result = new List<(int ARank, int AStart, int BRank, int BStart, Alignment Alignment)>();
        var ranks = byArticle.Keys.ToList();
        for (var ai = 0; ai < groups.Count; ai++)
        {
            for (var bi = ai + 1; bi < groups.Count; bi++)
            {
                if (involving is not null && groups[ai][0].Quote.Article != involving && groups[bi][0].Quote.Article != involving)
                {
                    continue;
                }

                var matches = new List<(int A, int B, Match Match)>();
                for (var x = 0; x < groups[ai].Count; x++)
                {
                    for (var y = 0; y < groups[bi].Count; y++)
                    {
                        if (!SpeakerKey.Compatible(groups[ai][x].Speaker, groups[bi][y].Speaker))
                        {
                            continue;
                        }

                        var match = Score(groups[ai][x].Terms, groups[bi][y].Terms);
                        if (match is not null)
                        {
                            matches.Add((x, y, match.Value));
                        }
                    }
                }

                // Greedy one-to-one by score; ties go to the earlier quotes so the result is deterministic.
                matches.Sort((p, q) => p.Match.Rank != q.Match.Rank ? q.Match.Rank.CompareTo(p.Match.Rank)
                    : p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
                var usedA = new HashSet<int>();
                var usedB = new HashSet<int>();
                foreach (var (x, y, match) in matches)
                {
                    // An excerpt takes its one best match, but the longer quote it sits in stays free: one outlet often
                    // quotes as one block what another quotes sentence by sentence.
                    var takeA = match.Excerpt != ExcerptSide.B;
                    var takeB = match.Excerpt != ExcerptSide.A;
                    if (usedA.Contains(x) || usedB.Contains(y))
                    {
                        if ((takeA && usedA.Contains(x)) || (takeB && usedB.Contains(y)) || (!takeA && !takeB))
                        {
                            continue;
                        }
                    }

                    if (takeA)
                    {
                        usedA.Add(x);
                    }

                    if (takeB)
                    {
                        usedB.Add(y);
                    }

                    var a = groups[ai][x].Quote;
                    var b = groups[bi][y].Quote;
                    var alignment = new Alignment
                    {
                        Story = story.Id,
                        A = a.Id,
                        B = b.Id,
                        Relation = match.Relation,
                        Score = Math.Round(match.Score, ScoreDecimals, MidpointRounding.AwayFromZero),
                        Diff = WordDiff.Diff(groups[ai][x].Terms.Words, groups[bi][y].Terms.Words),
                    };
                    result.Add((ranks[ai], a.Start, ranks[bi], b.Start, alignment));
                }
            }
        }

        result.Sort((p, q) =>
            p.ARank != q.ARank ? p.ARank.CompareTo(q.ARank)
            : p.AStart != q.AStart ? p.AStart.CompareTo(q.AStart)
            : p.BRank != q.BRank ? p.BRank.CompareTo(q.BRank)
            : p.BStart.CompareTo(q.BStart));
        return result.ConvertAll(r => r.Alignment);
    }

    /// <summary>Relation and score of two quotes, or null when they do not report the same statement.</summary>
    internal Match? Score(QuoteTerms a, QuoteTerms b)
    {
        if (a.Lower.Count == 0 || b.Lower.Count == 0)
        {
            return null;
        }

        var (shorter, longer) = a.Lower.Count <= b.Lower.Count ? (a, b) : (b, a);
        if (a.Lower.SequenceEqual(b.Lower))
        {
            return new Match(AlignmentRelations.Verbatim, 1, VerbatimTier + 1);
        }

        // Two quotes with content words but none in common report different things whatever their function words; this
        // cheap test spares the word-level work for most pairs of a large story.
        if (shorter.ContentSet.Count > 0 && !shorter.ContentSet.Overlaps(longer.ContentSet))
        {
            return null;
        }

        // Near-equal lengths with small edits are near_verbatim even when one side only adds words ("The relations ...");
        // verbatim containment is for a quote that is an excerpt of a clearly longer one. The LCS is at most the shorter
        // quote, so pairs of very different lengths skip it.
        var lcsBound = 2.0 * shorter.Lower.Count / (a.Lower.Count + b.Lower.Count);
        var lcs = lcsBound >= options.NearVerbatimThreshold ? LcsRatio(a.Lower, b.Lower) : 0;
        if (lcs >= options.NearVerbatimThreshold)
        {
            return new Match(AlignmentRelations.NearVerbatim, lcs, NearVerbatimTier + lcs);
        }

        var excerpt = shorter.Lower.Count > ExcerptLengthRatio * longer.Lower.Count ? ExcerptSide.None
            : ReferenceEquals(shorter, a) ? ExcerptSide.A : ExcerptSide.B;
        if (shorter.Lower.Count >= MinContainedWords && ContainsRun(longer.Lower, shorter.Lower))
        {
            return new Match(AlignmentRelations.Verbatim, 1, VerbatimTier + 1, excerpt);
        }

        var semantic = Semantic(shorter, longer);
        return semantic >= options.ParaphraseThreshold ? new Match(AlignmentRelations.Paraphrase, semantic, semantic, excerpt) : null;
    }

    /// <summary>2·LCS / (|a| + |b|) over lowercased words.</summary>
    internal static double LcsRatio(List<string> a, List<string> b)
    {
        var prev = new int[b.Count + 1];
        var cur = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                cur[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return 2.0 * prev[b.Count] / (a.Count + b.Count);
    }

    /// <summary>Best of Dice over content terms and best-window containment of the shorter quote's terms in the longer.</summary>
    internal static double Semantic(QuoteTerms shorter, QuoteTerms longer)
    {
        var s = shorter.ContentSet;
        var l = longer.ContentSet;
        if (s.Count == 0 || l.Count == 0)
        {
            return 0;
        }

        var common = 0;
        foreach (var t in s)
        {
            if (l.Contains(t))
            {
                common++;
            }
        }

        var dice = 2.0 * common / (s.Count + l.Count);
        if (s.Count < MinContainedWords || common < MinContainedWords)
        {
            return dice;
        }

        return Math.Max(dice, WindowContainment(shorter, longer));
    }

    private static double WindowContainment(QuoteTerms shorter, QuoteTerms longer)
    {
        var window = Math.Max(shorter.ContentSet.Count + 2, (int)Math.Ceiling(shorter.Content.Count * WindowStretch));
        if (window >= longer.Content.Count)
        {
            return Fraction(shorter.ContentSet, longer.Content, 0, longer.Content.Count);
        }

        // Slide the window, counting how often each of the shorter quote's terms is inside it.
        var terms = shorter.ContentSet;
        var seq = longer.Content;
        var inside = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = 0;
        var best = 0;
        for (var i = 0; i < seq.Count; i++)
        {
            if (terms.Contains(seq[i]))
            {
                var n = inside.GetValueOrDefault(seq[i]);
                found += n == 0 ? 1 : 0;
                inside[seq[i]] = n + 1;
            }

            if (i >= window && terms.Contains(seq[i - window]))
            {
                var n = inside[seq[i - window]] - 1;
                found -= n == 0 ? 1 : 0;
                inside[seq[i - window]] = n;
            }

            if (i >= window - 1)
            {
                best = Math.Max(best, found);
            }
        }

        return (double)best / terms.Count;
    }

    private static double Fraction(HashSet<string> terms, List<string> sequence, int start, int length)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < start + length; i++)
        {
            if (terms.Contains(sequence[i]))
            {
                found.Add(sequence[i]);
            }
        }

        return (double)found.Count / terms.Count;
    }

    private static bool ContainsRun(List<string> longer, List<string> shorter)
    {
        for (var i = 0; i + shorter.Count <= longer.Count; i++)
        {
            var k = 0;
            while (k < shorter.Count && string.Equals(longer[i + k], shorter[k], StringComparison.Ordinal))
            {
                k++;
            }

            if (k == shorter.Count)
            {
                return true;
            }
        }

        return false;
    }

    internal static Dictionary<string, int> ArticleOrder(Story story, IReadOnlyList<Article> articles)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            given.Add(a.Id);
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in story.Articles)
        {
            if (given.Contains(id))
            {
                order.TryAdd(id, order.Count);
            }
        }

        // Articles passed in but missing from the story record follow the story's own, in the order given.
        foreach (var a in articles)
        {
            order.TryAdd(a.Id, order.Count);
        }

        return order;
    }

    /// <param name="Rank">Tier plus score: the order used by the one-to-one greedy matching.</param>
    internal readonly record struct Match(string Relation, double Score, double Rank, ExcerptSide Excerpt = ExcerptSide.None);

    /// <summary>Which quote of a match is an excerpt of the other (clearly shorter), if any.</summary>
    internal enum ExcerptSide
    {
        None,
        A,
        B,
    }
}
