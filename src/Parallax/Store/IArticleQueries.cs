using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// The read side a server pages through: every query returns one page and a cursor to the next, runs on a pool of
/// read-only connections (so readers run in parallel with each other and with the single writer) and stays fast
/// however many articles are stored (each one is an index range, never a table scan).
/// </summary>
public interface IArticleQueries
{
    /// <summary>Stories newest first (by first publication; undated stories last), each with its first-seen time.</summary>
    /// <exception cref="InvalidPageRequestException">The limit is out of range or the cursor is not one this query gave.</exception>
    Task<Page<StoryListItem>> GetStoriesPageAsync(StoryFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Outlets that carried some story, alphabetical (case-insensitive), at most <paramref name="limit"/>: what a
    /// story filter can choose from. One index seek per outlet, however many stories are stored.
    /// </summary>
    Task<IReadOnlyList<string>> GetStoryOutletsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// One story as a report restricted to it (the same content as <c>ReportBuilder.BuildStoryAsync</c>), read in one
    /// snapshot; null when there is no such story.
    /// </summary>
    Task<Report?> GetStoryReportAsync(string storyId, string version, CancellationToken cancellationToken = default);

    /// <summary>Articles, latest ingested first, optionally of one outlet (case-insensitive) or one story.</summary>
    Task<Page<Article>> GetArticlesPageAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>One article and its quotes, or null.</summary>
    Task<ArticleWithQuotes?> FindArticleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Speakers that some quote refers to, most quoted first.</summary>
    Task<Page<SpeakerSummary>> GetSpeakersPageAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>One speaker with its quote count (0 when never quoted), or null.</summary>
    Task<SpeakerSummary?> FindSpeakerAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A speaker's quotes in ingestion order, each with the headline of its article.</summary>
    Task<Page<QuoteInArticle>> GetSpeakerQuotesPageAsync(string speakerId, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Full-text search (FTS5 syntax), best first: BM25 within windows of the newest matches (all of a rare word's matches
    /// are one window), windows newest first. Pages by offset since relevance has no stable key; a page is computed once
    /// per database version.
    /// </summary>
    /// <exception cref="InvalidSearchQueryException">The query is empty or not valid FTS5 syntax.</exception>
    Task<Page<SearchHit>> SearchPageAsync(string query, PageRequest page, CancellationToken cancellationToken = default);
}

/// <summary>How many items a page holds and where it starts: <see cref="Cursor"/> is the <c>next</c> of the page before.</summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? Cursor = null)
{
    public const int DefaultLimit = 20;

    /// <summary>Largest page: a page of full articles at 100 items is about half a megabyte of JSON.</summary>
    public const int MaxLimit = 100;
}

/// <summary>
/// One page. <see cref="Next"/> is an opaque cursor for the following page, null on the last one; <see cref="Total"/>
/// counts every item the filter matches, null where counting would cost more than the page itself (search).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, long? Total);

/// <summary>
/// Which stories: those an outlet covered (exact name, case-insensitive) and those whose publication span overlaps
/// the days <see cref="From"/>..<see cref="To"/> (inclusive; dates compare as written, offsets ignored).
/// </summary>
public sealed record StoryFilter(string? Outlet = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// A story in a list, with <see cref="FirstSeen"/>: when this store first ingested one of its articles (ISO-8601 UTC, to
/// the second), null when all of them were stored before ingestion times were kept. Not part of the story itself: a
/// report is the same whenever its inputs were read, and this time is not.
/// </summary>
public sealed record StoryListItem(Story Story, string? FirstSeen);

public sealed record ArticleFilter(string? Outlet = null, string? Story = null);

public sealed record SpeakerSummary(Speaker Speaker, int Quotes);

/// <summary>What a list of quotes shows of the article each comes from.</summary>
public sealed record ArticleHeadline(string Id, string? Title, string? Outlet, string? Published, string? Url, string? Story);

public sealed record QuoteInArticle(Quote Quote, ArticleHeadline Article);

public sealed record ArticleWithQuotes(Article Article, IReadOnlyList<Quote> Quotes);

/// <summary>A page request the store cannot serve: a limit out of range, or a cursor it did not issue.</summary>
public sealed class InvalidPageRequestException : ArgumentException
{
    public InvalidPageRequestException()
    {
    }

    public InvalidPageRequestException(string message)
        : base(message)
    {
    }

    public InvalidPageRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
