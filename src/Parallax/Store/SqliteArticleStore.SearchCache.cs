using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Parallax.Store;

/// <summary>
/// Search pages kept per database version. SQLite's <c>PRAGMA data_version</c>, read on a connection of its own, changes
/// whenever any other connection commits (this store's writer or another process's), so a page is served again only
/// while nothing has been written since it was computed: a cached page is never staler than a fresh one.
/// </summary>
public sealed partial class SqliteArticleStore
{
    /// <summary>
    /// Hits kept over all cached pages: a hit with its snippet and headline is about 600 bytes, so about 60 MB. Past it
    /// the cache starts again empty: simpler than an eviction order, and a full cache of distinct searches is rare.
    /// </summary>
    private const int SearchCacheHits = 100_000;

    private readonly ConcurrentDictionary<(string Query, int Limit, long Offset), (long Version, Page<SearchHit> Page)> _searchCache = new();
    private readonly Lock _versionLock = new();
    private SqliteConnection? _versionConnection;
    private int _searchCacheHits;

    /// <summary>The database's version as another connection sees it; null for an in-memory database (nothing cached).</summary>
    private long? DataVersion()
    {
        if (_readerConnectionString is null)
        {
            return null;
        }

        lock (_versionLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            _versionConnection ??= OpenReader(_readerConnectionString);
            using var command = _versionConnection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private async Task<Page<SearchHit>> CachedSearchAsync(string query, int limit, long offset, Func<Task<Page<SearchHit>>> search)
    {
        // The version is read before the search: a page computed from a later snapshot is filed under an older version
        // and so is never served after a write, however the two interleave.
        var version = DataVersion();
        if (version is null)
        {
            return await search().ConfigureAwait(false);
        }

        var key = (query, limit, offset);
        if (_searchCache.TryGetValue(key, out var cached) && cached.Version == version)
        {
            return cached.Page;
        }

        var page = await search().ConfigureAwait(false);
        if (Interlocked.Add(ref _searchCacheHits, page.Items.Count + 1) > SearchCacheHits)
        {
            _searchCache.Clear();
            Volatile.Write(ref _searchCacheHits, page.Items.Count + 1);
        }

        _searchCache[key] = (version.Value, page);
        return page;
    }

    private void DisposeVersionConnection()
    {
        lock (_versionLock)
        {
            _versionConnection?.Dispose();
            _versionConnection = null;
        }
    }
}
