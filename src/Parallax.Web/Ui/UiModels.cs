using Parallax.Compare;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Web.Ui;

/// <summary>
/// Links of a paged list: back to its first page (null on the first page) and on to the next (null on the last).
/// Pages follow the store's cursors, which lead forward only.
/// </summary>
public sealed record PageLinks(string? First, string? Next)
{
    public static PageLinks None { get; } = new(null, null);
}

/// <summary><c>/</c>: the latest stories, optionally of one outlet.</summary>
public sealed record StoryListModel
{
    /// <summary>Each story with when the store first ingested one of its articles.</summary>
    public required IReadOnlyList<StoryListItem> Stories { get; init; }

    /// <summary>The outlets that carried some story, for the filter (at most <see cref="UiQueries.MaxOutlets"/>).</summary>
    public required IReadOnlyList<string> Outlets { get; init; }

    public string? Outlet { get; init; }
    public required int Total { get; init; }
    public required PageLinks Pages { get; init; }
}

/// <summary><c>/stories/{id}</c>: one story with its coverage.</summary>
public sealed record StoryPageModel
{
    public required Story Story { get; init; }
    public required StoryCoverage Coverage { get; init; }
    public required IReadOnlyDictionary<string, Article> Articles { get; init; }
    public required IReadOnlyDictionary<string, Quote> Quotes { get; init; }
    public required IReadOnlyDictionary<string, Speaker> Speakers { get; init; }
    public required IReadOnlyList<QuoteGroup> QuoteGroups { get; init; }

    public string OutletOf(string articleId) =>
        Articles.TryGetValue(articleId, out var a) ? a.Outlet ?? a.Title ?? a.Id : articleId;
}

/// <summary>One statement as each outlet quotes it, and the word diffs between the versions.</summary>
public sealed record QuoteGroup(string Id, Speaker? Speaker, IReadOnlyList<StatementMention> Versions, IReadOnlyList<Alignment> Diffs);

/// <summary>A statement in an outlet column: its text there and, for shared ones, how many other articles carry it.</summary>
public sealed record ColumnItem(string Text, int? Others = null);

/// <summary><c>/speakers/{id}</c>: a speaker and their quotes across outlets and time.</summary>
public sealed record SpeakerPageModel
{
    public required Speaker Speaker { get; init; }
    /// <summary>This page of the speaker's quotes, in ingestion order, each with its article's headline.</summary>
    public required IReadOnlyList<QuoteInArticle> Quotes { get; init; }

    /// <summary>Every quote of the speaker, over all pages.</summary>
    public required int Total { get; init; }
    public required PageLinks Pages { get; init; }
}

/// <summary><c>/search</c>: the query, its hits, or why it could not run.</summary>
public sealed record SearchPageModel
{
    public string? Query { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    /// <summary>A message for the reader when the query could not run; null otherwise.</summary>
    public string? Problem { get; init; }

    public PageLinks Pages { get; init; } = PageLinks.None;
}

/// <summary><c>/articles/{id}</c>: an article, its quotes and their speakers.</summary>
public sealed record ArticlePageModel
{
    public required Article Article { get; init; }
    public required IReadOnlyList<Quote> Quotes { get; init; }
    public required IReadOnlyDictionary<string, Speaker> Speakers { get; init; }
    public Story? Story { get; init; }

    /// <summary>The body cut into plain runs and highlighted spans, in order.</summary>
    public required IReadOnlyList<BodySegment> Segments { get; init; }
}

/// <summary>
/// A run of an article body: plain text when <see cref="Quote"/> is null, else the quote's text or, when
/// <see cref="IsSpeakerMention"/>, the words naming its speaker.
/// </summary>
public sealed record BodySegment(string Text, Quote? Quote, bool IsSpeakerMention);

/// <summary>The 404 page: what was looked for.</summary>
public sealed record NotFoundModel(string What, string Id);
