using System.Diagnostics;
using Parallax.Model;
using Parallax.Pipeline;
using Xunit.Abstractions;

namespace Parallax.Tests.Pipeline;

public sealed class HtmlReportTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>A blank 1280x2000 page compresses to a few kilobytes; a rendered report is far larger.</summary>
    private const long MinScreenshotBytes = 30_000;

    private static Report SampleReport()
    {
        const string bodyA = "“Relations between Velmont and Ostravia are based on trust,” Sorel said, Meridian Wire reported. The board met on Monday to approve the 12 percent rise in fares.";
        const string bodyB = "The relations between Velmont and Ostravia are based on trust, Sorel said. The board met on Monday to approve a 12 percent rise in fares. <script>alert(1)</script> & more.";
        var a = new Article { Id = "a", Source = "a.txt", Outlet = "Meridian Wire", Title = "Talks <b>open</b>", Published = "2026-03-05T13:20:00+01:00", Body = bodyA, Story = "st-1" };
        var b = new Article { Id = "b", Source = "b.txt", Outlet = "Eastline & Co", Title = "Talks <script>alert(1)</script>", Published = "2026-03-06", Body = bodyB, Story = "st-1", DuplicateOf = "a" };
        var qa = Quote("a:q1", "a", bodyA, "Relations between Velmont and Ostravia are based on trust", ["Sputnik"]);
        var qb = Quote("b:q1", "b", bodyB, "The relations between Velmont and Ostravia are based on trust", []);
        var report = new Report
        {
            Parallax = "test",
            Articles = [a, b],
            Stories = [new Story { Id = "st-1", Title = "Tessa <talks>", Articles = ["a", "b"], Outlets = ["Meridian Wire", "Eastline & Co"] }],
            Speakers = [new Speaker { Id = "sp-sorel", Name = "Ana Sorel" }],
            Quotes = [qa, qb],
        };
        var alignments = new Parallax.Compare.CoverageComparer().Align(report.Stories[0], report.Articles, report.Quotes, report.Speakers);
        return report with { Alignments = alignments };
    }

    private static Quote Quote(string id, string article, string body, string text, IReadOnlyList<string> via)
    {
        var start = body.IndexOf(text, StringComparison.Ordinal);
        return new Quote { Id = id, Article = article, Speaker = "sp-sorel", Kind = QuoteKinds.Direct, Text = text, Start = start, End = start + text.Length, Via = via };
    }

    internal static async Task<Report> SamplesReportAsync(string db)
    {
        await using var store = await Parallax.Store.SqliteArticleStore.OpenAsync(db);
        var engine = await Engine.OpenAsync(store);
        await engine.IngestAsync(new Parallax.Ingest.FileSource([TestPaths.Samples], new Parallax.Ingest.FileSourceOptions()));
        return await engine.BuildReportAsync();
    }

    [Fact]
    public void Html_report_escapes_every_text_and_loads_nothing_from_outside()
    {
        var html = HtmlReportWriter.Write(SampleReport());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Talks &lt;b&gt;open&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Eastline &amp; Co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_shows_the_diff_the_chain_the_copy_and_the_timeline()
    {
        var html = HtmlReportWriter.Write(SampleReport());
        Assert.Contains("<ins>The</ins>", html, StringComparison.Ordinal);
        Assert.Contains("Timeline", html, StringComparison.Ordinal);
        Assert.Contains("Sputnik<span class=\"arrow\">→</span>Meridian Wire", html, StringComparison.Ordinal);
        Assert.Contains("reprints Meridian Wire", html, StringComparison.Ordinal);
        Assert.Contains("Outlets side by side", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_of_the_samples_renders_in_headless_chromium()
    {
        if (!File.Exists(Chromium))
        {
            output.WriteLine($"SKIPPED: {Chromium} is absent (Debian: apt-get install -y chromium); the HTML report was not rendered.");
            return;
        }

        using var temp = new TempDir();
        var html = temp.File("report.html");
        File.WriteAllText(html, HtmlReportWriter.Write(await SamplesReportAsync(temp.File("samples.db"))));
        var png = temp.File("report.png");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + temp.File("profile"), "--screenshot=" + png,
            "--window-size=1280,2000", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s");
        }

        output.WriteLine(await stderr);
        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > MinScreenshotBytes, $"screenshot of {bytes.Length} bytes looks blank");
    }
}
