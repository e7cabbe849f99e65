namespace Parallax.Web;

/// <summary>How <c>parallax serve</c> runs.</summary>
public sealed record ServeOptions
{
    /// <summary>SQLite database to serve. Default: <c>parallax.db</c> in the working folder, like the other commands.</summary>
    public string DatabasePath { get; init; } = "parallax.db";

    /// <summary>Addresses to listen on. Loopback only by default: exposing the server is a deliberate choice.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";
}
