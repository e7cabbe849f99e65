using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;
using Parallax.Web.Ui;

namespace Parallax.Tests.Web;

/// <summary>
/// The UI on a real loopback Kestrel port over a temp store holding the repository's samples, ingested through the
/// engine, plus one story of hostile markup committed directly. Built by the test itself (not by ParallaxServer) so
/// the UI is tested alone; it sends a strict content security policy like the one the server is meant to send, so a
/// page that needed an inline script or style would show up as a violation in the browser tests.
/// </summary>
public class UiTestServer : IAsyncLifetime
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>A request header that turns the policy off, so a test can see whether encoding alone stops a payload.</summary>
    public const string WithoutPolicyHeader = "X-Test-Without-Csp";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "parallax-ui-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    public IArticleStore Store { get; private set; } = null!;

    /// <summary>The running server's services.</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The server has not started.");

    /// <summary><c>http://127.0.0.1:port</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Store = await SqliteArticleStore.OpenAsync(Path.Combine(folder, "ui.db"));
        var engine = await Engine.OpenAsync(Store);
        await engine.IngestAsync(new FileSource([TestPaths.Samples], new FileSourceOptions()));
        await HostileStory.CommitAsync(Store);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Store);
        builder.Services.AddParallaxUi();
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Headers.ContainsKey(WithoutPolicyHeader))
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            await next(context);
        });
        app.MapParallaxUi();
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The id of a samples story with at least three outlets, the richest to look at.</summary>
    public async Task<Story> WideStoryAsync() =>
        (await Store.GetStoriesAsync()).Where(s => s.Id != HostileStory.StoryId).OrderByDescending(s => s.Outlets.Count).ThenByDescending(s => s.Articles.Count).First();
}

/// <summary>
/// Articles whose every field carries markup meant to run in a reader's browser: each payload sets
/// <c>window.__pwned</c> or opens a dialog if it ever executes.
/// </summary>
internal static class HostileStory
{
    public const string StoryId = "st-hostile";
    public const string SpeakerId = "sp-hostile";
    public const string ArticleA = "hostile-a";

    /// <summary>An id that breaks out of an attribute if a link is built by concatenation.</summary>
    public const string ArticleB = "hostile-b\"><svg onload=alert(2)>";

    public const string Script = "<script>window.__pwned=1;alert(1)</script>";
    public const string Img = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";
    public const string Svg = "\"><svg onload=window.__pwned=1>";
    public const string AttributeBreak = "x' onmouseover='window.__pwned=1' data-x=\"";

    public static async Task CommitAsync(IArticleStore store)
    {
        var quoted = $"{Script} we will never pay {Img} for the cranes";
        var bodyA = $"Mal Ice {Svg} said on Monday: “{quoted}.” The harbour {AttributeBreak} board met. [bracketed] Hostile words end here.";
        var quotedB = $"{Script} we will not pay {Img} for cranes";
        var bodyB = $"“{quotedB},” said Mal Ice. {Img} Hostile copy of the report {Script}.";
        var a = new Article
        {
            Id = ArticleA,
            Source = "hostile-a.html",
            Url = "javascript:window.__pwned=1;alert(1)",
            Outlet = "Evil " + Img,
            Title = "Hostile " + Svg + Script,
            Authors = [Script, AttributeBreak],
            Published = "2026-07-01T09:00:00+00:00",
            Section = Svg,
            Body = bodyA,
            Story = StoryId,
        };
        var b = new Article
        {
            Id = ArticleB,
            Source = "hostile-b.html",
            Url = "data:text/html,<script>alert(1)</script>",
            Outlet = "Wire " + Svg,
            Title = "Hostile copy " + Img,
            Authors = [Img],
            Published = "2026-07-02",
            Body = bodyB,
            Story = StoryId,
        };
        var speaker = new Speaker
        {
            Id = SpeakerId,
            Name = "Mal Ice " + Img,
            Aliases = [Script],
            Roles = [Svg, AttributeBreak],
            Kind = SpeakerKinds.Person,
        };
        var qa = Quote($"{ArticleA}:q1", a, quoted, "Mal Ice", [Script, "Wire " + Svg]);
        var qb = Quote($"{ArticleB}:q1", b, quotedB, "Mal Ice", []);
        var story = new Story
        {
            Id = StoryId,
            Title = "Hostile story " + Script + Svg,
            Articles = [a.Id, b.Id],
            Outlets = [a.Outlet, b.Outlet],
            FirstPublished = a.Published,
            LastPublished = b.Published,
        };
        var alignments = new Parallax.Compare.CoverageComparer().Align(story, [a, b], [qa, qb], [speaker]);
        Assert.NotEmpty(alignments);
        await store.CommitAsync(new ArticleCommit { Article = a, ContentHash = "hostile-a", Quotes = [qa], Speakers = [speaker], Story = story with { Articles = [a.Id] } });
        await store.CommitAsync(new ArticleCommit { Article = b, ContentHash = "hostile-b", Quotes = [qb], Speakers = [speaker], Story = story, StoryAlignments = alignments });
    }

    /// <summary>Every page that shows some of the hostile text.</summary>
    public static IEnumerable<string> Pages()
    {
        yield return "/";
        yield return "/?outlet=" + Uri.EscapeDataString("Evil " + Img);
        yield return UiFormat.StoryHref(StoryId);
        yield return UiFormat.ArticleHref(ArticleA);
        yield return UiFormat.ArticleHref(ArticleB);
        yield return UiFormat.SpeakerHref(SpeakerId);
        yield return "/search?q=hostile";
        yield return "/search?q=" + Uri.EscapeDataString(Script);
        yield return "/articles/" + Uri.EscapeDataString(Svg);
    }

    private static Quote Quote(string id, Article article, string text, string mention, IReadOnlyList<string> via)
    {
        var start = article.Body.IndexOf(text, StringComparison.Ordinal);
        var who = article.Body.IndexOf(mention, StringComparison.Ordinal);
        Assert.True(start >= 0 && who >= 0);
        return new Quote
        {
            Id = id,
            Article = article.Id,
            Speaker = SpeakerId,
            SpeakerMention = mention,
            SpeakerStart = who,
            SpeakerEnd = who + mention.Length,
            Cue = "said",
            Kind = QuoteKinds.Direct,
            Text = text,
            Start = start,
            End = start + text.Length,
            Via = via,
        };
    }
}
