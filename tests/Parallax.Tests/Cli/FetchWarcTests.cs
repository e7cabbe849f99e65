using System.IO.Compression;
using System.Net;
using Parallax.Ingest;
using Parallax.Tests.Ingest;

namespace Parallax.Tests.Cli;

[Collection(LoopbackHttpTests.Name)]
public sealed class FetchWarcTests
{
    private const string Page =
        "<!doctype html><html lang=\"en\"><head><title>Ferry links restored | Harbor Ledger</title></head><body><article><h1>Ferry links restored</h1>" +
        "<p>PORT ALDER: Ferry services to the outer islands resumed on Thursday after a week of storms, the harbour authority said.</p>" +
        "<p>“Every crossing is running on schedule again,” operations chief Ines Marlow told reporters at the terminal on Thursday morning.</p>" +
        "<p>Islanders had been cut off since last Friday, when waves damaged the ramp at the northern pier and closed it to vehicles.</p></article></body></html>";

    [Fact]
    public async Task Fetch_with_warc_archives_what_it_fetched_and_the_archive_reads_back()
    {
        await using var server = new HttpTestServer();
        server.Map("/ferry", async context =>
        {
            // Sent gzip-compressed: the archive must hold the decoded page and say so.
            context.Response.AddHeader("Content-Encoding", "gzip");
            context.Response.ContentType = "text/html; charset=utf-8";
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Page));
            }

            context.Response.StatusCode = (int)HttpStatusCode.OK;
            await context.Response.OutputStream.WriteAsync(buffer.ToArray());
            context.Response.Close();
        });

        using var dir = new TempDir();
        var warc = dir.File("out.warc.gz");
        var result = await CliRunner.RunAsync("fetch", server.Url("/ferry").ToString(), "--warc", warc, "--allow-private", "--db", dir.File("p.db"));
        Assert.True(result.ExitCode == 0, result.Error);

        var documents = new List<Model.RawDocument>();
        await foreach (var item in new WarcSource(warc, new FileSourceOptions()).ReadAsync())
        {
            Assert.Null(item.Rejection);
            documents.Add(item.Document!);
        }

        var page = Assert.Single(documents, d => d.Url!.EndsWith("/ferry", StringComparison.Ordinal));
        Assert.Equal(server.Url("/ferry").ToString(), page.Url);
        Assert.Equal(Page, System.Text.Encoding.UTF8.GetString(page.Content.Span));
    }
}
