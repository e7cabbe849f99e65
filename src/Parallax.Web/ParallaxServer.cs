using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parallax.Store;
using Parallax.Web.Api;
using Parallax.Web.Ui;

namespace Parallax.Web;

/// <summary>Builds the HTTP server: the JSON API under <c>/api</c> and the server-rendered web UI.</summary>
public static class ParallaxServer
{
    /// <exception cref="ArgumentException">The options are refused: a non-loopback address without
    /// <see cref="ServeOptions.AllowRemote"/>, or an API key that is too short.</exception>
    public static Task<WebApplication> BuildAsync(ServeOptions options, string[]? args = null, CancellationToken cancellationToken = default) =>
        BuildAsync(options, args, null, cancellationToken);

    /// <summary>The same, with a hook on the builder: how tests put the server on an in-memory test host.</summary>
    internal static async Task<WebApplication> BuildAsync(
        ServeOptions options, string[]? args, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ServerHardening.Validate(options);
        var store = await SqliteArticleStore.OpenAsync(options.DatabasePath, options.Clock, cancellationToken).ConfigureAwait(false);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(args ?? []);
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
            builder.Services.Configure<FormOptions>(form =>
            {
                form.MultipartBodyLengthLimit = options.MaxRequestBodyBytes;
                form.ValueCountLimit = options.MaxUploadFiles + 16;
            });
            // A line per request costs more than serving it; errors and warnings are still logged.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Services.AddSingleton(options);

            // The container owns the store (a factory registration is disposed with it); both views are the same instance.
            builder.Services.AddSingleton(_ => store);
            builder.Services.AddSingleton<IArticleStore>(sp => sp.GetRequiredService<SqliteArticleStore>());
            builder.Services.AddSingleton<IArticleQueries>(sp => sp.GetRequiredService<SqliteArticleStore>());
            builder.Services.AddSingleton<IngestService>();
            builder.Services.AddSingleton<StoryResponseCache>();
            builder.Services.AddParallaxUi();
            builder.Services.AddSingleton<StoryWarmer>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<StoryWarmer>());
            builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Api));
            builder.Services.AddOpenApi();
            builder.Services.AddHardening(options);
            configure?.Invoke(builder);

            var app = builder.Build();
            app.UseHardening(options);
            app.MapOpenApi();
            app.MapGet("/healthz", () => "ok").ExcludeFromDescription();
            app.MapParallaxApi();
            app.MapParallaxUi();
            return app;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
