using Microsoft.AspNetCore.Routing;

namespace Parallax.Web.Ui;

/// <summary>The server-rendered web UI: pages readable without JavaScript.</summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapParallaxUi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
