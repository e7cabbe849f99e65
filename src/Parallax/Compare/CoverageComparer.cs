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

    /// <summary>
    /// Paraphrase score for two quotes whose attributions positively name one speaker (<see cref="SpeakerKey.Same"/>):
    /// one person restating a point in other words shares fewer words than the bar for anyone's quotes. On the samples
    /// gold, 0.6/0.55/0.5 gave P/R 0.971/0.717, 0.971/0.728, 0.971/0.740 (quote precision 0.994-0.995; feeds-warc and
    /// the seeds unchanged; ECB+ silver recall unchanged at 0.976).
    /// </summary>
    public const double SameSpeakerThreshold = 0.5;

    /// <summary>
    /// Paraphrase score for two texts that share a specific figure (<see cref="QuoteTerms.Anchors"/>) and whose figures
    /// do not disagree. On the samples and feeds-warc gold (with <see cref="ClaimAligner.SupportedThreshold"/> 0.3),
    /// 0.5/0.35/0.3 gave samples P/R 0.973/0.765, 0.973/0.760, 0.973/0.760 and feeds-warc 1.0/0.692, 1.0/0.769,
    /// 1.0/0.808; seeds 1/1 throughout: 0.3 (samples' extra pairs at 0.5 came from slot order, not from figures).
    /// </summary>
    public const double AnchoredThreshold = 0.3;

    /// <summary>Containment (verbatim or window) needs this many words in the shorter quote: below it, two-word scare
    /// quotes ("political approach") would align with any longer quote that happens to use the phrase.</summary>
    internal const int MinContainedWords = 4;

    /// <summary>Window containment: the window over the longer quote is this many times the shorter quote's length, so
    /// its words must occur close together, not scattered over a long paragraph.</summary>
    internal const double WindowStretch = 1.5;

    /// <summary>A quote is an excerpt of another when it has at most this share of its words: two thirds leaves room for
    /// a whole extra sentence in the longer quote, while quotes of similar length stay one-to-one.</summary>
    internal const double ExcerptLengthRatio = 0.67;

    /// <summary>Two texts are searched part by part only when their wholes share this many content terms.</summary>
    internal const int MinSharedPartTerms = 2;

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

        var table = new TermTable();
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

            list.Add((q, new QuoteTerms(q.Text, table, split: true), SpeakerKey.Of(q, speakerById)));
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

                var matches = new List<(int A, int B, PartMatch Match)>();
                for (var x = 0; x < groups[ai].Count; x++)
                {
                    for (var y = 0; y < groups[bi].Count; y++)
                    {
                        if (!SpeakerKey.Compatible(groups[ai][x].Speaker, groups[bi][y].Speaker))
                        {
                            continue;
                        }

                        var bar = SpeakerKey.Same(groups[ai][x].Speaker, groups[bi][y].Speaker) ? Math.Min(SameSpeakerThreshold, options.ParaphraseThreshold) : options.ParaphraseThreshold;
                        foreach (var match in Candidates(groups[ai][x].Terms, groups[bi][y].Terms, bar))
                        {
                            matches.Add((x, y, match));
                        }
                    }
                }

                // Greedy by score; ties go to the earlier quotes so the result is deterministic. Each quote has one slot
                // per statement part: a match takes the slots of the parts it matched (all of them for a whole quote),
                // so a quote carrying two statements can align with two quotes of the other article, one per statement.
                SortMatches(matches);
                var usedA = new uint[groups[ai].Count];
                var usedB = new uint[groups[bi].Count];
                var paired = new HashSet<(int, int)>();
                foreach (var (x, y, part) in matches)
                {
                    var (takeA, takeB) = Slots(part, groups[ai][x].Terms, groups[bi][y].Terms);
                    if ((usedA[x] & takeA) != 0 || (usedB[y] & takeB) != 0 || (takeA == 0 && takeB == 0) || !paired.Add((x, y)))
                    {
                        continue;
                    }

                    usedA[x] |= takeA;
                    usedB[y] |= takeB;
                    var a = groups[ai][x].Quote;
                    var b = groups[bi][y].Quote;
                    var alignment = new Alignment
                    {
                        Story = story.Id,
                        A = a.Id,
                        B = b.Id,
                        Relation = part.Match.Relation,
                        Score = Math.Round(part.Match.Score, ScoreDecimals, MidpointRounding.AwayFromZero),
                        Diff = WordDiff.Diff(Part(groups[ai][x].Terms, part.PartA).Words, Part(groups[bi][y].Terms, part.PartB).Words),
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

    /// <summary>
    /// The best match of two texts over their wholes and their statement parts (<see cref="QuoteTerms.Parts"/>):
    /// one outlet's long quote and another's short one report the same statement when a part of the one matches the
    /// other. Part -1 is the whole text.
    /// </summary>
    internal PartMatch? BestMatch(QuoteTerms a, QuoteTerms b)
    {
        var all = Candidates(a, b);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>
    /// Every match of two texts over their wholes and statement parts, best first (<see cref="BestMatch"/> is the
    /// first). The one-to-one matching falls back on the next when the best one's slots are taken: a block quote whose
    /// first statement already went to one quote can still give its second to another.
    /// </summary>
    internal List<PartMatch> Candidates(QuoteTerms a, QuoteTerms b) => Candidates(a, b, options.ParaphraseThreshold);

    /// <summary>As <see cref="Candidates(QuoteTerms, QuoteTerms)"/>, with <paramref name="paraphrase"/> as the paraphrase bar.</summary>
    internal List<PartMatch> Candidates(QuoteTerms a, QuoteTerms b, double paraphrase)
    {
        var result = new List<PartMatch>();
        var whole = Score(a, b, paraphrase);
        if (whole is { } w && w.Excerpt == ExcerptSide.None && w.Relation != AlignmentRelations.Paraphrase)
        {
            result.Add(new PartMatch(w, -1, -1));
            return result;
        }

        if (whole is { } m)
        {
            result.Add(new PartMatch(m, -1, -1));
        }

        if ((a.Parts.Count == 0 && b.Parts.Count == 0) || !SharesContent(a, b))
        {
            return result;
        }

        for (var pa = -1; pa < a.Parts.Count; pa++)
        {
            for (var pb = -1; pb < b.Parts.Count; pb++)
            {
                if (pa < 0 && pb < 0)
                {
                    continue;
                }

                if (Score(Part(a, pa), Part(b, pb), paraphrase) is { } match)
                {
                    // A part's excerpt side is dropped: the slots of the part already leave the rest of the longer text
                    // free. Inserted before every match of the same rank: on a tie the later part wins, as it says which
                    // statement of the longer text matched, so the other parts stay free for other quotes.
                    var candidate = new PartMatch(match with { Excerpt = ExcerptSide.None }, pa, pb);
                    var at = 0;
                    while (at < result.Count && result[at].Match.Rank > match.Rank)
                    {
                        at++;
                    }

                    result.Insert(at, candidate);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Best first; ties go to the earlier quotes, then to the candidate listed first for the pair, so the result is
    /// deterministic and each pair's preferred match comes before its fallbacks.
    /// </summary>
    internal static void SortMatches(List<(int A, int B, PartMatch Match)> matches)
    {
        var keyed = new (int A, int B, PartMatch Match, int Index)[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            keyed[i] = (matches[i].A, matches[i].B, matches[i].Match, i);
        }

        Array.Sort(keyed, (p, q) => p.Match.Match.Rank != q.Match.Match.Rank ? q.Match.Match.Rank.CompareTo(p.Match.Match.Rank)
            : p.A != q.A ? p.A.CompareTo(q.A) : p.B != q.B ? p.B.CompareTo(q.B) : p.Index.CompareTo(q.Index));
        for (var i = 0; i < keyed.Length; i++)
        {
            matches[i] = (keyed[i].A, keyed[i].B, keyed[i].Match);
        }
    }

    /// <summary>Slots (one bit per part; all bits for the whole) a match takes on each side.</summary>
    internal static (uint A, uint B) Slots(PartMatch match, QuoteTerms a, QuoteTerms b)
    {
        var allA = All(a);
        var allB = All(b);
        var takeA = match.PartA < 0 ? allA : 1u << match.PartA;
        var takeB = match.PartB < 0 ? allB : 1u << match.PartB;
        if (match.PartA < 0 && match.PartB < 0)
        {
            // An excerpt takes its one best match, but the longer quote it sits in stays free: one outlet often quotes
            // as one block what another quotes sentence by sentence.
            takeA = match.Match.Excerpt == ExcerptSide.B ? 0 : allA;
            takeB = match.Match.Excerpt == ExcerptSide.A ? 0 : allB;
        }

        return (takeA, takeB);

        static uint All(QuoteTerms t) => t.Parts.Count == 0 ? 1u : t.Parts.Count >= 32 ? uint.MaxValue : (1u << t.Parts.Count) - 1;
    }

    internal static QuoteTerms Part(QuoteTerms t, int part) => part < 0 ? t : t.Parts[part].Terms;

    private static bool SharesContent(QuoteTerms a, QuoteTerms b) =>
        QuoteTerms.CountCommon(a.ContentSet, b.ContentSet) >= MinSharedPartTerms;

    /// <summary>Relation and score of two quotes, or null when they do not report the same statement.</summary>
    internal Match? Score(QuoteTerms a, QuoteTerms b) => Score(a, b, options.ParaphraseThreshold);

    private Match? Score(QuoteTerms a, QuoteTerms b, double paraphrase)
    {
        if (a.Lower.Length == 0 || b.Lower.Length == 0)
        {
            return null;
        }

        var (shorter, longer) = a.Lower.Length <= b.Lower.Length ? (a, b) : (b, a);
        if (a.Lower.AsSpan().SequenceEqual(b.Lower))
        {
            return new Match(AlignmentRelations.Verbatim, 1, VerbatimTier + 1);
        }

        // Two quotes with content words but none in common report different things whatever their function words; this
        // cheap test (a merge of two sorted id arrays) spares the word-level work for most pairs of a large story.
        var common = QuoteTerms.CountCommon(shorter.ContentSet, longer.ContentSet);
        if (shorter.ContentSet.Length > 0 && common == 0)
        {
            return null;
        }

        // Near-equal lengths with small edits are near_verbatim even when one side only adds words ("The relations ...");
        // verbatim containment is for a quote that is an excerpt of a clearly longer one.
        // The LCS is at most the shorter quote and at most the words both use (a merge of the sorted word ids), so most
        // pairs of a large story skip the quadratic LCS table.
        var lcsBound = 2.0 * shorter.Lower.Length / (a.Lower.Length + b.Lower.Length);
        if (lcsBound >= options.NearVerbatimThreshold)
        {
            lcsBound = 2.0 * QuoteTerms.CountCommon(a.LowerSorted, b.LowerSorted) / (a.Lower.Length + b.Lower.Length);
        }

        var lcs = lcsBound >= options.NearVerbatimThreshold ? LcsRatio(a.Lower, b.Lower) : 0;
        if (lcs >= options.NearVerbatimThreshold)
        {
            return new Match(AlignmentRelations.NearVerbatim, lcs, NearVerbatimTier + lcs);
        }

        var excerpt = shorter.Lower.Length > ExcerptLengthRatio * longer.Lower.Length ? ExcerptSide.None
            : ReferenceEquals(shorter, a) ? ExcerptSide.A : ExcerptSide.B;
        if (shorter.Lower.Length >= MinContainedWords && longer.Lower.AsSpan().IndexOf(shorter.Lower) >= 0)
        {
            return new Match(AlignmentRelations.Verbatim, 1, VerbatimTier + 1, excerpt);
        }

        // Reworded statements keep their figures: two that both give figures but share none report different facts
        // ("14 ships were waiting" on Monday, "23 vessels" on Wednesday).
        // Nor do two whose leading figures each lack in the other: "23 vessels were waiting on Wednesday, up from 14 on
        // Monday" restates Monday's 14 in passing but reports Wednesday's 23.
        if (a.Numbers.Length > 0 && b.Numbers.Length > 0
            && (QuoteTerms.CountCommon(a.Numbers, b.Numbers) == 0
                || (Array.BinarySearch(b.Numbers, a.LeadNumber) < 0 && Array.BinarySearch(a.Numbers, b.LeadNumber) < 0)))
        {
            return null;
        }

        // A specific figure both give ("40,000 litres", "31 conditions", "from 2027") anchors the same fact: outlets keep
        // the figure and reword the rest, so the pair needs less word overlap.
        if (QuoteTerms.CountCommon(a.Anchors, b.Anchors) > 0)
        {
            paraphrase = Math.Min(paraphrase, AnchoredThreshold);
        }

        // Dice and window containment are both at most common / (the smaller term set): skip pairs that cannot reach the bar.
        var smaller = Math.Min(shorter.ContentSet.Length, longer.ContentSet.Length);
        if (smaller == 0 || (double)common / smaller < paraphrase)
        {
            return null;
        }

        var semantic = Semantic(shorter, longer, common);
        return semantic >= paraphrase ? new Match(AlignmentRelations.Paraphrase, semantic, semantic, excerpt) : null;
    }

    /// <summary>2·LCS / (|a| + |b|) over lowercased word ids.</summary>
    internal static double LcsRatio(int[] a, int[] b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            var ai = a[i - 1];
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = ai == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return 2.0 * prev[b.Length] / (a.Length + b.Length);
    }

    /// <summary>Best of Dice over content terms and best-window containment of the shorter quote's terms in the longer.</summary>
    internal static double Semantic(QuoteTerms shorter, QuoteTerms longer, int common)
    {
        var s = shorter.ContentSet;
        var l = longer.ContentSet;
        if (s.Length == 0 || l.Length == 0)
        {
            return 0;
        }

        var dice = 2.0 * common / (s.Length + l.Length);
        if (s.Length < MinContainedWords || common < MinContainedWords)
        {
            return dice;
        }

        return Math.Max(dice, WindowContainment(shorter, longer));
    }

    private static double WindowContainment(QuoteTerms shorter, QuoteTerms longer)
    {
        var terms = shorter.ContentSet;
        var seq = longer.Content;
        var window = Math.Max(terms.Length + 2, (int)Math.Ceiling(shorter.Content.Length * WindowStretch));
        window = Math.Min(window, seq.Length);

        // Slide the window, counting how often each of the shorter quote's terms (by its index in the sorted set) is inside.
        Span<int> slot = seq.Length <= 256 ? stackalloc int[seq.Length] : new int[seq.Length];
        for (var i = 0; i < seq.Length; i++)
        {
            slot[i] = Array.BinarySearch(terms, seq[i]);
        }

        Span<int> inside = terms.Length <= 256 ? stackalloc int[terms.Length] : new int[terms.Length];
        inside.Clear();
        var found = 0;
        var best = 0;
        for (var i = 0; i < seq.Length; i++)
        {
            if (slot[i] >= 0 && inside[slot[i]]++ == 0)
            {
                found++;
            }

            if (i >= window && slot[i - window] >= 0 && --inside[slot[i - window]] == 0)
            {
                found--;
            }

            if (i >= window - 1)
            {
                best = Math.Max(best, found);
            }
        }

        return (double)best / terms.Length;
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

    /// <param name="PartA">Index of the part of A that matched, or -1 for the whole text.</param>
    internal readonly record struct PartMatch(Match Match, int PartA, int PartB);

    /// <summary>Which quote of a match is an excerpt of the other (clearly shorter), if any.</summary>
    internal enum ExcerptSide
    {
        None,
        A,
        B,
    }
}
