using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Parallax.Web;

/// <summary>Builds the HTTP server: the JSON API under <c>/api</c> and the server-rendered web UI.</summary>
public static class ParallaxServer
{
    public static WebApplication Build(ServeOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        return app;
    }
}
