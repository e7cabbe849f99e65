using Parallax.Model;
using Parallax.Text;

namespace Parallax.Compare;

/// <summary>
/// Aligns the rest of the text: sentences that no quote covers, across a story's articles, with each other and with
/// the other articles' quotes (a fact one outlet states and another attributes). Candidates share content terms
/// through an inverted index, so a 50-article story scores only pairs that have something in common; each pair is
/// then scored like two quotes, with a stricter paraphrase bar, and kept one-to-one per article pair.
/// </summary>
public sealed class ClaimAligner
{
    /// <summary>
    /// Paraphrase score for two sentences. Sentences of one story share its topic words ("strike", "Quay 7", "dockers")
    /// far more than two quotes of different claims do: at 0.6 the samples' background sentences paired with each other.
    /// Once sentences are split into statement parts (<see cref="ClauseSplitter"/>) a part carries less topic noise:
    /// on the full samples gold, 0.7 gave claim precision 0.979 and recall 0.581, 0.62 gave 0.956 and 0.609. Once lone
    /// letters of possessives stopped counting as terms and participle clauses split off, the sweep over 0.58/0.6/0.62
    /// gave samples P/R 0.968/0.715, 0.968/0.715, 0.975/0.685 (feeds-warc 1.0/0.692 throughout): 0.6.
    /// </summary>
    public const double ClaimThreshold = 0.6;

    /// <summary>
    /// Paraphrase score for a sentence and a unit of another article that alignments already tie into one statement
    /// through a third article (A matches C, B matches C): the chain is evidence of its own, so the pair needs less
    /// word overlap. On the samples gold, 0.45 adds pairs at the precision of the direct ones. After the issue 7 term
    /// rules, 0.45/0.4/0.35 gave samples P/R 0.971/0.740, 0.972/0.744, 0.972/0.747 (feeds-warc 1.0/0.692 throughout):
    /// 0.4, not the lowest, as a chain built from one wrong link would carry it further at a lower bar. With figures
    /// anchoring pairs (<see cref="CoverageComparer.AnchoredThreshold"/> 0.3), 0.4/0.3/0.2 gave samples P/R
    /// 0.972/0.756, 0.973/0.760, 0.970/0.765 (feeds-warc 1.0/0.808, 1.0/0.808, 1.0/0.846): 0.3, where claim precision
    /// holds (0.947; 0.942 at 0.2).
    /// </summary>
    public const double SupportedThreshold = 0.3;

    /// <summary>A sentence is left to the quote alignment when quotes cover at least this share of its characters.</summary>
    internal const double QuoteCoveredShare = 0.5;

    /// <summary>Sentences with fewer content terms (crossheads, "Check Also", datelines) state no fact to compare.</summary>
    internal const int MinClaimTerms = 4;

    /// <summary>Candidates must share this many content terms before they are scored.</summary>
    internal const int MinSharedTerms = 2;

    private const int ScoreDecimals = 3;

    private readonly CoverageComparer comparer;
    private readonly CoverageComparer supported;

    public ClaimAligner(CompareOptions? options = null)
    {
        comparer = new CoverageComparer((options ?? new CompareOptions()) with { ParaphraseThreshold = ClaimThreshold });
        supported = new CoverageComparer((options ?? new CompareOptions()) with { ParaphraseThreshold = SupportedThreshold });
    }

    /// <summary>The claim sentences of one article: sentences with enough content that quotes do not mostly cover.</summary>
    public static List<TextSpan> ClaimSentences(Article article, IReadOnlyList<Quote> articleQuotes)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(articleQuotes);
        var result = new List<TextSpan>();
        foreach (var sentence in SentenceSplitter.Split(article.Body))
        {
            var covered = 0;
            foreach (var q in articleQuotes)
            {
                var start = Math.Max(q.Start, sentence.Start);
                var end = Math.Min(q.End, sentence.End);
                if (end > start)
                {
                    covered += end - start;
                }
            }

            if (covered < QuoteCoveredShare * sentence.Length)
            {
                result.Add(sentence);
            }
        }

        return result;
    }

    /// <summary>Aligns claim sentences with claim sentences and quotes of the story's other articles.</summary>
    public IReadOnlyList<ClaimAlignment> Align(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(quotes);
        return Align(story, Units(story, articles, quotes));
    }

    internal IReadOnlyList<ClaimAlignment> Align(Story story, List<Unit> units)
    {
        // Inverted index over content terms: which units use each term.
        var terms = 0;
        foreach (var unit in units)
        {
            foreach (var term in unit.Terms.ContentSet)
            {
                terms = Math.Max(terms, term + 1);
            }
        }

        var index = new List<int>?[terms];
        for (var u = 0; u < units.Count; u++)
        {
            foreach (var term in units[u].Terms.ContentSet)
            {
                (index[term] ??= []).Add(u);
            }
        }

        var matches = new List<(int A, int B, CoverageComparer.PartMatch Match)>();
        var shared = new int[units.Count];
        var touched = new List<int>();
        for (var a = 0; a < units.Count; a++)
        {
            if (units[a].Quote is not null)
            {
                continue; // quote-to-quote is the comparer's; pairs with a claim are found from the claim's side
            }

            foreach (var term in units[a].Terms.ContentSet)
            {
                foreach (var b in index[term]!)
                {
                    if (units[b].Rank != units[a].Rank && (units[b].Quote is not null || b > a) && shared[b]++ == 0)
                    {
                        touched.Add(b);
                    }
                }
            }

            // Candidates in unit order, so the result does not depend on hashing.
            touched.Sort();
            foreach (var b in touched)
            {
                var count = shared[b];
                shared[b] = 0;
                if (count < MinSharedTerms || NumbersDisagree(units[a], units[b]))
                {
                    continue;
                }

                foreach (var match in comparer.Candidates(units[a].Terms, units[b].Terms))
                {
                    // Keep the pair in story order, with the part indices and the excerpt side following their units.
                    matches.Add(units[a].Rank < units[b].Rank ? (a, b, match) : (b, a, Swap(match)));
                }
            }

            touched.Clear();
        }

        // Best first; ties go to earlier units so the result is deterministic. Per article pair, each unit's statement
        // parts are slots a match takes (see CoverageComparer.Slots): a sentence or quote carrying two statements can
        // align with two units of another article, one per statement.
        CoverageComparer.SortMatches(matches);
        var used = new Dictionary<(int Unit, int OtherRank), uint>();
        var paired = new HashSet<(int, int)>();
        var result = new List<(int A, int B, ClaimAlignment Alignment)>();
        foreach (var (a, b, match) in matches)
        {
            var ua = units[a];
            var ub = units[b];
            var (takeA, takeB) = CoverageComparer.Slots(match, ua.Terms, ub.Terms);
            var usedA = used.GetValueOrDefault((a, ub.Rank));
            var usedB = used.GetValueOrDefault((b, ua.Rank));
            if ((usedA & takeA) != 0 || (usedB & takeB) != 0 || (takeA == 0 && takeB == 0) || !paired.Add((a, b)))
            {
                continue;
            }

            used[(a, ub.Rank)] = usedA | takeA;
            used[(b, ua.Rank)] = usedB | takeB;
            result.Add((a, b, Create(story, ua, ub, match)));
        }

        result.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return result.ConvertAll(r => r.Alignment);
    }

    /// <summary>
    /// Pairs inside statements that alignments already built (<paramref name="groups"/>: units of one statement), between
    /// articles no alignment links directly within it, scored at <see cref="SupportedThreshold"/>. Two quotes can pair
    /// here too: the quote alignment left them apart, a third article ties them together.
    /// </summary>
    internal List<ClaimAlignment> AlignWithin(Story story, List<Unit> units, IEnumerable<List<int>> groups, HashSet<(int Group, int RankA, int RankB)> linked)
    {
        var result = new List<ClaimAlignment>();
        foreach (var members in groups)
        {
            if (members.Count < 3)
            {
                continue;
            }

            var group = members[0];
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = units[members[i]].Rank <= units[members[j]].Rank ? (members[i], members[j]) : (members[j], members[i]);
                    var ua = units[a];
                    var ub = units[b];
                    if (ua.Rank == ub.Rank || linked.Contains((group, ua.Rank, ub.Rank)) || NumbersDisagree(ua, ub))
                    {
                        continue;
                    }

                    if (supported.BestMatch(ua.Terms, ub.Terms) is { } match)
                    {
                        linked.Add((group, ua.Rank, ub.Rank));
                        result.Add(Create(story, ua, ub, match));
                    }
                }
            }
        }

        return result;
    }

    private static ClaimAlignment Create(Story story, Unit ua, Unit ub, CoverageComparer.PartMatch match)
    {
        var (aStart, aEnd) = PartSpan(ua, match.PartA);
        var (bStart, bEnd) = PartSpan(ub, match.PartB);
        return new ClaimAlignment
        {
            Story = story.Id,
            A = ua.Article,
            AStart = aStart,
            AEnd = aEnd,
            AQuote = ua.Quote,
            B = ub.Article,
            BStart = bStart,
            BEnd = bEnd,
            BQuote = ub.Quote,
            Relation = match.Match.Relation,
            Score = Math.Round(match.Match.Score, ScoreDecimals, MidpointRounding.AwayFromZero),
            Diff = WordDiff.Diff(CoverageComparer.Part(ua.Terms, match.PartA).Words, CoverageComparer.Part(ub.Terms, match.PartB).Words),
        };
    }

    /// <summary>Quotes and claim sentences of the story's articles, in story order then text order.</summary>
    internal static List<Unit> Units(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes)
    {
        var table = new TermTable();
        var order = CoverageComparer.ArticleOrder(story, articles);
        var byArticle = new Dictionary<string, List<Quote>>(StringComparer.Ordinal);
        foreach (var q in quotes)
        {
            if (!byArticle.TryGetValue(q.Article, out var list))
            {
                list = [];
                byArticle[q.Article] = list;
            }

            list.Add(q);
        }

        var units = new List<Unit>();
        foreach (var article in articles.OrderBy(a => order[a.Id]))
        {
            var articleQuotes = byArticle.GetValueOrDefault(article.Id) ?? [];
            var own = new List<Unit>();
            foreach (var q in articleQuotes)
            {
                own.Add(new Unit(article.Id, order[article.Id], q.Id, q.Start, q.End, q.Text, new QuoteTerms(q.Text, table, split: true)));
            }

            foreach (var whole in ClaimSentences(article, articleQuotes))
            {
                var dateline = CompareRules.Dateline().Match(article.Body, whole.Start, whole.Length);
                var sentence = dateline.Success ? new TextSpan(whole.Start + dateline.Length, whole.End) : whole;

                // A sentence carrying two statements ("X said A, and that B") is two claims, when each part states enough
                // to stand as one; otherwise it stays whole, so that no part of it drops out of the coverage.
                var parts = new List<Unit>();
                foreach (var s in ClauseSplitter.Split(article.Body, sentence.Start, sentence.End))
                {
                    var text = s.Of(article.Body);
                    parts.Add(new Unit(article.Id, order[article.Id], null, s.Start, s.End, text, new QuoteTerms(text, table)));
                }

                if (parts.Count > 1 && parts.Exists(p => p.Terms.ContentSet.Length < MinClaimTerms))
                {
                    var text = sentence.Of(article.Body);
                    parts = [new Unit(article.Id, order[article.Id], null, sentence.Start, sentence.End, text, new QuoteTerms(text, table))];
                }

                own.AddRange(parts.Where(p => p.Terms.ContentSet.Length >= MinClaimTerms));
            }

            own.Sort((x, y) => x.Start.CompareTo(y.Start));
            units.AddRange(own);
        }

        return units;
    }

    private static (int Start, int End) PartSpan(Unit unit, int part) =>
        part < 0 ? (unit.Start, unit.End) : (unit.Start + unit.Terms.Parts[part].Span.Start, unit.Start + unit.Terms.Parts[part].Span.End);

    private static CoverageComparer.PartMatch Swap(CoverageComparer.PartMatch m) => new(
        m.Match with
        {
            Excerpt = m.Match.Excerpt switch
            {
                CoverageComparer.ExcerptSide.A => CoverageComparer.ExcerptSide.B,
                CoverageComparer.ExcerptSide.B => CoverageComparer.ExcerptSide.A,
                _ => CoverageComparer.ExcerptSide.None,
            },
        },
        m.PartB,
        m.PartA);

    /// <summary>Two sentences that both give figures but share none report different facts ("14 ships" on Monday, "23" on Wednesday).</summary>
    private static bool NumbersDisagree(Unit a, Unit b) =>
        a.Terms.Numbers.Length > 0 && b.Terms.Numbers.Length > 0 && QuoteTerms.CountCommon(a.Terms.Numbers, b.Terms.Numbers) == 0;

    /// <summary>A quote (<see cref="Quote"/> set) or a claim sentence of one article.</summary>
    internal sealed record Unit(string Article, int Rank, string? Quote, int Start, int End, string Text, QuoteTerms Terms);
}
