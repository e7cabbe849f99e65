using System.Text;
using Microsoft.Data.Sqlite;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Tests.Store;

public sealed class SqliteArticleStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parallax-store-" + Guid.NewGuid().ToString("N"));

    public SqliteArticleStoreTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DbPath => Path.Combine(_directory, "parallax.db");

    private Task<SqliteArticleStore> OpenAsync() => SqliteArticleStore.OpenAsync(DbPath);

    private static Article MakeArticle(string id, string body, string? title = null, string? url = null, string? story = null) => new()
    {
        Id = id,
        Source = $"inputs/{id}",
        Url = url,
        Title = title,
        Body = body,
        Story = story,
    };

    private static ArticleCommit MakeCommit(Article article, params Quote[] quotes) => new()
    {
        Article = article,
        ContentHash = "hash-" + article.Id,
        Quotes = quotes,
    };

    private static Quote MakeQuote(string id, string article, int start, string? speaker = null) => new()
    {
        Id = id,
        Article = article,
        Speaker = speaker,
        Kind = QuoteKinds.Direct,
        Text = "x",
        Start = start,
        End = start + 1,
    };

    private static string Json(Article a) => ReportJson.SerializeLine(a);
    private static string Json(Quote q) => ReportJson.SerializeLine(q);
    private static string Json(Story s) => ReportJson.SerializeLine(s);
    private static string Json(Speaker s) => ReportJson.SerializeLine(s);
    private static string Json(Alignment a) => ReportJson.SerializeLine(a);

    [Fact]
    public async Task Open_creates_a_wal_database_at_the_latest_schema_version()
    {
        await using var store = await OpenAsync();

        Assert.True(File.Exists(DbPath));
        Assert.Equal(StoreSchema.LatestVersion, await store.GetSchemaVersionAsync());
        using var command = store.Connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Article_with_every_field_round_trips()
    {
        var article = new Article
        {
            Id = "000_6b52.txt",
            Source = "seeds/000_6b52.txt",
            Url = "https://example.org/news/1",
            Outlet = "Example Outlet",
            Title = "Spokesman says “talks” will go on",
            Authors = ["Jane Roe", "News Desk"],
            Published = "2024-05-01T10:00:00+03:30",
            Language = "en",
            Kind = PageKinds.Article,
            Body = "First paragraph.\n\nSecond — with ünïcödé and \"quotes\".",
            DuplicateOf = "earlier",
            Story = "s1",
        };
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(article));

        var read = await store.GetArticleAsync(article.Id);

        Assert.NotNull(read);
        Assert.Equal(Json(article), Json(read));
    }

    [Fact]
    public async Task Article_with_nulls_and_empty_lists_reads_back_nulls_and_empty_lists()
    {
        var article = MakeArticle("bare", "Only a body.");
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(article));

        var read = await store.GetArticleAsync("bare");

        Assert.NotNull(read);
        Assert.Null(read.Url);
        Assert.Null(read.Title);
        Assert.Null(read.Story);
        Assert.Empty(read.Authors);
        Assert.Equal(Json(article), Json(read));
    }

    [Fact]
    public async Task Missing_article_reads_as_null()
    {
        await using var store = await OpenAsync();
        Assert.Null(await store.GetArticleAsync("nope"));
        Assert.Null(await store.GetStoryAsync("nope"));
    }

    [Fact]
    public async Task Quotes_speakers_stories_and_alignments_round_trip()
    {
        var a = MakeArticle("a", "Kanaani said: \"We will respond.\"", story: "s1");
        var b = MakeArticle("b", "\"We will respond,\" he told Sputnik, Press TV reported.", story: "s1");
        var full = new Quote
        {
            Id = "b#q1",
            Article = "b",
            Speaker = "sp-kanaani",
            SpeakerMention = "he",
            SpeakerStart = 20,
            SpeakerEnd = 22,
            Cue = "told",
            Kind = QuoteKinds.Direct,
            Text = "We will respond,",
            Start = 1,
            End = 17,
            Via = ["Sputnik", "Press TV"],
        };
        var bare = new Quote { Id = "a#q1", Article = "a", Kind = QuoteKinds.Indirect, Text = "We will respond.", Start = 15, End = 31 };
        var speaker = new Speaker
        {
            Id = "sp-kanaani",
            Name = "Nasser Kanaani",
            Aliases = ["Kanaani"],
            Roles = ["Iranian Foreign Ministry Spokesperson"],
            Kind = SpeakerKinds.Person,
        };
        var bareSpeaker = new Speaker { Id = "sp-x", Name = "X" };
        var story = new Story
        {
            Id = "s1",
            Title = "Iran responds",
            Articles = ["a", "b"],
            Outlets = ["One", "Two"],
            FirstPublished = "2024-05-01",
            LastPublished = "2024-05-02",
        };
        var alignment = new Alignment
        {
            Story = "s1",
            A = "a#q1",
            B = "b#q1",
            Relation = AlignmentRelations.NearVerbatim,
            Score = 0.9375,
            Diff = [new DiffRun(DiffOps.Same, "We will respond"), new DiffRun(DiffOps.Delete, "."), new DiffRun(DiffOps.Insert, ",")],
        };

        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(a, bare) with { Speakers = [bareSpeaker], Story = story with { Articles = ["a"] } });
        await store.CommitAsync(MakeCommit(b, full) with { Speakers = [speaker], Story = story, StoryAlignments = [alignment] });

        var quotes = await store.GetQuotesAsync();
        Assert.Equal([Json(bare), Json(full)], quotes.Select(Json));
        Assert.Equal([Json(bareSpeaker), Json(speaker)], (await store.GetSpeakersAsync()).Select(Json));
        Assert.Equal([Json(story)], (await store.GetStoriesAsync()).Select(Json));
        Assert.Equal(Json(story), Json((await store.GetStoryAsync("s1"))!));
        Assert.Equal([Json(alignment)], (await store.GetAlignmentsAsync()).Select(Json));
        Assert.Equal([Json(alignment)], (await store.GetAlignmentsAsync("s1")).Select(Json));
        Assert.Empty(await store.GetAlignmentsAsync("other"));
        Assert.Equal(["a", "b"], (await store.GetStoryArticlesAsync("s1")).Select(x => x.Id));
        Assert.Equal(new StoreCounts(2, 1, 2, 2, 1, 0), await store.CountAsync());
    }

    [Fact]
    public async Task Story_articles_follow_the_story_order_not_ingestion_order()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("late", "Published later.", story: "s")));
        await store.CommitAsync(MakeCommit(MakeArticle("early", "Published earlier.", story: "s"))
            with { Story = new Story { Id = "s", Articles = ["early", "late"] } });

        Assert.Equal(["early", "late"], (await store.GetStoryArticlesAsync("s")).Select(x => x.Id));
    }

    [Fact]
    public async Task Story_articles_include_those_the_story_lists_under_an_older_story_id()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("first", "Filed under a story that was later merged.", story: "old")));
        await store.CommitAsync(MakeCommit(MakeArticle("second", "Joins the merged story.", story: "merged"))
            with { Story = new Story { Id = "merged", Articles = ["first", "second"] } });
        await store.CommitAsync(MakeCommit(MakeArticle("other", "Elsewhere.", story: "x")));

        Assert.Equal(["first", "second"], (await store.GetStoryArticlesAsync("merged")).Select(x => x.Id));
        Assert.Equal(["first"], (await store.GetStoryArticlesAsync("old")).Select(x => x.Id));
        Assert.Empty(await store.GetStoryArticlesAsync("none"));
    }

    [Fact]
    public async Task Quotes_filter_by_article_and_speaker_in_article_then_offset_order()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("z-first", "body one"), MakeQuote("q3", "z-first", 40, "s1"), MakeQuote("q1", "z-first", 5, "s2")));
        await store.CommitAsync(MakeCommit(MakeArticle("a-second", "body two"), MakeQuote("q2", "a-second", 0, "s1")));

        Assert.Equal(["q1", "q3", "q2"], (await store.GetQuotesAsync()).Select(q => q.Id));
        Assert.Equal(["q2"], (await store.GetQuotesAsync(articleId: "a-second")).Select(q => q.Id));
        Assert.Equal(["q3", "q2"], (await store.GetQuotesAsync(speakerId: "s1")).Select(q => q.Id));
        Assert.Equal(["q1"], (await store.GetQuotesAsync("z-first", "s2")).Select(q => q.Id));
    }

    [Fact]
    public async Task Articles_are_listed_in_ingestion_order_across_pages()
    {
        await using var store = await OpenAsync();
        var ids = Enumerable.Range(0, 600).Select(i => $"id-{(i * 7919) % 600:D4}").ToList();
        foreach (var id in ids)
        {
            await store.CommitAsync(MakeCommit(MakeArticle(id, "body of " + id)));
        }

        var read = new List<string>();
        await foreach (var article in store.GetArticlesAsync())
        {
            // Querying the store mid-enumeration must not deadlock on the store's gate.
            Assert.NotNull(await store.GetArticleAsync(article.Id));
            read.Add(article.Id);
        }

        Assert.Equal(ids, read);
    }

    [Fact]
    public async Task Committing_the_same_commits_twice_leaves_identical_rows()
    {
        var commits = SampleCommits();
        await using var store = await OpenAsync();
        foreach (var commit in commits)
        {
            await store.CommitAsync(commit);
        }

        await store.AddRejectionAsync(new Rejection { Source = "x.pdf", Reason = RejectReasons.UnsupportedFormat, Detail = ".pdf" });
        var first = Dump(store.Connection);
        var firstQuotes = (await store.GetQuotesAsync()).Select(Json).ToList();
        var firstAlignments = (await store.GetAlignmentsAsync()).Select(Json).ToList();

        foreach (var commit in commits)
        {
            await store.CommitAsync(commit);
        }

        await store.AddRejectionAsync(new Rejection { Source = "x.pdf", Reason = RejectReasons.UnsupportedFormat, Detail = ".pdf" });

        Assert.Equal(first, Dump(store.Connection));
        Assert.Equal(firstQuotes, (await store.GetQuotesAsync()).Select(Json));
        Assert.Equal(firstAlignments, (await store.GetAlignmentsAsync()).Select(Json));
    }

    [Fact]
    public async Task Two_fresh_stores_fed_the_same_commits_hold_identical_rows()
    {
        // One fixed clock for both: the first-seen stamp has whole seconds, and the two commits of a pair can straddle
        // a second on a loaded machine.
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var other = Path.Combine(_directory, "other.db");
        await using var one = await SqliteArticleStore.OpenAsync(DbPath, clock);
        await using var two = await SqliteArticleStore.OpenAsync(other, clock);
        foreach (var commit in SampleCommits())
        {
            await one.CommitAsync(commit);
            await two.CommitAsync(commit);
        }

        Assert.Equal(Dump(one.Connection), Dump(two.Connection));
    }

    [Fact]
    public async Task Recommitting_an_article_replaces_its_row_and_quotes_and_keeps_its_place()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("a", "old body about apples", title: "Old"), MakeQuote("a#1", "a", 0), MakeQuote("a#2", "a", 3)));
        await store.CommitAsync(MakeCommit(MakeArticle("b", "another body")));
        await store.CommitAsync(MakeCommit(MakeArticle("a", "new body about pears", title: "New"), MakeQuote("a#3", "a", 1)));

        Assert.Equal("New", (await store.GetArticleAsync("a"))!.Title);
        Assert.Equal(["a#3"], (await store.GetQuotesAsync("a")).Select(q => q.Id));
        var order = new List<string>();
        await foreach (var article in store.GetArticlesAsync())
        {
            order.Add(article.Id);
        }

        Assert.Equal(["a", "b"], order);
        Assert.Empty(await store.SearchAsync("apples"));
        Assert.Equal(["a"], (await store.SearchAsync("pears")).Select(h => h.ArticleId));
    }

    [Fact]
    public async Task Alignments_are_replaced_only_when_given()
    {
        var story = new Story { Id = "s", Articles = ["a"] };
        Alignment Pair(string a, string b) => new() { Story = "s", A = a, B = b, Relation = AlignmentRelations.Verbatim, Score = 1 };
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("a", "one")) with { Story = story, StoryAlignments = [Pair("1", "2"), Pair("1", "3")] });
        await store.CommitAsync(MakeCommit(MakeArticle("b", "two")) with { Story = story });
        Assert.Equal(2, (await store.GetAlignmentsAsync("s")).Count);

        await store.CommitAsync(MakeCommit(MakeArticle("c", "three")) with { Story = story, StoryAlignments = [Pair("2", "3")] });
        Assert.Equal(["2"], (await store.GetAlignmentsAsync("s")).Select(x => x.A));
    }

    [Fact]
    public async Task A_failed_commit_rolls_back_the_whole_article()
    {
        await using var store = await OpenAsync();
        var duplicateQuotes = MakeCommit(MakeArticle("a", "doomed body", story: "s"), MakeQuote("q", "a", 0), MakeQuote("q", "a", 2))
            with
        {
            Speakers = [new Speaker { Id = "sp", Name = "Someone" }],
            Story = new Story { Id = "s", Articles = ["a"] },
        };

        await Assert.ThrowsAsync<SqliteException>(() => store.CommitAsync(duplicateQuotes));

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0), await store.CountAsync());
        Assert.Null(await store.FindExistingAsync(null, "hash-a"));
        Assert.Empty(await store.SearchAsync("doomed"));
    }

    [Fact]
    public async Task A_failed_recommit_leaves_the_previous_version_intact()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("a", "kept body"), MakeQuote("q1", "a", 0)));

        await Assert.ThrowsAsync<SqliteException>(() =>
            store.CommitAsync(MakeCommit(MakeArticle("a", "replacement body"), MakeQuote("q", "a", 0), MakeQuote("q", "a", 1))));

        Assert.Equal("kept body", (await store.GetArticleAsync("a"))!.Body);
        Assert.Equal(["q1"], (await store.GetQuotesAsync()).Select(q => q.Id));
        Assert.Single(await store.SearchAsync("kept"));
    }

    [Fact]
    public async Task A_quote_of_another_article_is_refused_before_writing()
    {
        await using var store = await OpenAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(MakeCommit(MakeArticle("a", "body"), MakeQuote("q", "b", 0))));
        Assert.Equal(0, (await store.CountAsync()).Articles);
    }

    [Fact]
    public async Task Find_existing_matches_by_url_or_by_content_hash()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("with-url", "one", url: "https://example.org/1")));
        await store.CommitAsync(MakeCommit(MakeArticle("no-url", "two")));

        Assert.Equal("with-url", await store.FindExistingAsync("https://example.org/1", "unrelated"));
        Assert.Equal("no-url", await store.FindExistingAsync("https://example.org/2", "hash-no-url"));
        Assert.Equal("no-url", await store.FindExistingAsync(null, "hash-no-url"));
        Assert.Null(await store.FindExistingAsync(null, "unrelated"));
        Assert.Null(await store.FindExistingAsync("https://example.org/2", "unrelated"));
    }

    [Fact]
    public async Task Same_rejection_is_recorded_once()
    {
        await using var store = await OpenAsync();
        var rejection = new Rejection { Source = "a.pdf", Reason = RejectReasons.UnsupportedFormat, Detail = "unsupported file type '.pdf'" };
        await store.AddRejectionAsync(rejection);
        await store.AddRejectionAsync(rejection with { Detail = "again" });
        await store.AddRejectionAsync(rejection with { Reason = RejectReasons.TooLarge, Detail = null });

        var rejections = await store.GetRejectionsAsync();

        Assert.Equal([rejection, rejection with { Reason = RejectReasons.TooLarge, Detail = null }], rejections);
    }

    [Fact]
    public async Task Search_ranks_title_and_repeated_matches_first_and_marks_the_snippet()
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("passing", "The weather was fine. Sanctions were mentioned once among many other words about trade and ports.")));
        await store.CommitAsync(MakeCommit(MakeArticle("headline", "Officials spoke about sanctions and more sanctions.", title: "New sanctions announced")));
        await store.CommitAsync(MakeCommit(MakeArticle("unrelated", "Football results from the weekend.")));

        var hits = await store.SearchAsync("sanctions");

        Assert.Equal(["headline", "passing"], hits.Select(h => h.ArticleId));
        Assert.True(hits[0].Rank > hits[1].Rank);
        Assert.Equal("New sanctions announced", hits[0].Title);
        Assert.Contains("[sanctions]", hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await store.SearchAsync("sanctions", limit: 1));
        // Porter stemming: a search for the singular finds the plural.
        Assert.Equal(2, (await store.SearchAsync("sanction")).Count);
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("AND")]
    [InlineData("nosuchcolumn: word")]
    [InlineData("(open")]
    [InlineData("   ")]
    public async Task Invalid_search_query_throws_a_dedicated_argument_exception(string query)
    {
        await using var store = await OpenAsync();
        await store.CommitAsync(MakeCommit(MakeArticle("a", "some words")));

        var error = await Assert.ThrowsAsync<InvalidSearchQueryException>(() => store.SearchAsync(query));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal(query, error.Query);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        // The store stays usable after a bad query.
        Assert.Single(await store.SearchAsync("words"));
    }

    [Fact]
    public async Task A_version_one_database_migrates_to_the_latest_and_indexes_existing_articles()
    {
        await using (var old = await SqliteArticleStore.OpenAsync(DbPath, 1, CancellationToken.None))
        {
            Assert.Equal(1, await old.GetSchemaVersionAsync());
            // Written as version 1 wrote it: the program of that day knew only that version's columns.
            using var insert = old.Connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO articles (id, seq, source, title, kind, body, content_hash)
                VALUES ('legacy', 1, 'legacy.txt', 'Legacy', 'article', 'An article written before search existed.', 'h-legacy')
                """;
            insert.ExecuteNonQuery();
            Assert.False(TableExists(old.Connection, "articles_fts"));
        }

        await using var store = await OpenAsync();

        Assert.Equal(StoreSchema.LatestVersion, await store.GetSchemaVersionAsync());
        Assert.True(TableExists(store.Connection, "articles_fts"));
        Assert.Equal(["legacy"], (await store.SearchAsync("search")).Select(h => h.ArticleId));
        Assert.Equal("Legacy", (await store.GetArticleAsync("legacy"))!.Title);
    }

    [Fact]
    public async Task A_database_from_a_newer_program_is_refused()
    {
        await using (var store = await OpenAsync())
        {
            using var command = store.Connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {StoreSchema.LatestVersion + 1}";
            command.ExecuteNonQuery();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(OpenAsync);
    }

    [Fact]
    public async Task Data_survives_closing_and_reopening_and_the_wal_is_folded_in()
    {
        await using (var store = await OpenAsync())
        {
            await store.CommitAsync(MakeCommit(MakeArticle("kept", "persisted body")));
        }

        var wal = DbPath + "-wal";
        Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0);

        await using var reopened = await OpenAsync();
        Assert.Equal("persisted body", (await reopened.GetArticleAsync("kept"))!.Body);
    }

    [Fact]
    public async Task Calls_after_dispose_throw_object_disposed()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync());
    }

    private static List<ArticleCommit> SampleCommits()
    {
        var story = new Story { Id = "s1", Title = "Talks", Articles = ["a1"], Outlets = ["One"], FirstPublished = "2024-05-01", LastPublished = "2024-05-01" };
        var a1 = MakeArticle("a1", "Kanaani said \"talks go on\".", title: "Talks go on", url: "https://one.example/1", story: "s1");
        var a2 = MakeArticle("a2", "\"Talks go on,\" the spokesman told reporters.", title: "Talks continue", story: "s1");
        var a3 = MakeArticle("a3", "Unrelated sport news.", story: "s2");
        var speaker = new Speaker { Id = "sp1", Name = "Nasser Kanaani", Aliases = ["Kanaani"], Kind = SpeakerKinds.Person };
        return
        [
            MakeCommit(a1, MakeQuote("a1#1", "a1", 14, "sp1")) with { Speakers = [speaker], Story = story, StoryAlignments = [] },
            MakeCommit(a2, MakeQuote("a2#1", "a2", 1, "sp1"), MakeQuote("a2#2", "a2", 20)) with
            {
                Speakers = [speaker with { Roles = ["Spokesman"] }],
                Story = story with { Articles = ["a1", "a2"], Outlets = ["One", "Two"] },
                StoryAlignments =
                [
                    new Alignment { Story = "s1", A = "a1#1", B = "a2#1", Relation = AlignmentRelations.Verbatim, Score = 1, Diff = [new DiffRun(DiffOps.Same, "talks go on")] },
                ],
            },
            MakeCommit(a3) with { Story = new Story { Id = "s2", Articles = ["a3"] } },
        ];
    }

    /// <summary>Every row of every table, FTS shadow tables included, as text in a stable order.</summary>
    private static string Dump(SqliteConnection connection)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("articles_fts_data", tables);
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append("## ").AppendLine(table);
            foreach (var row in rows)
            {
                dump.AppendLine(row);
            }
        }

        return dump.ToString();
    }

    private static bool TableExists(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! > 0;
    }
}
