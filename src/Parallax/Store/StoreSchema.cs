using System.Collections.Immutable;

namespace Parallax.Store;

/// <summary>One step of the schema: applied once, in order, recorded in <c>PRAGMA user_version</c>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);

/// <summary>
/// The SQLite schema as an ordered list of migrations. A released migration is never edited: a change is a new
/// entry at the end, so every database, however old, reaches the same schema by the same steps.
/// </summary>
internal static class StoreSchema
{
    internal static readonly ImmutableArray<Migration> Migrations =
    [
        new(1, "core tables", """
            CREATE TABLE articles (
                id           TEXT    NOT NULL PRIMARY KEY,
                seq          INTEGER NOT NULL UNIQUE,
                source       TEXT    NOT NULL,
                url          TEXT    UNIQUE,
                outlet       TEXT,
                title        TEXT,
                authors      TEXT    NOT NULL DEFAULT '[]',
                published    TEXT,
                language     TEXT,
                kind         TEXT    NOT NULL,
                body         TEXT    NOT NULL,
                duplicate_of TEXT,
                story        TEXT,
                content_hash TEXT    NOT NULL UNIQUE
            );
            CREATE INDEX articles_story ON articles (story);

            CREATE TABLE quotes (
                id              TEXT    NOT NULL PRIMARY KEY,
                article         TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                speaker         TEXT,
                speaker_mention TEXT,
                speaker_start   INTEGER,
                speaker_end     INTEGER,
                cue             TEXT,
                kind            TEXT    NOT NULL,
                text            TEXT    NOT NULL,
                text_start      INTEGER NOT NULL,
                text_end        INTEGER NOT NULL,
                via             TEXT    NOT NULL DEFAULT '[]'
            );
            CREATE INDEX quotes_article ON quotes (article, text_start);
            CREATE INDEX quotes_speaker ON quotes (speaker);

            CREATE TABLE speakers (
                id      TEXT NOT NULL PRIMARY KEY,
                name    TEXT NOT NULL,
                aliases TEXT NOT NULL DEFAULT '[]',
                roles   TEXT NOT NULL DEFAULT '[]',
                kind    TEXT NOT NULL
            );

            CREATE TABLE stories (
                id              TEXT NOT NULL PRIMARY KEY,
                title           TEXT,
                articles        TEXT NOT NULL DEFAULT '[]',
                outlets         TEXT NOT NULL DEFAULT '[]',
                first_published TEXT,
                last_published  TEXT
            );

            CREATE TABLE alignments (
                story    TEXT NOT NULL,
                a        TEXT NOT NULL,
                b        TEXT NOT NULL,
                relation TEXT NOT NULL,
                score    REAL NOT NULL,
                diff     TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (a, b)
            );
            CREATE INDEX alignments_story ON alignments (story);

            CREATE TABLE rejections (
                source TEXT NOT NULL,
                reason TEXT NOT NULL,
                detail TEXT,
                UNIQUE (source, reason)
            );
            """),

        // External-content FTS5: the text lives once, in articles; the index is keyed by the article's seq.
        // Triggers keep it in step, so every write of an article (CommitAsync's transaction included) updates
        // the index atomically; the update trigger skips rows whose text did not change, which keeps a
        // re-ingestion of the same input from rewriting the index.
        new(2, "full-text search over title and body", """
            CREATE VIRTUAL TABLE articles_fts USING fts5 (
                title, body,
                content = 'articles', content_rowid = 'seq',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
            END;
            CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
            END;
            CREATE TRIGGER articles_fts_update AFTER UPDATE OF seq, title, body ON articles
            WHEN old.seq IS NOT new.seq OR old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
                INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
            END;
            INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
            """),

        new(3, "where each article's publication date was read", """
            ALTER TABLE articles ADD COLUMN published_source TEXT;
            """),

        new(4, "modified date, section, and where title and authors were read", """
            ALTER TABLE articles ADD COLUMN modified TEXT;
            ALTER TABLE articles ADD COLUMN section TEXT;
            ALTER TABLE articles ADD COLUMN title_source TEXT;
            ALTER TABLE articles ADD COLUMN authors_source TEXT;
            """),

        // What `parallax watch` must remember across restarts: per feed, its validators and poll schedule; per item
        // address, that it was handled. An item is marked only after its article (or rejection) is committed.
        new(5, "watch state: feeds polled and items seen", """
            CREATE TABLE watch_feeds (
                feed             TEXT NOT NULL PRIMARY KEY,
                etag             TEXT,
                last_modified    TEXT,
                interval_seconds REAL NOT NULL,
                next_poll        TEXT,
                last_polled      TEXT,
                last_new_items   INTEGER NOT NULL DEFAULT 0
            );

            CREATE TABLE watch_seen (
                item    TEXT NOT NULL PRIMARY KEY,
                feed    TEXT NOT NULL,
                seen_at TEXT NOT NULL
            );
            """),

        // What the HTTP API pages through. Stories newest first (a story without a date last: '' sorts lowest);
        // articles by outlet or story in ingestion order. story_outlets and speaker_quotes are kept by triggers, so
        // every writer (engine commits, story merges) keeps them right without knowing they exist.
        new(6, "read-side indexes: stories by date and outlet, articles by outlet and story, speakers by quote count", """
            CREATE INDEX stories_latest ON stories (coalesce(first_published, ''));
            CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE, seq);
            CREATE INDEX articles_story_seq ON articles (story, seq);

            CREATE TABLE story_outlets (
                outlet TEXT NOT NULL COLLATE NOCASE,
                story  TEXT NOT NULL,
                PRIMARY KEY (outlet, story)
            ) WITHOUT ROWID;
            CREATE INDEX story_outlets_story ON story_outlets (story);
            CREATE TRIGGER story_outlets_insert AFTER INSERT ON stories BEGIN
                INSERT OR IGNORE INTO story_outlets (outlet, story)
                SELECT value, new.id FROM json_each(new.outlets) WHERE typeof(value) = 'text';
            END;
            CREATE TRIGGER story_outlets_update AFTER UPDATE OF id, outlets ON stories
            WHEN old.id IS NOT new.id OR old.outlets IS NOT new.outlets BEGIN
                DELETE FROM story_outlets WHERE story = old.id;
                INSERT OR IGNORE INTO story_outlets (outlet, story)
                SELECT value, new.id FROM json_each(new.outlets) WHERE typeof(value) = 'text';
            END;
            CREATE TRIGGER story_outlets_delete AFTER DELETE ON stories BEGIN
                DELETE FROM story_outlets WHERE story = old.id;
            END;
            INSERT OR IGNORE INTO story_outlets (outlet, story)
            SELECT j.value, s.id FROM stories s, json_each(s.outlets) j WHERE typeof(j.value) = 'text';

            CREATE TABLE speaker_quotes (
                speaker TEXT    NOT NULL PRIMARY KEY,
                quotes  INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX speaker_quotes_rank ON speaker_quotes (quotes DESC, speaker);
            CREATE TRIGGER speaker_quotes_insert AFTER INSERT ON quotes WHEN new.speaker IS NOT NULL BEGIN
                INSERT INTO speaker_quotes (speaker, quotes) VALUES (new.speaker, 1)
                ON CONFLICT (speaker) DO UPDATE SET quotes = quotes + 1;
            END;
            CREATE TRIGGER speaker_quotes_delete AFTER DELETE ON quotes WHEN old.speaker IS NOT NULL BEGIN
                UPDATE speaker_quotes SET quotes = quotes - 1 WHERE speaker = old.speaker;
                DELETE FROM speaker_quotes WHERE speaker = old.speaker AND quotes <= 0;
            END;
            CREATE TRIGGER speaker_quotes_update AFTER UPDATE OF speaker ON quotes WHEN old.speaker IS NOT new.speaker BEGIN
                UPDATE speaker_quotes SET quotes = quotes - 1 WHERE old.speaker IS NOT NULL AND speaker = old.speaker;
                DELETE FROM speaker_quotes WHERE old.speaker IS NOT NULL AND speaker = old.speaker AND quotes <= 0;
                INSERT INTO speaker_quotes (speaker, quotes) SELECT new.speaker, 1 WHERE new.speaker IS NOT NULL
                ON CONFLICT (speaker) DO UPDATE SET quotes = quotes + 1;
            END;
            INSERT INTO speaker_quotes (speaker, quotes)
            SELECT speaker, COUNT(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker;
            """),

        // When this store first took each article in (UTC, to the second): a story's first-seen time is its articles'
        // earliest. Articles stored before this migration keep NULL: when they arrived is not known.
        new(7, "first ingestion time of each article", """
            ALTER TABLE articles ADD COLUMN ingested TEXT;
            """),
    ];

    internal static int LatestVersion => Migrations[^1].Version;
}
