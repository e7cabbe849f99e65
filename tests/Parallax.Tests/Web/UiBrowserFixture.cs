using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Parallax.Tests.Web;

/// <summary>
/// The UI server plus one headless Debian chromium driven by Playwright, shared by a test class. When
/// <see cref="Chromium"/> is absent, <see cref="Browser"/> is null and the tests return early with a message.
/// </summary>
public sealed class UiBrowserFixture : UiTestServer
{
    public const string Chromium = "/usr/bin/chromium";

    public const string ChromiumMissing = "SKIPPED: " + Chromium + " is absent (Debian: apt-get install -y chromium); the browser test did not run.";

    /// <summary>How long an action or expectation waits before failing.</summary>
    private const float WaitMilliseconds = 20_000;

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(Chromium))
        {
            return;
        }

        // The machine is shared: waits are generous so a loaded moment is not a failure.
        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Runs <paramref name="test"/> in a fresh page of the given width. Console errors (a content security policy
    /// violation shows up as one), page errors and dialogs are collected in <see cref="BrowserSession.Problems"/>; on
    /// failure a screenshot is kept under <c>screenshots/</c> beside the test assembly and its path printed.
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, string name, int width, bool javaScript, Func<IPage, BrowserSession, Task> test)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(test);
        if (Browser is null)
        {
            output.WriteLine(ChromiumMissing);
            return;
        }

        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(WaitMilliseconds);
        var session = new BrowserSession();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                session.Problems.Add($"console {message.Type}: {message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => session.Problems.Add($"page error: {error} ({page.Url})");
        page.Dialog += async (_, dialog) =>
        {
            session.Problems.Add($"dialog {dialog.Type}: {dialog.Message} ({page.Url})");
            await dialog.DismissAsync();
        };
        try
        {
            await test(page, session);
        }
        catch (Exception)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var png = Path.Combine(folder, name + ".png");
            try
            {
                await page.ScreenshotAsync(new() { Path = png, FullPage = true });
                output.WriteLine($"Screenshot of the failed page {page.Url}: {png}");
            }
            catch (PlaywrightException e)
            {
                output.WriteLine($"No screenshot: {e.Message}");
            }

            foreach (var problem in session.Problems)
            {
                output.WriteLine(problem);
            }

            throw;
        }
    }
}

/// <summary>What went wrong in the browser while a test ran.</summary>
public sealed class BrowserSession
{
    public List<string> Problems { get; } = [];
}
