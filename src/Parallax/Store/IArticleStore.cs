using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// Everything one article's ingestion changes, written in one transaction so a crash never leaves half an
/// article: the article, its quotes, the canonical speakers they touch, its story's new state and that
/// story's recomputed alignments.
/// </summary>
public sealed record ArticleCommit
{
    public required Article Article { get; init; }

    /// <summary>Hash of the normalised body: the same content is stored once.</summary>
    public required string ContentHash { get; init; }

    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<Speaker> Speakers { get; init; } = [];
    public Story? Story { get; init; }

    /// <summary>When not null, replaces all alignments of <see cref="Story"/>.</summary>
    public IReadOnlyList<Alignment>? StoryAlignments { get; init; }

    /// <summary>
    /// Alignments added to <see cref="Story"/>, the others kept: the pairs of a newly added article. Rewriting a whole
    /// story's alignments on every article is cubic in the story's size when everyone quotes the same statement.
    /// </summary>
    public IReadOnlyList<Alignment> AddedAlignments { get; init; } = [];

    /// <summary>
    /// Stored articles that turn out to be copies of this one (it was published earlier but arrived later): their
    /// <c>duplicate_of</c> becomes this article's id.
    /// </summary>
    public IReadOnlyList<string> CopiesOfThis { get; init; } = [];
}

/// <summary>Where Parallax keeps what it has read. SQLite by default; PostgreSQL for larger set-ups.</summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>Id of a stored article with this URL or this content hash, or null.</summary>
    Task<string?> FindExistingAsync(string? url, string contentHash, CancellationToken cancellationToken = default);

    Task CommitAsync(ArticleCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Records a rejection; the same source and reason are recorded once.</summary>
    Task AddRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default);

    Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>All articles in ingestion order.</summary>
    IAsyncEnumerable<Article> GetArticlesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Article>> GetStoryArticlesAsync(string storyId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Story>> GetStoriesAsync(CancellationToken cancellationToken = default);

    Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Speaker>> GetSpeakersAsync(CancellationToken cancellationToken = default);

    /// <summary>Quotes, optionally only those of one article or one speaker, in article then offset order.</summary>
    Task<IReadOnlyList<Quote>> GetQuotesAsync(string? articleId = null, string? speakerId = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Alignment>> GetAlignmentsAsync(string? storyId = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Rejection>> GetRejectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Full-text search over titles and bodies (FTS5 query syntax), best first.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);
}

public sealed record SearchHit(string ArticleId, string? Title, string Snippet, double Rank)
{
    /// <summary>Filled by <see cref="IArticleQueries.SearchPageAsync"/>, so a hit can be listed without reading its article.</summary>
    public string? Outlet { get; init; }

    public string? Published { get; init; }

    public string? Story { get; init; }
}

public sealed record StoreCounts(int Articles, int Stories, int Speakers, int Quotes, int Alignments, int Rejections);
