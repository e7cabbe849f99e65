using Microsoft.AspNetCore.Http;
using Parallax.Compare;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Web.Ui;

/// <summary>Reads what each page shows from the store. One method per page; null means 404.</summary>
internal sealed class UiQueries(IArticleStore store, StoryPageCache? stories = null)
{
    /// <summary>Stories, quotes and search hits per page: a screenful on a wide screen, a short scroll on a phone.</summary>
    public const int PageSize = 20;

    /// <summary>Search pages reachable by paging: each page asks the index for every hit before it.</summary>
    public const int MaxSearchPages = 25;

    public async Task<StoryListModel> StoriesAsync(string? outlet, int page, CancellationToken ct)
    {
        // TODO(issue 8): paged store query
        var stories = await store.GetStoriesAsync(ct).ConfigureAwait(false);
        var outlets = stories.SelectMany(s => s.Outlets).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToList();
        outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet;
        var latest = stories
            .Where(s => outlet is null || s.Outlets.Contains(outlet, StringComparer.Ordinal))
            .OrderByDescending(s => s.LastPublished ?? s.FirstPublished ?? "", StringComparer.Ordinal)
            .ThenByDescending(s => s.Articles.Count)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var shown = latest.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new StoryListModel
        {
            Stories = shown,
            Outlets = outlets,
            Outlet = outlet,
            Total = latest.Count,
            Pages = Links("/", page, latest.Count > page * PageSize, ("outlet", outlet)),
        };
    }

    public async Task<StoryPageModel?> StoryAsync(string id, CancellationToken ct)
    {
        if (stories is not null)
        {
            var current = await store.GetStoryAsync(id, ct).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            if (stories.Get(current) is { } cached)
            {
                return cached;
            }
        }

        var report = await ReportBuilder.BuildStoryAsync(store, id, EngineInfo.Version, ct).ConfigureAwait(false);
        if (report is null)
        {
            return null;
        }

        var coverage = CoverageReport.Analyze(report)[0];
        var quotes = ById(report.Quotes, q => q.Id);
        var speakers = ById(report.Speakers, s => s.Id);
        var model = new StoryPageModel
        {
            Story = report.Stories[0],
            Coverage = coverage,
            Articles = ById(report.Articles, a => a.Id),
            Quotes = quotes,
            Speakers = speakers,
            QuoteGroups = QuoteGroups(coverage, report.Alignments, quotes, speakers),
        };
        stories?.Add(model);
        return model;
    }

    public async Task<SpeakerPageModel?> SpeakerAsync(string id, int page, CancellationToken ct)
    {
        // TODO(issue 8): paged store query (a speaker by id; their quotes a page at a time)
        var speaker = (await store.GetSpeakersAsync(ct).ConfigureAwait(false)).FirstOrDefault(s => s.Id == id);
        if (speaker is null)
        {
            return null;
        }

        var quotes = await store.GetQuotesAsync(speakerId: id, cancellationToken: ct).ConfigureAwait(false);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var articleId in quotes.Select(q => q.Article).Distinct(StringComparer.Ordinal))
        {
            if (await store.GetArticleAsync(articleId, ct).ConfigureAwait(false) is { } article)
            {
                articles[articleId] = article;
            }
        }

        // Across time: earliest published first, quotes of one article in reading order.
        var ordered = quotes
            .OrderBy(q => articles.TryGetValue(q.Article, out var a) ? a.Published ?? "~" : "~", StringComparer.Ordinal)
            .ThenBy(q => q.Article, StringComparer.Ordinal)
            .ThenBy(q => q.Start)
            .ToList();
        return new SpeakerPageModel
        {
            Speaker = speaker,
            Quotes = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList(),
            Articles = articles,
            Total = ordered.Count,
            Pages = Links(UiFormat.SpeakerHref(id), page, ordered.Count > page * PageSize),
        };
    }

    public async Task<SearchPageModel> SearchAsync(string? query, int page, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchPageModel();
        }

        page = Math.Min(page, MaxSearchPages);
        IReadOnlyList<SearchHit> hits;
        try
        {
            // TODO(issue 8): paged store query (offset in SQL instead of fetching every earlier hit)
            hits = await store.SearchAsync(query, (page * PageSize) + 1, ct).ConfigureAwait(false);
        }
        catch (InvalidSearchQueryException)
        {
            return new SearchPageModel
            {
                Query = query,
                Problem = "Parallax could not read this search. Use plain words; put a phrase in double quotes (\"rate hold\"); "
                    + "AND, OR and NOT must stand between words, and quotes and brackets must be closed.",
            };
        }

        var shown = hits.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var hit in shown)
        {
            if (await store.GetArticleAsync(hit.ArticleId, ct).ConfigureAwait(false) is { } article)
            {
                articles[hit.ArticleId] = article;
            }
        }

        return new SearchPageModel
        {
            Query = query,
            Hits = shown,
            Articles = articles,
            Pages = Links("/search", page, hits.Count > page * PageSize && page < MaxSearchPages, ("q", query)),
        };
    }

    public async Task<ArticlePageModel?> ArticleAsync(string id, CancellationToken ct)
    {
        var article = await store.GetArticleAsync(id, ct).ConfigureAwait(false);
        if (article is null)
        {
            return null;
        }

        var quotes = await store.GetQuotesAsync(id, cancellationToken: ct).ConfigureAwait(false);
        var quoted = quotes.Select(q => q.Speaker).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var speakers = quoted.Count == 0
            ? new Dictionary<string, Speaker>(StringComparer.Ordinal)
            : ById((await store.GetSpeakersAsync(ct).ConfigureAwait(false)).Where(s => quoted.Contains(s.Id)), s => s.Id);
        var story = article.Story is { } storyId ? await store.GetStoryAsync(storyId, ct).ConfigureAwait(false) : null;
        return new ArticlePageModel
        {
            Article = article,
            Quotes = quotes,
            Speakers = speakers,
            Story = story,
            Segments = UiFormat.Segments(article.Body, quotes),
        };
    }

    /// <summary>
    /// Quote statements carried by two articles or more, each with the alignments between its versions. Alignments
    /// that no statement holds (the coverage grouped them differently) become groups of their own, so no diff is lost.
    /// </summary>
    internal static List<QuoteGroup> QuoteGroups(
        StoryCoverage coverage,
        IReadOnlyList<Alignment> alignments,
        IReadOnlyDictionary<string, Quote> quotes,
        IReadOnlyDictionary<string, Speaker> speakers)
    {
        var groups = new List<QuoteGroup>();
        var shown = new HashSet<Alignment>();
        foreach (var statement in coverage.Statements)
        {
            if (statement.Kind != StatementKinds.Quote || statement.Articles.Count < 2)
            {
                continue;
            }

            var ids = statement.Mentions.Select(m => m.Quote).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var diffs = alignments.Where(a => ids.Contains(a.A) && ids.Contains(a.B)).ToList();
            shown.UnionWith(diffs);
            var speakerId = statement.Speaker ?? statement.Mentions.Select(m => m.Quote is { } q && quotes.TryGetValue(q, out var quote) ? quote.Speaker : null).OfType<string>().FirstOrDefault();
            groups.Add(new QuoteGroup(statement.Id, SpeakerOf(speakerId, speakers), statement.Mentions, diffs));
        }

        foreach (var alignment in alignments)
        {
            if (shown.Contains(alignment) || !quotes.TryGetValue(alignment.A, out var a) || !quotes.TryGetValue(alignment.B, out var b))
            {
                continue;
            }

            var versions = new[] { a, b }.Select(q => new StatementMention(q.Article, q.Id, q.Start, q.End, q.Text)).ToList();
            groups.Add(new QuoteGroup($"{alignment.A}~{alignment.B}", SpeakerOf(a.Speaker ?? b.Speaker, speakers), versions, [alignment]));
        }

        return groups;
    }

    private static Speaker? SpeakerOf(string? id, IReadOnlyDictionary<string, Speaker> speakers) =>
        id is not null && speakers.TryGetValue(id, out var speaker) ? speaker : null;

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(id(item), item);
        }

        return map;
    }

    private static PageLinks Links(string path, int page, bool hasNext, params (string Name, string? Value)[] query)
    {
        string Href(int n)
        {
            var qs = QueryString.Empty;
            foreach (var (name, value) in query)
            {
                if (value is not null)
                {
                    qs = qs.Add(name, value);
                }
            }

            if (n > 1)
            {
                qs = qs.Add("page", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return path + qs.ToUriComponent();
        }

        return new PageLinks(page, page > 1 ? Href(page - 1) : null, hasNext ? Href(page + 1) : null);
    }
}
