using Parallax.Model;

namespace Parallax.Store;

/// <summary>The default store: one SQLite file, WAL, versioned schema, FTS5 index.</summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private SqliteArticleStore() { }

    /// <summary>Opens (creating and migrating as needed) the database at <paramref name="path"/>.</summary>
    public static Task<SqliteArticleStore> OpenAsync(string path, CancellationToken cancellationToken = default) => throw new NotImplementedException("store helper");

    public Task<string?> FindExistingAsync(string? url, string contentHash, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task CommitAsync(ArticleCommit commit, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task AddRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public IAsyncEnumerable<Article> GetArticlesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<Article>> GetStoryArticlesAsync(string storyId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<Story>> GetStoriesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<Speaker>> GetSpeakersAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<Quote>> GetQuotesAsync(string? articleId = null, string? speakerId = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<Alignment>> GetAlignmentsAsync(string? storyId = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<Rejection>> GetRejectionsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
