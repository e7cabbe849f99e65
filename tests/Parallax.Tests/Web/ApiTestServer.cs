using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Parallax.Ingest;
using Parallax.Pipeline;
using Parallax.Store;
using Parallax.Web;

namespace Parallax.Tests.Web;

/// <summary>The server on an in-memory test host (no socket, no network) over a temporary database.</summary>
internal sealed class ApiTestServer : IAsyncDisposable
{
    private readonly TempDir _dir;

    private ApiTestServer(TempDir dir, WebApplication app, ServeOptions options)
    {
        _dir = dir;
        App = app;
        Options = options;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ServeOptions Options { get; }

    public string DatabasePath => Options.DatabasePath;

    /// <summary>A server over the repository's samples ingested through the engine (or over an empty store).</summary>
    public static async Task<ApiTestServer> StartAsync(
        bool withSamples = true, Func<ServeOptions, ServeOptions>? configure = null, Action<WebApplication>? beforeStart = null)
    {
        var dir = new TempDir();
        var db = dir.File("api.db");
        if (withSamples)
        {
            await using var store = await SqliteArticleStore.OpenAsync(db);
            var engine = await Engine.OpenAsync(store);
            await engine.IngestAsync(new FileSource([TestPaths.Samples], new FileSourceOptions()));
        }

        var options = new ServeOptions { DatabasePath = db };
        options = configure?.Invoke(options) ?? options;
        var app = await ParallaxServer.BuildAsync(options, [], builder => builder.WebHost.UseTestServer(), CancellationToken.None);
        beforeStart?.Invoke(app);
        await app.StartAsync();
        return new ApiTestServer(dir, app, options);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Follows <c>next</c> from <paramref name="first"/> to the end, returning every item of <paramref name="list"/>.</summary>
    public async Task<List<JsonElement>> WalkAsync(string first, string list)
    {
        var items = new List<JsonElement>();
        string? next = first;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 1_000, "pagination does not end");
            var page = await GetJsonAsync(next);
            items.AddRange(page.GetProperty(list).EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>One server over the samples shared by the read-only tests of a class.</summary>
public sealed class SampleServerFixture : IAsyncLifetime
{
    internal ApiTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ApiTestServer.StartAsync(
        beforeStart: app => app.MapGet("/test/boom", string () => throw new InvalidOperationException("secret detail at /home/internal/path")));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

internal static class ProblemAssert
{
    /// <summary>An RFC 7807 body with the status, and nothing of an exception in it.</summary>
    public static async Task IsProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
    }
}
