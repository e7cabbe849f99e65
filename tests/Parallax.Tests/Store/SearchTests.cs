using Microsoft.Data.Sqlite;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Tests.Store;

/// <summary>Search order across ranking windows, its pages, and the snippets built from stored text.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parallax-search-" + Guid.NewGuid().ToString("N"));

    public SearchTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ArticleCommit Commit(string id, string body, string? title = null) => new()
    {
        Article = new Article { Id = id, Source = "inputs/" + id, Title = title, Body = body },
        ContentHash = "hash-" + id,
    };

    [Fact]
    public void Porter_stems_agree_with_the_fts5_porter_tokenizer()
    {
        string[] words =
        [
            "caresses", "ponies", "ties", "caress", "cats", "feed", "agreed", "plastered", "bled", "motoring", "sing",
            "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing",
            "happy", "sky", "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli",
            "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication", "operator", "feudalism",
            "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti", "triplicate",
            "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance",
            "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
            "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous", "effective",
            "bowdlerize", "probate", "rate", "cease", "controll", "roll", "sanctions", "sanction", "harbour", "harbours",
            "generalizations", "oscillators", "ministers", "ministry", "said", "says", "cranes", "quay", "analogies",
            // Not "eed" or "ies": FTS5 stems a three-letter word that is all suffix its own way ("e", "ie"); no news word is one.
            "was", "as", "is", "news", "being", "ion", "yes", "lying", "dying", "skies", "studying",
        ];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance');
                """;
            command.ExecuteNonQuery();
        }

        for (var i = 0; i < words.Length; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (rowid, x) VALUES ($id, $word)";
            insert.Parameters.AddWithValue("$id", i + 1);
            insert.Parameters.AddWithValue("$word", words[i]);
            insert.ExecuteNonQuery();
        }

        var sqlite = new Dictionary<long, string>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT doc, term FROM v";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                sqlite[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var differences = words.Select((word, i) => (word, ours: PorterStemmer.Stem(word), theirs: sqlite[i + 1]))
            .Where(x => x.ours != x.theirs).Select(x => $"{x.word}: ours {x.ours}, fts5 {x.theirs}").ToList();
        Assert.Empty(differences);
    }

    [Fact]
    public void Snippet_marks_every_form_of_the_term_and_cuts_with_ellipses()
    {
        var snippet = SearchSnippet.ForQuery("sanction");
        var body = "The weather was fine all week along the coast. Ministers announced sanctions today, and the Sanctioned firms "
            + "protested loudly in the capital before the evening news bulletin ended with sport results and weather again.";

        var text = snippet.Build(null, body, 16, "[", "]", "…");

        Assert.StartsWith("…", text, StringComparison.Ordinal);
        Assert.Contains("Ministers announced [sanctions] today, and the [Sanctioned] firms", text, StringComparison.Ordinal);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.DoesNotContain("weather was", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_ignores_operators_and_column_names_and_takes_prefixes_and_phrases()
    {
        var snippet = SearchSnippet.ForQuery("title: port* AND \"crane operators\" NOT strike");
        var body = "Porters at the harbour met crane operators on Monday.";

        var text = snippet.Build(null, body, 16, "<", ">", "…");

        Assert.Equal("<Porters> at the harbour met <crane> <operators> on Monday.", text.TrimEnd('…'));
        Assert.DoesNotContain("<title>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_falls_back_to_the_title_and_then_to_the_opening_words()
    {
        var snippet = SearchSnippet.ForQuery("ferry");

        Assert.Equal("New [ferry] route", snippet.Build("New ferry route", "Nothing about boats here.", 16, "[", "]", "…"));
        Assert.Equal("one two three…", snippet.Build("Other", "one two three four five", 3, "[", "]", "…"));
    }

    [Fact]
    public void Snippet_finds_words_with_diacritics_and_matches_them_folded()
    {
        var snippet = SearchSnippet.ForQuery("eleve");

        Assert.Equal("Un [élève] arrive.", snippet.Build(null, "Un élève arrive.", 16, "[", "]", "…"));
    }

    [Fact]
    public async Task A_rare_word_is_ranked_by_relevance_over_all_its_matches()
    {
        await using var store = await SqliteArticleStore.OpenAsync(Path.Combine(_directory, "rare.db"));
        await store.CommitAsync(Commit("old-headline", "The ferry sailed.", "Ferry strike ends"));
        for (var i = 0; i < 20; i++)
        {
            await store.CommitAsync(Commit($"filler-{i}", $"Unrelated report number {i} about trains and buses and a long list of other words."));
        }

        await store.CommitAsync(Commit("new-passing", "A long report on trains, buses, trams, bicycles, roads and, once, a ferry."));

        var page = await store.SearchPageAsync("ferry", new PageRequest(10));

        Assert.Equal(["old-headline", "new-passing"], page.Items.Select(h => h.ArticleId));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task A_common_word_is_ranked_within_its_newest_matches_first_and_pages_reach_every_match_once()
    {
        await using var store = await SqliteArticleStore.OpenAsync(Path.Combine(_directory, "common.db"));
        var total = SqliteArticleStore.SearchWindow + 40;
        // The oldest article is the most relevant (the word in its title and body): it sits outside the newest window.
        await store.CommitBatchAsync(Enumerable.Range(0, total).Select(i => i == 0
            ? Commit("a0000", "harbour harbour harbour news", "Harbour harbour")
            : Commit($"a{i:0000}", $"Report {i}: the harbour was mentioned once in a longer text about many other things {i}.")).ToList());

        var first = await store.SearchPageAsync("harbour", new PageRequest(20));
        var walked = new List<SearchHit>();
        string? cursor = null;
        do
        {
            var page = await store.SearchPageAsync("harbour", new PageRequest(PageRequest.MaxLimit, cursor));
            walked.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.DoesNotContain(first.Items, h => h.ArticleId == "a0000");
        Assert.Equal(total, walked.Count);
        Assert.Equal(total, walked.Select(h => h.ArticleId).Distinct().Count());
        // The older window follows the newer one, and within it relevance leads: the headline article comes first there.
        Assert.Equal("a0000", walked[SqliteArticleStore.SearchWindow].ArticleId);
        Assert.All(walked.Take(SqliteArticleStore.SearchWindow), h => Assert.True(string.CompareOrdinal(h.ArticleId, "a0040") >= 0));
        Assert.Equal(walked.Take(20).Select(h => h.ArticleId), first.Items.Select(h => h.ArticleId));
        Assert.Equal(walked.Take(5).Select(h => h.ArticleId), (await store.SearchAsync("harbour", 5)).Select(h => h.ArticleId));
        Assert.All(walked, h => Assert.Contains("[harbour]", h.Snippet, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_search_page_is_served_again_from_memory_until_any_connection_writes()
    {
        var path = Path.Combine(_directory, "cached.db");
        await using var store = await SqliteArticleStore.OpenAsync(path);
        await store.CommitAsync(Commit("a", "The harbour reopened."));

        var first = await store.SearchPageAsync("harbour", new PageRequest());
        var again = await store.SearchPageAsync("harbour", new PageRequest());
        Assert.Same(first, again);
        Assert.NotSame(first, await store.SearchPageAsync("harbour", new PageRequest(5)));

        await store.CommitAsync(Commit("b", "The harbour closed again."));
        var afterOwnWrite = await store.SearchPageAsync("harbour", new PageRequest());

        await using (var other = await SqliteArticleStore.OpenAsync(path))
        {
            // Another writer on the same file, as a second process would be.
            await other.CommitAsync(Commit("c", "A harbour strike."));
        }

        var afterOtherWrite = await store.SearchPageAsync("harbour", new PageRequest());

        Assert.Single(first.Items);
        Assert.Equal(["a", "b"], afterOwnWrite.Items.Select(h => h.ArticleId).Order());
        Assert.Equal(["a", "b", "c"], afterOtherWrite.Items.Select(h => h.ArticleId).Order());
    }
}
