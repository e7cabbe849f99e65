using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Parallax.Store;
using Parallax.Web.Api;

namespace Parallax.Web.Ui;

/// <summary>
/// The server-rendered web UI: pages readable without JavaScript. Each page is a Razor component rendered to static
/// HTML by <see cref="HtmlRenderer"/>, so every piece of stored text is HTML-encoded by construction. It needs an
/// <see cref="IArticleStore"/> and the services of <see cref="AddParallaxUi"/>.
/// </summary>
public static class UiEndpoints
{
    public const string StylesheetPath = "/ui.css";

    public const string IconPath = "/favicon.svg";

    public static IEndpointRouteBuilder MapParallaxUi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var ui = endpoints.MapGroup("").ExcludeFromDescription();
        ui.MapGet("/", static async (HttpContext http, UiQueries queries, string? outlet, string? cursor) =>
            await PageAsync<StoriesPage>(http, await queries.StoriesAsync(outlet, cursor, http.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false));

        ui.MapGet("/stories/{id}", static async (HttpContext http, UiQueries queries, string id) =>
            await queries.StoryAsync(Unescape(id), http.RequestAborted).ConfigureAwait(false) is { } model
                ? await PageAsync<StoryPage>(http, model).ConfigureAwait(false)
                : await NotFoundAsync(http, "story", id).ConfigureAwait(false));

        ui.MapGet("/speakers/{id}", static async (HttpContext http, UiQueries queries, string id, string? cursor) =>
            await queries.SpeakerAsync(Unescape(id), cursor, http.RequestAborted).ConfigureAwait(false) is { } model
                ? await PageAsync<SpeakerPage>(http, model).ConfigureAwait(false)
                : await NotFoundAsync(http, "speaker", id).ConfigureAwait(false));

        ui.MapGet("/articles/{id}", static async (HttpContext http, UiQueries queries, string id) =>
            await queries.ArticleAsync(Unescape(id), http.RequestAborted).ConfigureAwait(false) is { } model
                ? await PageAsync<ArticlePage>(http, model).ConfigureAwait(false)
                : await NotFoundAsync(http, "article", id).ConfigureAwait(false));

        ui.MapGet("/search", static async (HttpContext http, UiQueries queries, string? q, string? cursor) =>
            await PageAsync<SearchPage>(http, await queries.SearchAsync(q, cursor, http.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false));

        ui.MapGet(StylesheetPath, static (HttpContext http) =>
        {
            var etag = UiStylesheet.ETag;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ETag = etag;
            return http.Request.Headers.IfNoneMatch == etag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Text(UiStylesheet.Css, "text/css; charset=utf-8", Encoding.UTF8);
        });

        ui.MapGet(IconPath, static (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(UiStylesheet.Icon, "image/svg+xml", Encoding.UTF8);
        });

        return endpoints;
    }

    /// <summary>
    /// The UI's services: its queries and the story coverage cache it shares with the API. The store must be registered
    /// as <see cref="IArticleStore"/>; when no <see cref="IArticleQueries"/> is, the store serves as one.
    /// </summary>
    public static IServiceCollection AddParallaxUi(this IServiceCollection services)
    {
        services.TryAddSingleton<IArticleQueries>(sp => sp.GetRequiredService<IArticleStore>() as IArticleQueries
            ?? throw new InvalidOperationException("The web UI needs an IArticleQueries (the SQLite store is one)."));
        services.TryAddSingleton<StoryResponseCache>();
        services.TryAddSingleton<UiQueries>();
        return services;
    }

    /// <summary>Routing leaves <c>%2F</c> encoded in a segment; an id containing <c>/</c> arrives that way.</summary>
    private static string Unescape(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static Task<IResult> NotFoundAsync(HttpContext http, string what, string id) =>
        PageAsync<NotFoundPage>(http, new NotFoundModel(what, Unescape(id)), StatusCodes.Status404NotFound);

    private static async Task<IResult> PageAsync<TPage>(HttpContext http, object model, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var html = await RenderAsync<TPage>(http.RequestServices, model).ConfigureAwait(false);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The whole document for one page: <c>&lt;!DOCTYPE html&gt;</c> and the component's static HTML.</summary>
    internal static async Task<string> RenderAsync<TPage>(IServiceProvider services, object model)
        where TPage : IComponent
    {
        // One renderer per request: a shared one would serialise every page through its single dispatcher.
        await using var renderer = new HtmlRenderer(new RendererServices(services), services.GetRequiredService<ILoggerFactory>());
        // Rendering must stay on the renderer's dispatcher, hence ConfigureAwait(true) inside.
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model })).ConfigureAwait(true);
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        return "<!DOCTYPE html>\n" + body;
    }
}

/// <summary>
/// The request's services, except that text is encoded with an encoder that leaves letters of every script as they
/// are: the default one writes each curly quote and accented letter as a numeric reference. Markup characters
/// (<c>&lt; &gt; &amp; " '</c>) are encoded by every <see cref="HtmlEncoder"/> whatever its ranges.
/// </summary>
internal sealed class RendererServices(IServiceProvider inner) : IServiceProvider
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
}
