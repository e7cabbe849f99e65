using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Parallax.Web.Ui;
using Xunit.Abstractions;

namespace Parallax.Tests.Web;

/// <summary>
/// The UI in headless chromium with JavaScript switched off, as a reader without scripts sees it: every scenario works
/// with links, forms and &lt;details&gt; alone.
/// </summary>
public sealed class UiBrowserTests(UiBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<UiBrowserFixture>
{
    private const int Wide = 1400;
    private const int Phone = 390;

    /// <summary>Pixels two boxes' tops may differ by and still count as one row.</summary>
    private const double RowTolerance = 2;

    /// <summary>
    /// A navigation counts once the new URL is committed; the assertions after it wait for the content themselves.
    /// Waiting for the load event as well timed out once in a full CI run with the new page already shown (its
    /// screenshot), so the load event is not waited on.
    /// </summary>
    private static readonly PageWaitForURLOptions UrlCommitted = new() { WaitUntil = WaitUntilState.Commit };

    private Task RunAsync(int width, Func<IPage, BrowserSession, Task> test, [CallerMemberName] string name = "") =>
        fixture.RunAsync(output, name, width, javaScript: false, async (page, session) =>
        {
            await test(page, session);
            Assert.Empty(session.Problems);
        });

    [Fact]
    public async Task Clicking_a_story_on_the_home_page_shows_its_outlets_side_by_side_on_a_wide_screen()
    {
        var story = await fixture.WideStoryAsync();
        await RunAsync(Wide, async (page, _) =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = UiFormat.Title(story), Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**" + UiFormat.StoryHref(story.Id), UrlCommitted);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(UiFormat.Title(story));

            var boxes = await BoxesAsync(page.Locator(".outlet"));
            Assert.True(boxes.Count >= 2, $"{boxes.Count} outlet columns");
            Assert.True(Math.Abs(boxes[0].Y - boxes[1].Y) <= RowTolerance, $"first two columns not on one row: y {boxes[0].Y} and {boxes[1].Y}");
            Assert.True(boxes[1].X >= boxes[0].X + boxes[0].Width, $"second column does not stand right of the first: x {boxes[0].X}+{boxes[0].Width}, {boxes[1].X}");
        });
    }

    [Fact]
    public async Task On_a_phone_the_outlets_stack_and_nothing_scrolls_sideways()
    {
        var story = await fixture.WideStoryAsync();
        await RunAsync(Phone, async (page, _) =>
        {
            await page.GotoAsync(UiFormat.StoryHref(story.Id));
            var boxes = await BoxesAsync(page.Locator(".outlet"));
            Assert.True(boxes.Count >= 2, $"{boxes.Count} outlet columns");
            for (var i = 1; i < boxes.Count; i++)
            {
                Assert.True(Math.Abs(boxes[i].X - boxes[0].X) <= RowTolerance, $"column {i} at x {boxes[i].X}, first at {boxes[0].X}");
                Assert.True(boxes[i].Y >= boxes[i - 1].Y + boxes[i - 1].Height, $"column {i} does not stand below column {i - 1}");
                Assert.True(boxes[i].Width <= Phone, $"column {i} is {boxes[i].Width} px wide");
            }

            foreach (var path in new[] { "/", UiFormat.StoryHref(story.Id), UiFormat.ArticleHref(story.Articles[0]), "/search?q=port", UiFormat.SpeakerHref("sp-varga"), UiFormat.ArticleHref(HostileStory.ArticleA) })
            {
                await page.GotoAsync(path);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= Phone, $"{path}: the page is {scrollWidth} px wide on a {Phone} px screen");
            }
        });
    }

    [Fact]
    public async Task Opening_a_quotes_variants_shows_each_version_and_the_word_diff()
    {
        var story = await fixture.WideStoryAsync();
        await RunAsync(Wide, async (page, _) =>
        {
            await page.GotoAsync(UiFormat.StoryHref(story.Id));
            var details = page.Locator("details.variants").Filter(new() { Has = page.Locator("ins, del") }).First;
            var diff = details.Locator("ins, del").First;
            await Assertions.Expect(diff).ToBeHiddenAsync();
            await details.Locator("summary").ClickAsync();
            await Assertions.Expect(diff).ToBeVisibleAsync();
            Assert.True(await details.Locator(".version").CountAsync() >= 2);
            await Assertions.Expect(details.Locator(".version a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/articles/"));
            var background = await diff.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        });
    }

    [Fact]
    public async Task Searching_from_the_form_lands_on_a_result_article()
    {
        await RunAsync(Wide, async (page, _) =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).FillAsync("cranes");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).PressAsync("Enter");
            await page.WaitForURLAsync("**/search?q=cranes", UrlCommitted);
            var first = page.Locator(".hit h2 a").First;
            await Assertions.Expect(page.Locator(".hit mark").First).ToBeVisibleAsync();
            var title = await first.InnerTextAsync();
            await first.ClickAsync();
            await page.WaitForURLAsync("**/articles/**", UrlCommitted);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await Assertions.Expect(page.Locator(".body")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task An_article_shows_its_quotes_highlighted_and_its_speakers_linked()
    {
        var quote = (await fixture.Store.GetQuotesAsync()).First(q => q.Speaker is not null && q.SpeakerStart is not null && !q.Article.StartsWith("hostile", StringComparison.Ordinal));
        await RunAsync(Wide, async (page, _) =>
        {
            await page.GotoAsync(UiFormat.ArticleHref(quote.Article));
            var mark = page.Locator("#" + UiFormat.QuoteAnchor(quote.Id));
            await Assertions.Expect(mark).ToBeVisibleAsync();
            await Assertions.Expect(mark).ToHaveTextAsync(quote.Text);
            var background = await mark.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            var body = await page.Locator(".body").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.NotEqual(body, background);
            var who = page.Locator($".body a.who[href='{UiFormat.SpeakerHref(quote.Speaker!)}']").First;
            await who.ClickAsync();
            await page.WaitForURLAsync("**" + UiFormat.SpeakerHref(quote.Speaker!), UrlCommitted);
            await Assertions.Expect(page.Locator($"a[href='{UiFormat.ArticleHref(quote.Article, quote.Id)}']")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Hostile_markup_on_every_page_runs_nothing_in_a_browser_with_scripts_on()
    {
        await fixture.RunAsync(output, nameof(Hostile_markup_on_every_page_runs_nothing_in_a_browser_with_scripts_on), Wide, javaScript: true, async (page, session) =>
        {
            // Without the content security policy: encoding alone must stop every payload.
            await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [UiTestServer.WithoutPolicyHeader] = "1" });
            foreach (var path in HostileStory.Pages())
            {
                await page.GotoAsync(path);
                foreach (var summary in await page.Locator("summary").AllAsync())
                {
                    await summary.ClickAsync();
                }

                foreach (var link in await page.Locator("main a").AllAsync())
                {
                    await link.HoverAsync();
                }

                Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), $"{path}: a payload ran");
                Assert.Equal(0, await page.Locator("main script, main img, main svg, main iframe").CountAsync());
                // A 404 page logs its own status as a console error; anything else (a payload, a blocked inline script) fails.
                Assert.DoesNotContain(session.Problems, p => !p.Contains("status of 404", StringComparison.Ordinal));
            }

            await page.GotoAsync(UiFormat.ArticleHref(HostileStory.ArticleA));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("<script>window.__pwned=1;alert(1)</script>");
            Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
        });
    }

    private static async Task<List<LocatorBoundingBoxResult>> BoxesAsync(ILocator locator)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var item in await locator.AllAsync())
        {
            boxes.Add((await item.BoundingBoxAsync())!);
        }

        return boxes;
    }
}
