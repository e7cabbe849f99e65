using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Parallax.Store;
using Parallax.Web.Ui;

namespace Parallax.Web;

/// <summary>Builds the HTTP server: the JSON API under <c>/api</c> and the server-rendered web UI.</summary>
public static class ParallaxServer
{
    public static async Task<WebApplication> BuildAsync(ServeOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = await SqliteArticleStore.OpenAsync(options.DatabasePath, cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IArticleStore>(store);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapParallaxUi();
        return app;
    }
}
