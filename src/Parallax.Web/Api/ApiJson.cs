using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Compare;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Web.Api;

/// <summary>A page of stories, newest first.</summary>
public sealed record StoriesResponse(IReadOnlyList<StoryListEntry> Stories, long? Total, string? Next);

/// <summary>
/// A story as the contract has it, plus <c>first_seen</c>: when this server's store first ingested one of its articles
/// (ISO-8601 UTC; null when not known). The contract lets fields be added; reports and the one-story response leave it
/// out, since it is not the same from one run to the next.
/// </summary>
public sealed record StoryListEntry(
    string Id, string? Title, IReadOnlyList<string> Articles, IReadOnlyList<string> Outlets, string? FirstPublished, string? LastPublished,
    string? FirstSeen)
{
    internal static StoryListEntry From(StoryListItem item) =>
        new(item.Story.Id, item.Story.Title, item.Story.Articles, item.Story.Outlets, item.Story.FirstPublished, item.Story.LastPublished, item.FirstSeen);
}

/// <summary>The contract's report restricted to one story, plus its coverage (as <c>parallax show --format json</c>).</summary>
public sealed record StoryResponse
{
    public required string Parallax { get; init; }
    public IReadOnlyList<Article> Articles { get; init; } = [];
    public IReadOnlyList<Story> Stories { get; init; } = [];
    public IReadOnlyList<Speaker> Speakers { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<Alignment> Alignments { get; init; } = [];
    public IReadOnlyList<Rejection> Rejected { get; init; } = [];
    public IReadOnlyList<StoryCoverage> Coverage { get; init; } = [];
}

public sealed record ArticlesResponse(IReadOnlyList<Article> Articles, long? Total, string? Next);

public sealed record ArticleResponse(Article Article, IReadOnlyList<Quote> Quotes);

/// <summary>A speaker as the contract has it, plus how many stored quotes are attributed to it.</summary>
public sealed record SpeakerView(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, string Kind, int QuoteCount)
{
    internal static SpeakerView From(SpeakerSummary summary) =>
        new(summary.Speaker.Id, summary.Speaker.Name, summary.Speaker.Aliases, summary.Speaker.Roles, summary.Speaker.Kind, summary.Quotes);
}

public sealed record SpeakersResponse(IReadOnlyList<SpeakerView> Speakers, long? Total, string? Next);

/// <summary>A page of one speaker's quotes, with the headline of every article they come from.</summary>
public sealed record SpeakerQuotesResponse(SpeakerView Speaker, IReadOnlyList<Quote> Quotes, IReadOnlyList<ArticleHeadline> Articles, long? Total, string? Next);

public sealed record SearchResponse(string Query, IReadOnlyList<SearchHit> Hits, long? Total, string? Next);

/// <summary>Body of a URL ingest: http(s) addresses of pages, feeds or sitemaps.</summary>
public sealed record IngestUrlsRequest(IReadOnlyList<string>? Urls);

/// <summary>What one input became: <c>stored</c>, <c>already_stored</c> or <c>rejected</c> with its reason.</summary>
public sealed record IngestItem(string Source, string Status, string? Article, string? Story, string? Title, string? Reason, string? Detail);

public sealed record IngestResponse(int Stored, int AlreadyStored, int Rejected, int Quotes, IReadOnlyList<IngestItem> Items);

/// <summary>The API's JSON: the contract's conventions (snake_case, nulls written, never omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StoriesResponse))]
[JsonSerializable(typeof(StoryResponse))]
[JsonSerializable(typeof(ArticlesResponse))]
[JsonSerializable(typeof(ArticleResponse))]
[JsonSerializable(typeof(SpeakerView))]
[JsonSerializable(typeof(SpeakersResponse))]
[JsonSerializable(typeof(SpeakerQuotesResponse))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(IngestUrlsRequest))]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Non-ASCII text kept readable, as the CLI writes it. Safe here: every response is <c>application/json</c> with
    /// <c>nosniff</c>, so no browser renders it as markup.
    /// </summary>
    internal static ApiJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
