using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// The paged read side (<see cref="IArticleQueries"/>). Queries run on a small pool of read-only connections: in WAL
/// mode readers see the last committed state and never wait for the writer, so fifty HTTP clients share a few
/// connections while an ingest commits on the gated one. Each query is an index range (migration 6), and keyset
/// cursors make page 1,000 cost what page 1 costs.
/// </summary>
public sealed partial class SqliteArticleStore : IArticleQueries
{
    /// <summary>
    /// Read-only connections kept open. SQLite runs a statement on the calling thread, so more connections than cores
    /// only add contention; two per core leaves room for a reader blocked on I/O. Measured with <c>serve-load</c>.
    /// </summary>
    private static readonly int ReaderPoolSize = Math.Clamp(Environment.ProcessorCount * 2, 2, 16);

    /// <summary>Deepest search offset served: relevance pages cost their offset, and nobody reads 500 pages of hits.</summary>
    internal const int MaxSearchOffset = 10_000;

    /// <summary>
    /// Matches ranked together: BM25 costs about 2 µs per match ranked (serve-load store), so a window of 256 keeps a
    /// search near half a millisecond of ranking where a common word's 1,600 matches took 3 ms; two pages of 100 fit.
    /// </summary>
    internal const int SearchWindow = 256;

    private const string CursorStories = "s";
    private const string CursorArticles = "a";
    private const string CursorSpeakers = "p";
    private const string CursorQuotes = "q";
    private const string CursorSearch = "f";
    private const char CursorSeparator = '\u001f';

    /// <summary>Sort key of a story: undated stories sort as '' and so come last when newest is first.</summary>
    private const string StoryKey = "coalesce(first_published, '')";

    private readonly string? _readerConnectionString;
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
    private readonly SemaphoreSlim _readerSlots = new(ReaderPoolSize, ReaderPoolSize);

    /// <summary>Null for an in-memory database, whose readers then share the gated connection.</summary>
    private static string? ReaderConnectionString(string path)
    {
        if (path is ":memory:" or "" || path.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
    }

    public Task<Page<StoryListItem>> GetStoriesPageAsync(StoryFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = CheckLimit(page);
        var after = page.Cursor is null ? null : DecodeCursor(page.Cursor, CursorStories, 2);
        long afterRow = after is null ? 0 : ParseLong(after[1]);
        return ReadAsync((connection, transaction) =>
        {
            var where = new StringBuilder("WHERE 1 = 1");
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (filter.Outlet is { } outlet)
            {
                where.Append(" AND s.id IN (SELECT story FROM story_outlets WHERE outlet = $outlet)");
                command.Parameters.AddWithValue("$outlet", outlet);
            }

            if (filter.To is { } to)
            {
                // Dates are written as YYYY-MM-DD or longer ISO forms: anything before the next day is on or before `to`.
                where.Append(" AND s.first_published IS NOT NULL AND s.first_published < $to");
                command.Parameters.AddWithValue("$to", to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (filter.From is { } from)
            {
                where.Append(" AND coalesce(s.last_published, s.first_published) >= $from");
                command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            var total = Count(connection, transaction, $"SELECT COUNT(*) FROM stories s {where}", command.Parameters);
            if (after is not null)
            {
                where.Append($" AND {StoryKey} <= $key AND ({StoryKey} < $key OR s.rowid < $row)");
                command.Parameters.AddWithValue("$key", after[0]);
                command.Parameters.AddWithValue("$row", afterRow);
            }

            // First seen: the earliest ingestion of the story's articles, those it lists and those filed under it (as in
            // GetStoryReportAsync), by index lookups for the page's stories only.
            command.CommandText = $"""
                SELECT {StoryColumns}, s.rowid, {StoryKey},
                       (SELECT min(ingested) FROM (
                            SELECT ingested FROM articles WHERE story = s.id
                            UNION ALL
                            SELECT ingested FROM articles WHERE id IN (SELECT value FROM json_each(s.articles))))
                FROM stories s {where}
                ORDER BY {StoryKey} DESC, s.rowid DESC LIMIT {limit + 1}
                """;
            var items = new List<StoryListItem>(limit);
            long lastRow = 0;
            string? next = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (items.Count == limit)
                {
                    var last = items[^1].Story;
                    next = EncodeCursor(CursorStories, last.FirstPublished ?? "", lastRow.ToString(CultureInfo.InvariantCulture));
                    break;
                }

                items.Add(new StoryListItem(ReadStory(reader), NullableString(reader, 8)));
                lastRow = reader.GetInt64(6);
            }

            return new Page<StoryListItem>(items, next, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> GetStoryOutletsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<string>>((connection, transaction) =>
        {
            // A seek past the last outlet found, per outlet: SELECT DISTINCT would walk every (outlet, story) pair.
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT outlet FROM story_outlets WHERE outlet > $after ORDER BY outlet LIMIT 1";
            var after = command.Parameters.AddWithValue("$after", "");
            var outlets = new List<string>();
            while (outlets.Count < limit && command.ExecuteScalar() is string outlet)
            {
                outlets.Add(outlet);
                after.Value = outlet;
            }

            return outlets;
        }, cancellationToken);
    }

    public Task<Report?> GetStoryReportAsync(string storyId, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(version);
        return ReadAsync<Report?>((connection, transaction) =>
        {
            Story? story;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"SELECT {StoryColumns} FROM stories WHERE id = $id";
                command.Parameters.AddWithValue("$id", storyId);
                using var reader = command.ExecuteReader();
                story = reader.Read() ? ReadStory(reader) : null;
            }

            if (story is null)
            {
                return null;
            }

            // The same articles, in the same order, as GetStoryArticlesAsync; two indexed lookups instead of an OR.
            var rows = new List<(long Seq, Article Article)>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"""
                    SELECT {ArticleColumns} FROM articles WHERE story = $id
                    UNION
                    SELECT {ArticleColumns} FROM articles WHERE id IN (SELECT value FROM json_each($ids))
                    """;
                command.Parameters.AddWithValue("$id", storyId);
                command.Parameters.AddWithValue("$ids", StoreJson.Write(story.Articles));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(12), ReadArticle(reader)));
                }
            }

            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < story.Articles.Count; i++)
            {
                position.TryAdd(story.Articles[i], i);
            }

            var articles = rows
                .OrderBy(row => position.TryGetValue(row.Article.Id, out var at) ? at : int.MaxValue)
                .ThenBy(row => row.Seq)
                .Select(row => row.Article)
                .ToList();

            var quotesByArticle = new Dictionary<string, List<Quote>>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"""
                    SELECT {QuoteColumns} FROM quotes q WHERE q.article IN (SELECT value FROM json_each($ids))
                    ORDER BY q.text_start, q.text_end, q.id
                    """;
                command.Parameters.AddWithValue("$ids", StoreJson.Write(articles.Select(a => a.Id).ToList()));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var quote = ReadQuote(reader);
                    if (!quotesByArticle.TryGetValue(quote.Article, out var list))
                    {
                        quotesByArticle[quote.Article] = list = [];
                    }

                    list.Add(quote);
                }
            }

            var quotes = new List<Quote>();
            foreach (var article in articles)
            {
                if (quotesByArticle.TryGetValue(article.Id, out var list))
                {
                    quotes.AddRange(list);
                }
            }

            var speakerIds = quotes.Select(q => q.Speaker).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var speakers = new List<Speaker>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT id, name, aliases, roles, kind FROM speakers WHERE id IN (SELECT value FROM json_each($ids))";
                command.Parameters.AddWithValue("$ids", StoreJson.Write(speakerIds));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    speakers.Add(ReadSpeaker(reader));
                }
            }

            speakers.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));

            var alignments = new List<Alignment>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT story, a, b, relation, score, diff FROM alignments WHERE story = $id ORDER BY rowid";
                command.Parameters.AddWithValue("$id", storyId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    alignments.Add(ReadAlignment(reader));
                }
            }

            return new Report
            {
                Parallax = version,
                Articles = articles,
                Stories = [story],
                Speakers = speakers,
                Quotes = quotes,
                Alignments = alignments,
            };
        }, cancellationToken);
    }

    public Task<Page<Article>> GetArticlesPageAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = CheckLimit(page);
        long? before = page.Cursor is null ? null : ParseLong(DecodeCursor(page.Cursor, CursorArticles, 1)[0]);
        return ReadAsync((connection, transaction) =>
        {
            var where = new StringBuilder("WHERE 1 = 1");
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (filter.Outlet is { } outlet)
            {
                where.Append(" AND outlet = $outlet COLLATE NOCASE");
                command.Parameters.AddWithValue("$outlet", outlet);
            }

            if (filter.Story is { } story)
            {
                where.Append(" AND story = $story");
                command.Parameters.AddWithValue("$story", story);
            }

            var total = Count(connection, transaction, $"SELECT COUNT(*) FROM articles {where}", command.Parameters);
            if (before is { } seq)
            {
                where.Append(" AND seq < $before");
                command.Parameters.AddWithValue("$before", seq);
            }

            command.CommandText = $"SELECT {ArticleColumns} FROM articles {where} ORDER BY seq DESC LIMIT {limit + 1}";
            var items = new List<Article>(limit);
            long lastSeq = 0;
            string? next = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (items.Count == limit)
                {
                    next = EncodeCursor(CursorArticles, lastSeq.ToString(CultureInfo.InvariantCulture));
                    break;
                }

                items.Add(ReadArticle(reader));
                lastSeq = reader.GetInt64(12);
            }

            return new Page<Article>(items, next, total);
        }, cancellationToken);
    }

    public Task<ArticleWithQuotes?> FindArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync<ArticleWithQuotes?>((connection, transaction) =>
        {
            Article? article;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE id = $id";
                command.Parameters.AddWithValue("$id", id);
                using var reader = command.ExecuteReader();
                article = reader.Read() ? ReadArticle(reader) : null;
            }

            if (article is null)
            {
                return null;
            }

            var quotes = new List<Quote>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"SELECT {QuoteColumns} FROM quotes q WHERE q.article = $id ORDER BY q.text_start, q.text_end, q.id";
                command.Parameters.AddWithValue("$id", id);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    quotes.Add(ReadQuote(reader));
                }
            }

            return new ArticleWithQuotes(article, quotes);
        }, cancellationToken);
    }

    public Task<Page<SpeakerSummary>> GetSpeakersPageAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var limit = CheckLimit(page);
        var after = page.Cursor is null ? null : DecodeCursor(page.Cursor, CursorSpeakers, 2);
        long afterQuotes = after is null ? 0 : ParseLong(after[0]);
        return ReadAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // The total counts quoted speaker ids: one index count, where joining to speakers would read them all.
            var total = Count(connection, transaction, "SELECT COUNT(*) FROM speaker_quotes", command.Parameters);
            var where = "";
            if (after is not null)
            {
                where = "WHERE c.quotes <= $quotes AND (c.quotes < $quotes OR c.speaker > $speaker)";
                command.Parameters.AddWithValue("$quotes", afterQuotes);
                command.Parameters.AddWithValue("$speaker", after[1]);
            }

            command.CommandText = $"""
                SELECT s.id, s.name, s.aliases, s.roles, s.kind, c.quotes
                FROM speaker_quotes c JOIN speakers s ON s.id = c.speaker {where}
                ORDER BY c.quotes DESC, c.speaker LIMIT {limit + 1}
                """;
            var items = new List<SpeakerSummary>(limit);
            string? next = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (items.Count == limit)
                {
                    var last = items[^1];
                    next = EncodeCursor(CursorSpeakers, last.Quotes.ToString(CultureInfo.InvariantCulture), last.Speaker.Id);
                    break;
                }

                items.Add(new SpeakerSummary(ReadSpeaker(reader), reader.GetInt32(5)));
            }

            return new Page<SpeakerSummary>(items, next, total);
        }, cancellationToken);
    }

    public Task<SpeakerSummary?> FindSpeakerAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync<SpeakerSummary?>((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                SELECT s.id, s.name, s.aliases, s.roles, s.kind, coalesce(c.quotes, 0)
                FROM speakers s LEFT JOIN speaker_quotes c ON c.speaker = s.id WHERE s.id = $id
                """;
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new SpeakerSummary(ReadSpeaker(reader), reader.GetInt32(5)) : null;
        }, cancellationToken);
    }

    public Task<Page<QuoteInArticle>> GetSpeakerQuotesPageAsync(string speakerId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(speakerId);
        var limit = CheckLimit(page);
        long? after = page.Cursor is null ? null : ParseLong(DecodeCursor(page.Cursor, CursorQuotes, 1)[0]);
        return ReadAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$speaker", speakerId);
            var total = Count(connection, transaction, "SELECT coalesce((SELECT quotes FROM speaker_quotes WHERE speaker = $speaker), 0)", command.Parameters);
            var where = "WHERE q.speaker = $speaker";
            if (after is { } row)
            {
                where += " AND q.rowid > $after";
                command.Parameters.AddWithValue("$after", row);
            }

            command.CommandText = $"""
                SELECT {QuoteColumns}, q.rowid, a.id, a.title, a.outlet, a.published, a.url, a.story
                FROM quotes q JOIN articles a ON a.id = q.article {where}
                ORDER BY q.rowid LIMIT {limit + 1}
                """;
            var items = new List<QuoteInArticle>(limit);
            long lastRow = 0;
            string? next = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (items.Count == limit)
                {
                    next = EncodeCursor(CursorQuotes, lastRow.ToString(CultureInfo.InvariantCulture));
                    break;
                }

                var headline = new ArticleHeadline(
                    reader.GetString(13), NullableString(reader, 14), NullableString(reader, 15), NullableString(reader, 16),
                    NullableString(reader, 17), NullableString(reader, 18));
                items.Add(new QuoteInArticle(ReadQuote(reader), headline));
                lastRow = reader.GetInt64(12);
            }

            return new Page<QuoteInArticle>(items, next, total);
        }, cancellationToken);
    }

    public Task<Page<SearchHit>> SearchPageAsync(string query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(page);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new InvalidSearchQueryException("The search query is empty.", query, null);
        }

        var offset = page.Cursor is null ? 0 : ParseLong(DecodeCursor(page.Cursor, CursorSearch, 1)[0]);
        if (offset is < 0 or > MaxSearchOffset)
        {
            throw new InvalidPageRequestException($"Search pages stop at offset {MaxSearchOffset}.");
        }

        return CachedSearchAsync(query, limit, offset, () => ReadAsync((connection, transaction) =>
        {
            var hits = Search(connection, transaction, query, offset, limit + 1);
            string? next = null;
            if (hits.Count > limit)
            {
                hits.RemoveAt(limit);
                next = EncodeCursor(CursorSearch, (offset + limit).ToString(CultureInfo.InvariantCulture));
            }

            return new Page<SearchHit>(hits, next, null);
        }, cancellationToken));
    }

    /// <summary>
    /// Hits <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> in search order: the matches,
    /// newest first, cut into windows of <see cref="SearchWindow"/>; each window ranked by BM25 (title weighted), windows
    /// newest first. A query with at most one window of matches is ranked by relevance alone; a common word is ranked
    /// among its latest matches instead of all of them, which is what a news search wants first and what keeps one
    /// search's cost bounded however many articles match.
    /// </summary>
    private static List<SearchHit> Search(SqliteConnection connection, SqliteTransaction? transaction, string query, long offset, int count)
    {
        try
        {
            var ranked = new List<(long Seq, double Score)>(count);
            using (var bounds = connection.CreateCommand())
            using (var rank = connection.CreateCommand())
            {
                bounds.Transaction = transaction;
                rank.Transaction = transaction;
                // A window's rowid range comes from the doclist alone (no ranking, no text): reading it costs little.
                bounds.CommandText = $"""
                    SELECT max(rowid), min(rowid), count(*) FROM (
                        SELECT rowid FROM articles_fts WHERE articles_fts MATCH $query ORDER BY rowid DESC LIMIT {SearchWindow} OFFSET $skip)
                    """;
                bounds.Parameters.AddWithValue("$query", query);
                var skip = bounds.Parameters.Add("$skip", SqliteType.Integer);
                rank.CommandText = $"""
                    SELECT rowid, bm25(articles_fts, {TitleWeight:0.0###}, {BodyWeight:0.0###}) AS score
                    FROM articles_fts WHERE articles_fts MATCH $query AND rowid BETWEEN $low AND $high
                    ORDER BY score, rowid LIMIT $take OFFSET $within
                    """;
                rank.Parameters.AddWithValue("$query", query);
                var low = rank.Parameters.Add("$low", SqliteType.Integer);
                var high = rank.Parameters.Add("$high", SqliteType.Integer);
                var take = rank.Parameters.Add("$take", SqliteType.Integer);
                var within = rank.Parameters.Add("$within", SqliteType.Integer);
                var window = offset / SearchWindow;
                within.Value = offset % SearchWindow;
                while (ranked.Count < count)
                {
                    skip.Value = window * SearchWindow;
                    long matches;
                    using (var reader = bounds.ExecuteReader())
                    {
                        reader.Read();
                        matches = reader.GetInt64(2);
                        if (matches == 0)
                        {
                            break;
                        }

                        high.Value = reader.GetInt64(0);
                        low.Value = reader.GetInt64(1);
                    }

                    take.Value = count - ranked.Count;
                    using (var reader = rank.ExecuteReader())
                    {
                        while (reader.Read())
                        {
                            ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
                        }
                    }

                    if (matches < SearchWindow)
                    {
                        break;
                    }

                    window++;
                    within.Value = 0;
                }
            }

            return ranked.Count == 0 ? [] : Hits(connection, transaction, query, ranked);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteError)
        {
            throw new InvalidSearchQueryException($"Invalid search query '{query}': {ex.Message}", query, ex);
        }
    }

    /// <summary>The ranked rows as hits, their snippets built from the stored text (see <see cref="SearchSnippet"/>).</summary>
    private static List<SearchHit> Hits(SqliteConnection connection, SqliteTransaction? transaction, string query, List<(long Seq, double Score)> ranked)
    {
        var rows = new Dictionary<long, (string Id, string? Title, string Body, string? Outlet, string? Published, string? Story)>(ranked.Count);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // The seqs are integers read back from the index, written as literals so SQLite looks each one up by key.
            command.CommandText = $"""
                SELECT seq, id, title, body, outlet, published, story FROM articles
                WHERE seq IN ({string.Join(',', ranked.Select(r => r.Seq.ToString(CultureInfo.InvariantCulture)))})
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), NullableString(reader, 2), reader.GetString(3),
                    NullableString(reader, 4), NullableString(reader, 5), NullableString(reader, 6));
            }
        }

        var snippet = SearchSnippet.ForQuery(query);
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (seq, score) in ranked)
        {
            if (rows.TryGetValue(seq, out var row))
            {
                var text = snippet.Build(row.Title, row.Body, SnippetTokens, SnippetOpen, SnippetClose, SnippetEllipsis);
                hits.Add(new SearchHit(row.Id, row.Title, text, -score) { Outlet = row.Outlet, Published = row.Published, Story = row.Story });
            }
        }

        return hits;
    }

    private static int CheckLimit(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Limit is >= 1 and <= PageRequest.MaxLimit
            ? page.Limit
            : throw new InvalidPageRequestException($"The page limit must be between 1 and {PageRequest.MaxLimit}.");
    }

    private static long Count(SqliteConnection connection, SqliteTransaction? transaction, string sql, SqliteParameterCollection parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (SqliteParameter parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A cursor names its query, so one endpoint's cursor is refused by another instead of misread.</summary>
    internal static string EncodeCursor(string kind, params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(kind + CursorSeparator + string.Join(CursorSeparator, parts)));

    private static string[] DecodeCursor(string cursor, string kind, int parts)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException ex)
        {
            throw new InvalidPageRequestException("The cursor is not one this query gave.", ex);
        }

        var fields = text.Split(CursorSeparator);
        return fields.Length == parts + 1 && fields[0] == kind
            ? fields[1..]
            : throw new InvalidPageRequestException("The cursor is not one this query gave.");
    }

    private static long ParseLong(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidPageRequestException("The cursor is not one this query gave.");

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled read-only connection inside one read transaction, so the statements of
    /// one call (a page and its total, a story and its quotes) see the same snapshot.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        if (_readerConnectionString is null)
        {
            return await RunAsync(connection =>
            {
                using var transaction = connection.BeginTransaction(deferred: true);
                return work(connection, transaction);
            }, cancellationToken).ConfigureAwait(false);
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _readerSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (!_idleReaders.TryTake(out connection))
            {
                connection = OpenReader(_readerConnectionString);
            }

            using var transaction = connection.BeginTransaction(deferred: true);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException) when (connection is not null)
        {
            // A connection that failed may be in any state: close it; the pool opens a fresh one when needed.
            connection.Dispose();
            connection = null;
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                _idleReaders.Add(connection);
            }

            _readerSlots.Release();
        }
    }

    private static SqliteConnection OpenReader(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task DisposeReadersAsync()
    {
        // Take every slot: no reader is then in use, and none can start.
        for (var i = 0; i < ReaderPoolSize; i++)
        {
            await _readerSlots.WaitAsync().ConfigureAwait(false);
        }

        while (_idleReaders.TryTake(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        DisposeVersionConnection();

        _readerSlots.Dispose();
    }
}
