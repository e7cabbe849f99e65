using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Parallax.Ingest;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Web.Api;

/// <summary>
/// The JSON API under <c>/api</c>, in the shapes of <c>spec/report-json.md</c>. Reads are open; writes need the API
/// key. Lists page with an opaque <c>cursor</c> (the <c>next</c> of the page before, also sent as a <c>Link</c>).
/// </summary>
public static class ApiEndpoints
{
    internal const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapParallaxApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").AddEndpointFilter(BadRequestFilter);

        api.MapGet("/stories", GetStories)
            .WithName("ListStories")
            .WithSummary("Stories, newest first, each with first_seen (when this store first ingested one of its articles); filter by outlet (exact name, any case) and by days (from/to as YYYY-MM-DD, inclusive).")
            .Produces<StoriesResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/stories/{id}", GetStory)
            .WithName("GetStory")
            .WithSummary("One story: its articles, speakers, quotes, alignments and coverage (the report of `parallax show --format json`).")
            .Produces<StoryResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/articles", GetArticles)
            .WithName("ListArticles")
            .WithSummary("Articles, latest ingested first; filter by outlet or story.")
            .Produces<ArticlesResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/articles/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("One article with its quotes.")
            .Produces<ArticleResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/speakers", GetSpeakers)
            .WithName("ListSpeakers")
            .WithSummary("Quoted speakers, most quoted first.")
            .Produces<SpeakersResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/speakers/{id}", GetSpeaker)
            .WithName("GetSpeaker")
            .WithSummary("One speaker with its quote count.")
            .Produces<SpeakerView>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/speakers/{id}/quotes", GetSpeakerQuotes)
            .WithName("ListSpeakerQuotes")
            .WithSummary("A speaker's quotes across outlets, in ingestion order, with the headline of each quote's article.")
            .Produces<SpeakerQuotesResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Full-text search over headlines and bodies (FTS5 syntax), best first.")
            .Produces<SearchResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/ingest", Ingest)
            .WithName("Ingest")
            .WithSummary("Ingest uploaded files (multipart/form-data, any input format) or {\"urls\": [...]} fetched politely. Needs X-Api-Key.")
            // One Accepts: routing answers 415 to any content type the last one does not list.
            .Accepts<IngestUrlsRequest>("application/json", "multipart/form-data")
            .Produces<IngestResponse>(StatusCodes.Status200OK, JsonPayload.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery()
            .RequireRateLimiting(ServerHardening.WritePolicy);
        return endpoints;
    }

    private static async Task<IResult> GetStories(HttpContext context, IArticleQueries queries, string? outlet, string? from, string? to, string? limit, string? cursor)
    {
        var filter = new StoryFilter(NullIfEmpty(outlet), ParseDay(from, nameof(from)), ParseDay(to, nameof(to)));
        var page = await queries.GetStoriesPageAsync(filter, Page(limit, cursor), context.RequestAborted).ConfigureAwait(false);
        var next = NextLink(context, page.Next);
        var stories = page.Items.Select(StoryListEntry.From).ToList();
        return JsonPayload.Create(new StoriesResponse(stories, page.Total, next), ApiJsonContext.Api.StoriesResponse, next: next);
    }

    private static async Task<IResult> GetStory(HttpContext context, IArticleQueries queries, StoryResponseCache cache, string id)
    {
        var report = await queries.GetStoryReportAsync(id, EngineInfo.Version, context.RequestAborted).ConfigureAwait(false);
        return report is null ? NotFound("story") : JsonPayload.FromBytes(await cache.GetOrAddAsync(report, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> GetArticles(HttpContext context, IArticleQueries queries, string? outlet, string? story, string? limit, string? cursor)
    {
        var page = await queries.GetArticlesPageAsync(new ArticleFilter(NullIfEmpty(outlet), NullIfEmpty(story)), Page(limit, cursor), context.RequestAborted)
            .ConfigureAwait(false);
        var next = NextLink(context, page.Next);
        return JsonPayload.Create(new ArticlesResponse(page.Items, page.Total, next), ApiJsonContext.Api.ArticlesResponse, next: next);
    }

    private static async Task<IResult> GetArticle(HttpContext context, IArticleQueries queries, string id)
    {
        var found = await queries.FindArticleAsync(id, context.RequestAborted).ConfigureAwait(false);
        return found is null
            ? NotFound("article")
            : JsonPayload.Create(new ArticleResponse(found.Article, found.Quotes), ApiJsonContext.Api.ArticleResponse);
    }

    private static async Task<IResult> GetSpeakers(HttpContext context, IArticleQueries queries, string? limit, string? cursor)
    {
        var page = await queries.GetSpeakersPageAsync(Page(limit, cursor), context.RequestAborted).ConfigureAwait(false);
        var next = NextLink(context, page.Next);
        var speakers = page.Items.Select(SpeakerView.From).ToList();
        return JsonPayload.Create(new SpeakersResponse(speakers, page.Total, next), ApiJsonContext.Api.SpeakersResponse, next: next);
    }

    private static async Task<IResult> GetSpeaker(HttpContext context, IArticleQueries queries, string id)
    {
        var found = await queries.FindSpeakerAsync(id, context.RequestAborted).ConfigureAwait(false);
        return found is null ? NotFound("speaker") : JsonPayload.Create(SpeakerView.From(found), ApiJsonContext.Api.SpeakerView);
    }

    private static async Task<IResult> GetSpeakerQuotes(HttpContext context, IArticleQueries queries, string id, string? limit, string? cursor)
    {
        var request = Page(limit, cursor);
        var speaker = await queries.FindSpeakerAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (speaker is null)
        {
            return NotFound("speaker");
        }

        var page = await queries.GetSpeakerQuotesPageAsync(id, request, context.RequestAborted).ConfigureAwait(false);
        var next = NextLink(context, page.Next);
        var articles = page.Items.Select(q => q.Article).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        var response = new SpeakerQuotesResponse(SpeakerView.From(speaker), page.Items.Select(q => q.Quote).ToList(), articles, page.Total, next);
        return JsonPayload.Create(response, ApiJsonContext.Api.SpeakerQuotesResponse, next: next);
    }

    private static async Task<IResult> Search(HttpContext context, IArticleQueries queries, string? q, string? limit, string? cursor)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return BadRequest("The query parameter q is required.");
        }

        var page = await queries.SearchPageAsync(q, Page(limit, cursor), context.RequestAborted).ConfigureAwait(false);
        var next = NextLink(context, page.Next);
        return JsonPayload.Create(new SearchResponse(q, page.Items, page.Total, next), ApiJsonContext.Api.SearchResponse, next: next);
    }

    private static async Task<IResult> Ingest(HttpContext context, ServeOptions options, IngestService ingest)
    {
        if (options.ApiKey is null)
        {
            return Problem(StatusCodes.Status403Forbidden, "Writes are disabled: the server was started without an API key.");
        }

        if (!context.Request.Headers.TryGetValue(ApiKeyHeader, out var given) || StringValues.IsNullOrEmpty(given))
        {
            context.Response.Headers.WWWAuthenticate = ApiKeyHeader;
            return Problem(StatusCodes.Status401Unauthorized, $"Writes need the API key in the {ApiKeyHeader} header.");
        }

        if (!KeyMatches(given.ToString(), options.ApiKey))
        {
            return Problem(StatusCodes.Status403Forbidden, "The API key is not valid.");
        }

        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var files = form.Files;
            if (files.Count == 0)
            {
                return BadRequest("The form carries no file.");
            }

            if (files.Count > options.MaxUploadFiles)
            {
                return BadRequest($"One upload may carry at most {options.MaxUploadFiles} files.");
            }

            var result = await ingest.IngestFilesAsync(files, context.RequestAborted).ConfigureAwait(false);
            return JsonPayload.Create(result, ApiJsonContext.Api.IngestResponse);
        }

        if (context.Request.HasJsonContentType())
        {
            IngestUrlsRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync(context.Request.Body, ApiJsonContext.Api.IngestUrlsRequest, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return BadRequest("The body is not valid JSON of the form {\"urls\": [\"https://...\"]}.");
            }

            if (body?.Urls is not { Count: > 0 } listed)
            {
                return BadRequest("The body lists no urls.");
            }

            if (listed.Count > options.MaxIngestUrls)
            {
                return BadRequest($"One request may list at most {options.MaxIngestUrls} urls.");
            }

            var urls = new List<Uri>(listed.Count);
            foreach (var text in listed)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !HttpAddressGuard.IsAllowedScheme(uri))
                {
                    return BadRequest("Every url must be an absolute http or https address.");
                }

                urls.Add(uri);
            }

            var result = await ingest.IngestUrlsAsync(urls).ConfigureAwait(false);
            return JsonPayload.Create(result, ApiJsonContext.Api.IngestResponse);
        }

        return Problem(StatusCodes.Status415UnsupportedMediaType, "Send multipart/form-data files or application/json {\"urls\": [...]}.");
    }

    /// <summary>Compares hashes in constant time, so response timing tells nothing about the key.</summary>
    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The store's refusals of a page or a query are the client's mistake: 400, with our words, not the exception's.</summary>
    private static async ValueTask<object?> BadRequestFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (InvalidSearchQueryException)
        {
            return BadRequest("The search query is not valid: use words, \"phrases\", AND, OR, NOT and prefix* terms.");
        }
        catch (InvalidPageRequestException)
        {
            return BadRequest($"Bad page: limit must be 1 to {PageRequest.MaxLimit} and cursor must be the next of an earlier page.");
        }
        catch (BadParameterException bad)
        {
            return BadRequest(bad.Message);
        }
    }

    private static PageRequest Page(string? limit, string? cursor)
    {
        var size = PageRequest.DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > PageRequest.MaxLimit))
        {
            throw new BadParameterException($"limit must be a whole number from 1 to {PageRequest.MaxLimit}.");
        }

        return new PageRequest(size, NullIfEmpty(cursor));
    }

    private static DateOnly? ParseDay(string? value, string name) =>
        string.IsNullOrEmpty(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new BadParameterException($"{name} must be a day written YYYY-MM-DD.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The same request with <c>cursor</c> set to the next page's: path and query, relative to the server.</summary>
    private static string? NextLink(HttpContext context, string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var query = context.Request.Query
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return context.Request.PathBase + context.Request.Path + QueryString.Create(query);
    }

    // The id is not echoed: a problem never repeats what the client sent.
    private static ProblemHttpResult NotFound(string kind) =>
        Problem(StatusCodes.Status404NotFound, $"No {kind} has this id.");

    private static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status));

    /// <summary>A query parameter that does not parse; its message is ours and safe to show.</summary>
    private sealed class BadParameterException(string message) : Exception(message);
}
