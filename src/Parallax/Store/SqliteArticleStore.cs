using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>The default store: one SQLite file, WAL, versioned schema, FTS5 index.</summary>
/// <remarks>
/// One connection per instance. Calls are serialised by a gate, so one async flow (or several) may use an
/// instance; readers never hold the gate while the caller runs, so a caller may query the store from inside a
/// <see cref="GetArticlesAsync"/> loop.
/// </remarks>
public sealed partial class SqliteArticleStore : IArticleStore
{
    /// <summary>
    /// How long a statement waits for another process's lock (a second CLI run, a reader) before failing. 5 s is
    /// SQLite's own recommendation for interactive tools and far above one article's commit time.
    /// </summary>
    private const int BusyTimeoutMilliseconds = 5_000;

    /// <summary>Articles read per turn of the gate in <see cref="GetArticlesAsync"/>: bounds memory, not a tuning result.</summary>
    private const int ArticlePageSize = 256;

    /// <summary>Title matches count more than body matches: a headline names what the article is about.</summary>
    private const double TitleWeight = 4.0;

    private const double BodyWeight = 1.0;

    /// <summary>Tokens in a search snippet: about one sentence of news prose.</summary>
    private const int SnippetTokens = 16;

    internal const string SnippetOpen = "[";
    internal const string SnippetClose = "]";
    internal const string SnippetEllipsis = "…";

    /// <summary>SQLite's generic error code: what FTS5 reports for a query it cannot parse.</summary>
    private const int SqliteError = 1;

    private const string ArticleColumns =
        "id, source, url, outlet, title, authors, published, language, kind, body, duplicate_of, story, seq, published_source, modified, section, title_source, authors_source";

    private const string StoryColumns = "id, title, articles, outlets, first_published, last_published";

    private const string QuoteColumns =
        "q.id, q.article, q.speaker, q.speaker_mention, q.speaker_start, q.speaker_end, q.cue, q.kind, q.text, q.text_start, q.text_end, q.via";

    /// <summary>How an ingestion time is written: UTC to the second, so times sort as text.</summary>
    internal const string IngestedFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>The schema version that added <c>articles.ingested</c>.</summary>
    private const int FirstSeenVersion = 7;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider? _clock;
    private int _disposed;

    private SqliteArticleStore(SqliteConnection connection, string path, TimeProvider? clock)
    {
        _connection = connection;
        _readerConnectionString = ReaderConnectionString(path);
        _clock = clock;
    }

    /// <summary>Opens (creating and migrating as needed) the database at <paramref name="path"/>.</summary>
    public static Task<SqliteArticleStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, TimeProvider.System, cancellationToken);

    /// <summary>
    /// The same, stamping each newly stored article with <paramref name="clock"/>'s time: when it was first seen. Reports
    /// never carry that time (it differs from run to run); the story lists of the read side do.
    /// </summary>
    public static Task<SqliteArticleStore> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken = default) =>
        OpenAsync(path, StoreSchema.LatestVersion, cancellationToken, clock);

    /// <summary>Opens and migrates only up to <paramref name="targetVersion"/>: how tests build an old database.</summary>
    internal static async Task<SqliteArticleStore> OpenAsync(string path, int targetVersion, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetVersion, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, StoreSchema.LatestVersion);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One long-lived connection per store: pooling would only keep the file open after disposal.
            Pooling = false,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Execute(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            Execute(connection, null, "PRAGMA journal_mode = WAL");
            Execute(connection, null, "PRAGMA synchronous = NORMAL");
            Execute(connection, null, "PRAGMA foreign_keys = ON");
            Migrate(connection, targetVersion);
            // A store held at an older version (tests build old databases through it) has no column for the time.
            var stamps = ReadUserVersion(connection, null) >= FirstSeenVersion;
            return new SqliteArticleStore(connection, path, stamps ? clock ?? TimeProvider.System : null);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema version of the open database.</summary>
    internal Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        RunAsync(connection => ReadUserVersion(connection, null), cancellationToken);

    /// <summary>The connection, for tests that inspect raw rows. Use only while no other call is running.</summary>
    internal SqliteConnection Connection => _connection;

    private static void Migrate(SqliteConnection connection, int targetVersion)
    {
        var current = ReadUserVersion(connection, null);
        if (current > StoreSchema.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database has schema version {current}, newer than this program's {StoreSchema.LatestVersion}; use a newer Parallax.");
        }

        if (current >= targetVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var migration in StoreSchema.Migrations)
        {
            if (migration.Version <= current || migration.Version > targetVersion)
            {
                continue;
            }

            Execute(connection, transaction, migration.Sql);
            Execute(connection, transaction, $"PRAGMA user_version = {migration.Version}");
        }

        transaction.Commit();
    }

    private static int ReadUserVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public Task<string?> FindExistingAsync(string? url, string contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        return RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            // Two indexed lookups rather than one OR, so each uses its unique index; the URL match wins.
            command.CommandText = """
                SELECT id FROM (
                    SELECT id, 0 AS pref, seq FROM articles WHERE $url IS NOT NULL AND url = $url
                    UNION ALL
                    SELECT id, 1 AS pref, seq FROM articles WHERE content_hash = $hash
                ) ORDER BY pref, seq LIMIT 1
                """;
            command.Parameters.AddWithValue("$url", (object?)url ?? DBNull.Value);
            command.Parameters.AddWithValue("$hash", contentHash);
            return command.ExecuteScalar() as string;
        }, cancellationToken);
    }

    public Task CommitAsync(ArticleCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Validate(commit);
        return RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            Apply(connection, transaction, commit, Now());
            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Several commits in one transaction, in order: how a benchmark fills a large store quickly. The engine commits one
    /// article at a time so that a crash loses at most the article in hand.
    /// </summary>
    internal Task CommitBatchAsync(IReadOnlyList<ArticleCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var commit in commits)
        {
            Validate(commit);
        }

        return RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var now = Now();
            foreach (var commit in commits)
            {
                Apply(connection, transaction, commit, now);
            }

            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    /// <summary>The time a commit stamps on the articles it stores first; null when the schema predates the column.</summary>
    private string? Now() => _clock?.GetUtcNow().UtcDateTime.ToString(IngestedFormat, System.Globalization.CultureInfo.InvariantCulture);

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction, ArticleCommit commit, string? now)
    {
        UpsertArticle(connection, transaction, commit.Article, commit.ContentHash, now);
        ReplaceQuotes(connection, transaction, commit.Article.Id, commit.Quotes);
        foreach (var copy in commit.CopiesOfThis)
        {
            using var relink = connection.CreateCommand();
            relink.Transaction = transaction;
            relink.CommandText = "UPDATE articles SET duplicate_of = $original WHERE id = $copy";
            relink.Parameters.AddWithValue("$original", commit.Article.Id);
            relink.Parameters.AddWithValue("$copy", copy);
            relink.ExecuteNonQuery();
        }

        foreach (var speaker in commit.Speakers)
        {
            UpsertSpeaker(connection, transaction, speaker);
        }

        if (commit.Story is { } story)
        {
            UpsertStory(connection, transaction, story);
            if (commit.StoryAlignments is { } alignments)
            {
                ReplaceAlignments(connection, transaction, story.Id, alignments);
            }

            InsertAlignments(connection, transaction, commit.AddedAlignments);
        }
    }

    /// <summary>A commit that contradicts itself is a bug in the caller: refuse it before touching the database.</summary>
    private static void Validate(ArticleCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit.Article, nameof(commit));
        ArgumentException.ThrowIfNullOrEmpty(commit.Article.Id, nameof(commit));
        ArgumentException.ThrowIfNullOrEmpty(commit.ContentHash, nameof(commit));
        foreach (var quote in commit.Quotes)
        {
            if (quote.Article != commit.Article.Id)
            {
                throw new ArgumentException(
                    $"Quote '{quote.Id}' belongs to article '{quote.Article}', not to the committed article '{commit.Article.Id}'.",
                    nameof(commit));
            }
        }

        if (commit.AddedAlignments.Count > 0 && commit.Story is null)
        {
            throw new ArgumentException("AddedAlignments are given without the Story they belong to.", nameof(commit));
        }

        foreach (var alignment in commit.AddedAlignments)
        {
            if (alignment.Story != commit.Story!.Id)
            {
                throw new ArgumentException(
                    $"Alignment ({alignment.A}, {alignment.B}) belongs to story '{alignment.Story}', not '{commit.Story.Id}'.",
                    nameof(commit));
            }
        }

        if (commit.StoryAlignments is { } alignments)
        {
            if (commit.Story is null)
            {
                throw new ArgumentException("StoryAlignments are given without the Story they belong to.", nameof(commit));
            }

            foreach (var alignment in alignments)
            {
                if (alignment.Story != commit.Story.Id)
                {
                    throw new ArgumentException(
                        $"Alignment ({alignment.A}, {alignment.B}) belongs to story '{alignment.Story}', not '{commit.Story.Id}'.",
                        nameof(commit));
                }
            }
        }
    }

    private static void UpsertArticle(SqliteConnection connection, SqliteTransaction transaction, Article article, string contentHash, string? now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A re-committed article keeps its seq and its ingestion time: ingestion order, the FTS rowid and the time it
        // was first seen stay what they were.
        command.CommandText = $"""
            INSERT INTO articles (id, seq, source, url, outlet, title, authors, published, language, kind, body, duplicate_of, story, content_hash, published_source,
                                  modified, section, title_source, authors_source{(now is null ? "" : ", ingested")})
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles), $source, $url, $outlet, $title, $authors, $published,
                    $language, $kind, $body, $duplicate_of, $story, $content_hash, $published_source,
                    $modified, $section, $title_source, $authors_source{(now is null ? "" : ", $ingested")})
            ON CONFLICT (id) DO UPDATE SET
                source = excluded.source, url = excluded.url, outlet = excluded.outlet, title = excluded.title,
                authors = excluded.authors, published = excluded.published, language = excluded.language,
                kind = excluded.kind, body = excluded.body, duplicate_of = excluded.duplicate_of,
                story = excluded.story, content_hash = excluded.content_hash, published_source = excluded.published_source,
                modified = excluded.modified, section = excluded.section, title_source = excluded.title_source,
                authors_source = excluded.authors_source
            """;
        var p = command.Parameters;
        p.AddWithValue("$id", article.Id);
        p.AddWithValue("$source", article.Source);
        p.AddWithValue("$url", Nullable(article.Url));
        p.AddWithValue("$outlet", Nullable(article.Outlet));
        p.AddWithValue("$title", Nullable(article.Title));
        p.AddWithValue("$authors", StoreJson.Write(article.Authors));
        p.AddWithValue("$published", Nullable(article.Published));
        p.AddWithValue("$published_source", Nullable(article.PublishedSource));
        p.AddWithValue("$modified", Nullable(article.Modified));
        p.AddWithValue("$section", Nullable(article.Section));
        p.AddWithValue("$title_source", Nullable(article.TitleSource));
        p.AddWithValue("$authors_source", Nullable(article.AuthorsSource));
        p.AddWithValue("$language", Nullable(article.Language));
        p.AddWithValue("$kind", article.Kind);
        p.AddWithValue("$body", article.Body);
        p.AddWithValue("$duplicate_of", Nullable(article.DuplicateOf));
        p.AddWithValue("$story", Nullable(article.Story));
        p.AddWithValue("$content_hash", contentHash);
        if (now is not null)
        {
            p.AddWithValue("$ingested", now);
        }
        command.ExecuteNonQuery();
    }

    private static void ReplaceQuotes(SqliteConnection connection, SqliteTransaction transaction, string articleId, IReadOnlyList<Quote> quotes)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM quotes WHERE article = $article";
            delete.Parameters.AddWithValue("$article", articleId);
            delete.ExecuteNonQuery();
        }

        if (quotes.Count == 0)
        {
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO quotes (id, article, speaker, speaker_mention, speaker_start, speaker_end, cue, kind, text, text_start, text_end, via)
            VALUES ($id, $article, $speaker, $speaker_mention, $speaker_start, $speaker_end, $cue, $kind, $text, $start, $end, $via)
            """;
        var p = insert.Parameters;
        var id = p.Add("$id", SqliteType.Text);
        var article = p.Add("$article", SqliteType.Text);
        var speaker = p.Add("$speaker", SqliteType.Text);
        var mention = p.Add("$speaker_mention", SqliteType.Text);
        var speakerStart = p.Add("$speaker_start", SqliteType.Integer);
        var speakerEnd = p.Add("$speaker_end", SqliteType.Integer);
        var cue = p.Add("$cue", SqliteType.Text);
        var kind = p.Add("$kind", SqliteType.Text);
        var text = p.Add("$text", SqliteType.Text);
        var start = p.Add("$start", SqliteType.Integer);
        var end = p.Add("$end", SqliteType.Integer);
        var via = p.Add("$via", SqliteType.Text);
        foreach (var quote in quotes)
        {
            id.Value = quote.Id;
            article.Value = quote.Article;
            speaker.Value = Nullable(quote.Speaker);
            mention.Value = Nullable(quote.SpeakerMention);
            speakerStart.Value = quote.SpeakerStart is { } s ? s : DBNull.Value;
            speakerEnd.Value = quote.SpeakerEnd is { } e ? e : DBNull.Value;
            cue.Value = Nullable(quote.Cue);
            kind.Value = quote.Kind;
            text.Value = quote.Text;
            start.Value = quote.Start;
            end.Value = quote.End;
            via.Value = StoreJson.Write(quote.Via);
            insert.ExecuteNonQuery();
        }
    }

    private static void UpsertSpeaker(SqliteConnection connection, SqliteTransaction transaction, Speaker speaker)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO speakers (id, name, aliases, roles, kind) VALUES ($id, $name, $aliases, $roles, $kind)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, roles = excluded.roles, kind = excluded.kind
            """;
        command.Parameters.AddWithValue("$id", speaker.Id);
        command.Parameters.AddWithValue("$name", speaker.Name);
        command.Parameters.AddWithValue("$aliases", StoreJson.Write(speaker.Aliases));
        command.Parameters.AddWithValue("$roles", StoreJson.Write(speaker.Roles));
        command.Parameters.AddWithValue("$kind", speaker.Kind);
        command.ExecuteNonQuery();
    }

    private static void UpsertStory(SqliteConnection connection, SqliteTransaction transaction, Story story)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO stories (id, title, articles, outlets, first_published, last_published)
            VALUES ($id, $title, $articles, $outlets, $first, $last)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, articles = excluded.articles, outlets = excluded.outlets,
                first_published = excluded.first_published, last_published = excluded.last_published
            """;
        command.Parameters.AddWithValue("$id", story.Id);
        command.Parameters.AddWithValue("$title", Nullable(story.Title));
        command.Parameters.AddWithValue("$articles", StoreJson.Write(story.Articles));
        command.Parameters.AddWithValue("$outlets", StoreJson.Write(story.Outlets));
        command.Parameters.AddWithValue("$first", Nullable(story.FirstPublished));
        command.Parameters.AddWithValue("$last", Nullable(story.LastPublished));
        command.ExecuteNonQuery();
    }

    private static void ReplaceAlignments(SqliteConnection connection, SqliteTransaction transaction, string storyId, IReadOnlyList<Alignment> alignments)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM alignments WHERE story = $story";
            delete.Parameters.AddWithValue("$story", storyId);
            delete.ExecuteNonQuery();
        }

        InsertAlignments(connection, transaction, alignments);
    }

    private static void InsertAlignments(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Alignment> alignments)
    {
        if (alignments.Count == 0)
        {
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        // A pair that an earlier story owned moves to this one: stories merge as coverage grows.
        insert.CommandText = """
            INSERT INTO alignments (story, a, b, relation, score, diff) VALUES ($story, $a, $b, $relation, $score, $diff)
            ON CONFLICT (a, b) DO UPDATE SET story = excluded.story, relation = excluded.relation, score = excluded.score, diff = excluded.diff
            """;
        var story = insert.Parameters.Add("$story", SqliteType.Text);
        var a = insert.Parameters.Add("$a", SqliteType.Text);
        var b = insert.Parameters.Add("$b", SqliteType.Text);
        var relation = insert.Parameters.Add("$relation", SqliteType.Text);
        var score = insert.Parameters.Add("$score", SqliteType.Real);
        var diff = insert.Parameters.Add("$diff", SqliteType.Text);
        foreach (var alignment in alignments)
        {
            story.Value = alignment.Story;
            a.Value = alignment.A;
            b.Value = alignment.B;
            relation.Value = alignment.Relation;
            score.Value = alignment.Score;
            diff.Value = StoreJson.Write(alignment.Diff);
            insert.ExecuteNonQuery();
        }
    }

    public Task AddRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO rejections (source, reason, detail) VALUES ($source, $reason, $detail)";
            command.Parameters.AddWithValue("$source", rejection.Source);
            command.Parameters.AddWithValue("$reason", rejection.Reason);
            command.Parameters.AddWithValue("$detail", Nullable(rejection.Detail));
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync(connection =>
        {
            var found = ReadArticles(connection, $"SELECT {ArticleColumns} FROM articles WHERE id = $id", ("$id", id));
            return found.Count == 0 ? null : found[0].Article;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<Article> GetArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            var last = after;
            var page = await RunAsync(
                connection => ReadArticles(
                    connection,
                    $"SELECT {ArticleColumns} FROM articles WHERE seq > $after ORDER BY seq LIMIT {ArticlePageSize}",
                    ("$after", last)),
                cancellationToken).ConfigureAwait(false);

            foreach (var (seq, article) in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                after = seq;
                yield return article;
            }

            if (page.Count < ArticlePageSize)
            {
                yield break;
            }
        }
    }

    public async Task<IReadOnlyList<Article>> GetStoryArticlesAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        var (story, rows) = await RunAsync(connection =>
        {
            var stories = ReadStories(connection, $"SELECT {StoryColumns} FROM stories WHERE id = $id", storyId);
            // Articles the story lists count even when their own row still names the story they were first
            // filed under: stories merge, and a commit rewrites only its own article.
            var articles = ReadArticles(
                connection,
                $"""
                SELECT {ArticleColumns} FROM articles
                WHERE story = $id OR id IN (SELECT value FROM json_each((SELECT articles FROM stories WHERE id = $id)))
                ORDER BY seq
                """,
                ("$id", storyId));
            return (stories.Count == 0 ? null : stories[0], articles);
        }, cancellationToken).ConfigureAwait(false);

        // The story's own list is earliest first; articles it does not (yet) list follow in ingestion order.
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        if (story is not null)
        {
            for (var i = 0; i < story.Articles.Count; i++)
            {
                position.TryAdd(story.Articles[i], i);
            }
        }

        return rows
            .OrderBy(row => position.TryGetValue(row.Article.Id, out var at) ? at : int.MaxValue)
            .ThenBy(row => row.Seq)
            .Select(row => row.Article)
            .ToList();
    }

    public Task<IReadOnlyList<Story>> GetStoriesAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Story>>(
            connection => ReadStories(connection, $"SELECT {StoryColumns} FROM stories ORDER BY rowid", null),
            cancellationToken);

    public Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync(connection =>
        {
            var stories = ReadStories(connection, $"SELECT {StoryColumns} FROM stories WHERE id = $id", id);
            return stories.Count == 0 ? null : stories[0];
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Speaker>> GetSpeakersAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Speaker>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, name, aliases, roles, kind FROM speakers ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var speakers = new List<Speaker>();
            while (reader.Read())
            {
                speakers.Add(ReadSpeaker(reader));
            }

            return speakers;
        }, cancellationToken);

    public Task<IReadOnlyList<Quote>> GetQuotesAsync(string? articleId = null, string? speakerId = null, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Quote>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT {QuoteColumns} FROM quotes q JOIN articles a ON a.id = q.article
                WHERE ($article IS NULL OR q.article = $article) AND ($speaker IS NULL OR q.speaker = $speaker)
                ORDER BY a.seq, q.text_start, q.text_end, q.id
                """;
            command.Parameters.AddWithValue("$article", Nullable(articleId));
            command.Parameters.AddWithValue("$speaker", Nullable(speakerId));
            using var reader = command.ExecuteReader();
            var quotes = new List<Quote>();
            while (reader.Read())
            {
                quotes.Add(ReadQuote(reader));
            }

            return quotes;
        }, cancellationToken);

    public Task<IReadOnlyList<Alignment>> GetAlignmentsAsync(string? storyId = null, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Alignment>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT story, a, b, relation, score, diff FROM alignments
                WHERE $story IS NULL OR story = $story ORDER BY rowid
                """;
            command.Parameters.AddWithValue("$story", Nullable(storyId));
            using var reader = command.ExecuteReader();
            var alignments = new List<Alignment>();
            while (reader.Read())
            {
                alignments.Add(ReadAlignment(reader));
            }

            return alignments;
        }, cancellationToken);

    public Task<IReadOnlyList<Rejection>> GetRejectionsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Rejection>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT source, reason, detail FROM rejections ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var rejections = new List<Rejection>();
            while (reader.Read())
            {
                rejections.Add(new Rejection { Source = reader.GetString(0), Reason = reader.GetString(1), Detail = NullableString(reader, 2) });
            }

            return rejections;
        }, cancellationToken);

    /// <summary>
    /// Full-text search, best first, in the order of <see cref="SearchPageAsync"/>. <see cref="SearchHit.Rank"/> is the
    /// negated BM25 score, so higher is more relevant; the snippet marks matched terms with <c>[</c> and <c>]</c>.
    /// </summary>
    /// <exception cref="InvalidSearchQueryException">The query is not valid FTS5 syntax.</exception>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new InvalidSearchQueryException("The search query is empty.", query, null);
        }

        return RunAsync<IReadOnlyList<SearchHit>>(connection => Search(connection, null, query, 0, limit), cancellationToken);
    }

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default) =>
        RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM speakers),
                       (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM alignments), (SELECT COUNT(*) FROM rejections)
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            return new StoreCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
        }, cancellationToken);

    /// <summary>Closes the database after folding the WAL back into it, so the file alone is the whole store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Readers first: a checkpoint cannot truncate the WAL while a reader holds a snapshot.
        await DisposeReadersAsync().ConfigureAwait(false);

        // Wait for a running call to finish; later calls see _disposed and throw.
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            try
            {
                Execute(_connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
            }
            catch (SqliteException)
            {
                // Another process is reading: the WAL is folded in when the last connection closes.
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_connection.State != System.Data.ConnectionState.Open, this);
            cancellationToken.ThrowIfCancellationRequested();
            return work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static List<(long Seq, Article Article)> ReadArticles(SqliteConnection connection, string sql, (string Name, object Value) parameter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var articles = new List<(long, Article)>();
        while (reader.Read())
        {
            articles.Add((reader.GetInt64(12), ReadArticle(reader)));
        }

        return articles;
    }

    /// <summary>An article from a row that starts with <see cref="ArticleColumns"/>.</summary>
    private static Article ReadArticle(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Source = reader.GetString(1),
        Url = NullableString(reader, 2),
        Outlet = NullableString(reader, 3),
        Title = NullableString(reader, 4),
        Authors = StoreJson.ReadStrings(reader.GetString(5)),
        Published = NullableString(reader, 6),
        PublishedSource = NullableString(reader, 13),
        Modified = NullableString(reader, 14),
        Section = NullableString(reader, 15),
        TitleSource = NullableString(reader, 16),
        AuthorsSource = NullableString(reader, 17),
        Language = NullableString(reader, 7),
        Kind = reader.GetString(8),
        Body = reader.GetString(9),
        DuplicateOf = NullableString(reader, 10),
        Story = NullableString(reader, 11),
    };

    /// <summary>A quote from a row that starts with <see cref="QuoteColumns"/>.</summary>
    private static Quote ReadQuote(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Article = reader.GetString(1),
        Speaker = NullableString(reader, 2),
        SpeakerMention = NullableString(reader, 3),
        SpeakerStart = reader.IsDBNull(4) ? null : reader.GetInt32(4),
        SpeakerEnd = reader.IsDBNull(5) ? null : reader.GetInt32(5),
        Cue = NullableString(reader, 6),
        Kind = reader.GetString(7),
        Text = reader.GetString(8),
        Start = reader.GetInt32(9),
        End = reader.GetInt32(10),
        Via = StoreJson.ReadStrings(reader.GetString(11)),
    };

    /// <summary>A speaker from a row that starts with <c>id, name, aliases, roles, kind</c>.</summary>
    private static Speaker ReadSpeaker(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Aliases = StoreJson.ReadStrings(reader.GetString(2)),
        Roles = StoreJson.ReadStrings(reader.GetString(3)),
        Kind = reader.GetString(4),
    };

    /// <summary>An alignment from a row that starts with <c>story, a, b, relation, score, diff</c>.</summary>
    private static Alignment ReadAlignment(SqliteDataReader reader) => new()
    {
        Story = reader.GetString(0),
        A = reader.GetString(1),
        B = reader.GetString(2),
        Relation = reader.GetString(3),
        Score = reader.GetDouble(4),
        Diff = StoreJson.ReadDiff(reader.GetString(5)),
    };

    /// <summary>A story from a row that starts with <see cref="StoryColumns"/>.</summary>
    private static Story ReadStory(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Title = NullableString(reader, 1),
        Articles = StoreJson.ReadStrings(reader.GetString(2)),
        Outlets = StoreJson.ReadStrings(reader.GetString(3)),
        FirstPublished = NullableString(reader, 4),
        LastPublished = NullableString(reader, 5),
    };

    private static List<Story> ReadStories(SqliteConnection connection, string sql, string? id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        using var reader = command.ExecuteReader();
        var stories = new List<Story>();
        while (reader.Read())
        {
            stories.Add(ReadStory(reader));
        }

        return stories;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
