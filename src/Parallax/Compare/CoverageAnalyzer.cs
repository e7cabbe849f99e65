using Parallax.Model;

namespace Parallax.Compare;

/// <summary>
/// Turns a story's articles, quotes and quote alignments into its coverage: claim alignments for the rest of the text,
/// statements (aligned mentions grouped transitively), what each article alone reports and what it leaves out, and the
/// story's provenance (channels, citation chains, copies, timeline). Pure; runs at report time.
/// </summary>
public sealed class CoverageAnalyzer
{
    /// <summary>An article "leaves out" a statement that more than this share of the other articles carry.</summary>
    internal const double LeftOutShare = 0.5;

    /// <summary>...and at least this many of them: with two articles, one article's extra is the other's only-here.</summary>
    internal const int LeftOutMinArticles = 2;

    private readonly ClaimAligner claims;

    public CoverageAnalyzer(CompareOptions? options = null)
    {
        claims = new ClaimAligner(options);
    }

    public StoryCoverage Analyze(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes, IReadOnlyList<Alignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(alignments);

        var articleById = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            articleById.TryAdd(a.Id, a);
        }

        var storyQuotes = quotes.Where(q => articleById.ContainsKey(q.Article)).ToList();
        var units = ClaimAligner.Units(story, articles, storyQuotes);
        var claimAlignments = claims.Align(story, units);

        var order = CoverageComparer.ArticleOrder(story, articles);
        var quoteUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var spanUnit = new Dictionary<(string, int, int), int>();
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Quote is { } qid)
            {
                quoteUnit[qid] = u;
            }
            else
            {
                spanUnit[(units[u].Article, units[u].Start, units[u].End)] = u;
            }
        }

        var parent = Enumerable.Range(0, units.Count).ToArray();
        foreach (var al in alignments)
        {
            if (quoteUnit.TryGetValue(al.A, out var x) && quoteUnit.TryGetValue(al.B, out var y))
            {
                Union(parent, x, y);
            }
        }

        foreach (var c in claimAlignments)
        {
            if (Find(c.AQuote, c.A, c.AStart, c.AEnd) is { } x && Find(c.BQuote, c.B, c.BStart, c.BEnd) is { } y)
            {
                Union(parent, x, y);
            }
        }

        // Within each statement, pairs of articles that only a chain of alignments ties together get a second look at a
        // lower bar; what aligns joins the claim alignments (the statement itself does not change).
        var linked = new HashSet<(int, int, int)>();
        foreach (var al in alignments)
        {
            if (quoteUnit.TryGetValue(al.A, out var x) && quoteUnit.TryGetValue(al.B, out var y))
            {
                linked.Add(Link(x, y));
            }
        }

        foreach (var c in claimAlignments)
        {
            if (Find(c.AQuote, c.A, c.AStart, c.AEnd) is { } x && Find(c.BQuote, c.B, c.BStart, c.BEnd) is { } y)
            {
                linked.Add(Link(x, y));
            }
        }

        var groups = new Dictionary<int, List<int>>();
        for (var u = 0; u < units.Count; u++)
        {
            var root = Root(parent, u);
            if (!groups.TryGetValue(root, out var members))
            {
                members = [];
                groups[root] = members;
            }

            members.Add(u);
        }

        var more = claims.AlignWithin(story, units, groups.Values, linked);
        if (more.Count > 0)
        {
            var all = new List<ClaimAlignment>(claimAlignments.Count + more.Count);
            all.AddRange(claimAlignments);
            all.AddRange(more);
            claimAlignments = all;
        }

        var statements = Statements(story, units, parent, storyQuotes);
        return new StoryCoverage
        {
            Story = story.Id,
            ClaimAlignments = claimAlignments,
            Statements = statements,
            Articles = PerArticle(articles, order, statements),
            Provenance = ProvenanceOf(articles, order, storyQuotes, statements, articleById),
        };

        (int, int, int) Link(int x, int y)
        {
            var (a, b) = units[x].Rank <= units[y].Rank ? (x, y) : (y, x);
            return (Root(parent, a), units[a].Rank, units[b].Rank);
        }

        int? Find(string? quote, string article, int start, int end) =>
            quote is not null ? quoteUnit.TryGetValue(quote, out var q) ? q : null
            : spanUnit.TryGetValue((article, start, end), out var s) ? s : null;
    }

    private static List<Statement> Statements(Story story, List<ClaimAligner.Unit> units, int[] parent, List<Quote> quotes)
    {
        var speakerOf = quotes.ToDictionary(q => q.Id, q => q.Speaker, StringComparer.Ordinal);
        var groups = new Dictionary<int, List<int>>();
        var roots = new List<int>();
        for (var u = 0; u < units.Count; u++)
        {
            var root = Root(parent, u);
            if (!groups.TryGetValue(root, out var members))
            {
                members = [];
                groups[root] = members;
                roots.Add(root);
            }

            members.Add(u);
        }

        // Units are in story order then text order, so the first member of each group is its earliest mention.
        roots.Sort((a, b) => groups[a][0].CompareTo(groups[b][0]));
        var result = new List<Statement>(roots.Count);
        foreach (var root in roots)
        {
            var members = groups[root];
            var anyQuote = members.Any(m => units[m].Quote is not null);
            var speaker = members.Select(m => units[m].Quote is { } q ? speakerOf.GetValueOrDefault(q) : null).FirstOrDefault(s => s is not null);
            var carriers = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in members)
            {
                if (seen.Add(units[m].Article))
                {
                    carriers.Add(units[m].Article);
                }
            }

            result.Add(new Statement
            {
                Id = $"{story.Id}:s{result.Count + 1}",
                Kind = anyQuote ? StatementKinds.Quote : StatementKinds.Claim,
                Speaker = speaker,
                FirstArticle = units[members[0]].Article,
                Articles = carriers,
                Mentions = members.ConvertAll(m => new StatementMention(units[m].Article, units[m].Quote, units[m].Start, units[m].End, units[m].Text)),
            });
        }

        return result;
    }

    private static List<ArticleCoverage> PerArticle(IReadOnlyList<Article> articles, Dictionary<string, int> order, List<Statement> statements)
    {
        // Which statements each article carries, built once: a 50-article story has thousands of statements.
        var carriedBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            foreach (var a in statements[i].Articles)
            {
                if (!carriedBy.TryGetValue(a, out var list))
                {
                    list = [];
                    carriedBy[a] = list;
                }

                list.Add(i);
            }
        }

        // Statements most articles carry are the candidates for what an article leaves out.
        var others = articles.Count - 1;
        var widelyCarried = new List<int>();
        for (var i = 0; i < statements.Count; i++)
        {
            var n = statements[i].Articles.Count;
            if (n >= LeftOutMinArticles && n > LeftOutShare * others)
            {
                widelyCarried.Add(i);
            }
        }

        var result = new List<ArticleCoverage>();
        foreach (var article in articles.OrderBy(a => order[a.Id]))
        {
            var mine = carriedBy.GetValueOrDefault(article.Id) ?? [];
            var only = new List<string>();
            foreach (var i in mine)
            {
                if (statements[i].Articles.Count == 1 && others > 0)
                {
                    only.Add(statements[i].Id);
                }
            }

            var left = new List<string>();
            var here = new HashSet<int>(mine);
            foreach (var i in widelyCarried)
            {
                if (!here.Contains(i))
                {
                    left.Add(statements[i].Id);
                }
            }

            result.Add(new ArticleCoverage { Article = article.Id, Outlet = article.Outlet, Carried = mine.Count, OnlyHere = only, LeftOut = left });
        }

        return result;
    }

    private static Provenance ProvenanceOf(
        IReadOnlyList<Article> articles,
        Dictionary<string, int> order,
        List<Quote> quotes,
        List<Statement> statements,
        Dictionary<string, Article> articleById)
    {
        var chains = new List<CitationChain>();
        var seenChains = new HashSet<string>(StringComparer.Ordinal);
        var channels = new Dictionary<string, (List<string> Articles, int Quotes)>(StringComparer.OrdinalIgnoreCase);
        var channelOrder = new List<string>();
        foreach (var q in quotes.OrderBy(q => order[q.Article]).ThenBy(q => q.Start))
        {
            if (q.Via.Count == 0)
            {
                continue;
            }

            foreach (var name in q.Via)
            {
                if (!channels.TryGetValue(name, out var entry))
                {
                    entry = ([], 0);
                    channelOrder.Add(name);
                }

                if (!entry.Articles.Contains(q.Article, StringComparer.Ordinal))
                {
                    entry.Articles.Add(q.Article);
                }

                channels[name] = (entry.Articles, entry.Quotes + 1);
            }

            // Via is nearest to the speaker first ("he told Sputnik, Press TV reported" is [Sputnik, Press TV]), which is
            // already the order a chain reads in: from the source to the outlet that published it.
            var chain = q.Via.ToList();
            var outlet = articleById[q.Article].Outlet ?? q.Article;
            if (!string.Equals(chain[^1], outlet, StringComparison.OrdinalIgnoreCase))
            {
                chain.Add(outlet);
            }

            if (seenChains.Add(q.Article + "\u0001" + string.Join('\u0001', chain)))
            {
                chains.Add(new CitationChain(q.Article, q.Id, chain));
            }
        }

        // Statements at least two articles carry, per carrying article.
        var sharedBy = new Dictionary<string, List<Statement>>(StringComparer.Ordinal);
        foreach (var s in statements)
        {
            if (s.Articles.Count < 2)
            {
                continue;
            }

            foreach (var a in s.Articles)
            {
                if (!sharedBy.TryGetValue(a, out var list))
                {
                    list = [];
                    sharedBy[a] = list;
                }

                list.Add(s);
            }
        }

        var copies = new List<Copy>();
        var timeline = new List<TimelineEntry>();
        foreach (var article in articles.OrderBy(a => order[a.Id]))
        {
            if (article.DuplicateOf is { } original)
            {
                copies.Add(new Copy(article.Id, original, articleById.GetValueOrDefault(original)?.Outlet));
            }

            var first = new List<string>();
            var repeats = 0;
            foreach (var s in sharedBy.GetValueOrDefault(article.Id) ?? [])
            {

                if (s.FirstArticle == article.Id)
                {
                    first.Add(s.Id);
                }
                else
                {
                    repeats++;
                }
            }

            timeline.Add(new TimelineEntry
            {
                Article = article.Id,
                Outlet = article.Outlet,
                Published = article.Published,
                Title = article.Title,
                DuplicateOf = article.DuplicateOf,
                FirstReports = first,
                Repeats = repeats,
            });
        }

        return new Provenance
        {
            Channels = channelOrder.ConvertAll(n => new Channel(n, channels[n].Articles, channels[n].Quotes)),
            Chains = chains,
            Copies = copies,
            Timeline = timeline,
        };
    }

    private static int Root(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Root(parent, a);
        var rb = Root(parent, b);
        if (ra != rb)
        {
            // The earlier unit stays the root, so a group's root is its earliest mention.
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
