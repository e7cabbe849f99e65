using Microsoft.AspNetCore.Http;
using Parallax.Compare;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;
using Parallax.Web.Api;

namespace Parallax.Web.Ui;

/// <summary>
/// Reads what each page shows through the store's paged read side, one index range per list. Lists page by the store's
/// cursors (<c>?cursor=</c>, like the API), so every page is plain links and costs what the first costs. A story's
/// coverage comes from <see cref="StoryResponseCache"/>, shared with the API's story JSON; the article page's story is a
/// key lookup in <see cref="IArticleStore"/>. Null means 404.
/// </summary>
internal sealed class UiQueries(IArticleQueries queries, IArticleStore store, StoryResponseCache coverage)
{
    /// <summary>Stories, quotes and search hits per page: a screenful on a wide screen, a short scroll on a phone.</summary>
    public const int PageSize = 20;

    /// <summary>Outlets offered by the stories filter: a select longer than this is not read by anyone.</summary>
    public const int MaxOutlets = 500;

    public async Task<StoryListModel> StoriesAsync(string? outlet, string? cursor, CancellationToken ct)
    {
        outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet;
        var outlets = await queries.GetStoryOutletsAsync(MaxOutlets, ct).ConfigureAwait(false);
        (var page, cursor) = await PageOrFirstAsync(cursor, c => queries.GetStoriesPageAsync(new StoryFilter(outlet), new PageRequest(PageSize, c), ct)).ConfigureAwait(false);
        return new StoryListModel
        {
            Stories = page.Items,
            Outlets = outlets,
            Outlet = outlet,
            Total = (int)Math.Min(page.Total ?? page.Items.Count, int.MaxValue),
            Pages = Links("/", cursor, page.Next, ("outlet", outlet)),
        };
    }

    public async Task<StoryPageModel?> StoryAsync(string id, CancellationToken ct)
    {
        var report = await queries.GetStoryReportAsync(id, EngineInfo.Version, ct).ConfigureAwait(false);
        if (report is null || report.Stories.Count == 0)
        {
            return null;
        }

        var story = await coverage.GetCoverageAsync(report, ct).ConfigureAwait(false);
        var quotes = ById(report.Quotes, q => q.Id);
        var speakers = ById(report.Speakers, s => s.Id);
        return new StoryPageModel
        {
            Story = report.Stories[0],
            Coverage = story,
            Articles = ById(report.Articles, a => a.Id),
            Quotes = quotes,
            Speakers = speakers,
            QuoteGroups = QuoteGroups(story, report.Alignments, quotes, speakers),
        };
    }

    public async Task<SpeakerPageModel?> SpeakerAsync(string id, string? cursor, CancellationToken ct)
    {
        var speaker = await queries.FindSpeakerAsync(id, ct).ConfigureAwait(false);
        if (speaker is null)
        {
            return null;
        }

        (var page, cursor) = await PageOrFirstAsync(cursor, c => queries.GetSpeakerQuotesPageAsync(id, new PageRequest(PageSize, c), ct)).ConfigureAwait(false);
        return new SpeakerPageModel
        {
            Speaker = speaker.Speaker,
            Quotes = page.Items,
            Total = speaker.Quotes,
            Pages = Links(UiFormat.SpeakerHref(id), cursor, page.Next),
        };
    }

    public async Task<SearchPageModel> SearchAsync(string? query, string? cursor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchPageModel();
        }

        Page<SearchHit> page;
        try
        {
            (page, cursor) = await PageOrFirstAsync(cursor, c => queries.SearchPageAsync(query, new PageRequest(PageSize, c), ct)).ConfigureAwait(false);
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

        return new SearchPageModel
        {
            Query = query,
            Hits = page.Items,
            Pages = Links("/search", cursor, page.Next, ("q", query)),
        };
    }

    public async Task<ArticlePageModel?> ArticleAsync(string id, CancellationToken ct)
    {
        var found = await queries.FindArticleAsync(id, ct).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var (article, quotes) = (found.Article, found.Quotes);
        var quoted = quotes.Select(q => q.Speaker).OfType<string>().Distinct(StringComparer.Ordinal);
        var speakers = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        foreach (var speakerId in quoted)
        {
            if (await queries.FindSpeakerAsync(speakerId, ct).ConfigureAwait(false) is { } speaker)
            {
                speakers[speakerId] = speaker.Speaker;
            }
        }

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
    /// The page at the link's cursor and that cursor; the first page and null when the cursor is not one the store
    /// gave (an edited or stale link), so a reader gets a list rather than an error page.
    /// </summary>
    private static async Task<(Page<T> Page, string? Cursor)> PageOrFirstAsync<T>(string? cursor, Func<string?, Task<Page<T>>> read)
    {
        if (!string.IsNullOrEmpty(cursor))
        {
            try
            {
                return (await read(cursor).ConfigureAwait(false), cursor);
            }
            catch (InvalidPageRequestException)
            {
                // Fall through to the first page.
            }
        }

        return (await read(null).ConfigureAwait(false), null);
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

    /// <summary>Links to the first page (from any later one) and to the next; the query's other parameters are kept.</summary>
    private static PageLinks Links(string path, string? cursor, string? next, params (string Name, string? Value)[] query)
    {
        string Href(string? at)
        {
            var qs = QueryString.Empty;
            foreach (var (name, value) in query)
            {
                if (value is not null)
                {
                    qs = qs.Add(name, value);
                }
            }

            if (at is not null)
            {
                qs = qs.Add("cursor", at);
            }

            return path + qs.ToUriComponent();
        }

        return new PageLinks(string.IsNullOrEmpty(cursor) ? null : Href(null), next is null ? null : Href(next));
    }
}
