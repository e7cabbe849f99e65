using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parallax.Web;

namespace Parallax.Tests.Web;

public sealed class ApiWriteTests
{
    private const string Key = "test-key-0123456789abcdef";

    private static string SampleHtml => Directory.GetFiles(Path.Combine(TestPaths.Samples, "html"), "*.html").Order(StringComparer.Ordinal).First(f => !f.Contains("index", StringComparison.Ordinal));

    private static MultipartFormDataContent Upload(string path, string? name = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "files", name ?? Path.GetFileName(path));
        return form;
    }

    private static HttpRequestMessage Post(HttpContent content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ingest", UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task Without_a_configured_key_writes_are_refused_with_403()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false);
        using var request = Post(Upload(SampleHtml), "anything-at-all-long-enough");
        using var response = await server.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, 403);
        Assert.Equal(0, (await server.GetJsonAsync("/api/articles")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_missing_key_is_401_and_a_wrong_key_is_403()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key });
        using var missing = Post(Upload(SampleHtml), null);
        using var noKey = await server.Client.SendAsync(missing);
        await ProblemAssert.IsProblemAsync(noKey, 401);

        using var wrong = Post(Upload(SampleHtml), Key + "x");
        using var badKey = await server.Client.SendAsync(wrong);
        await ProblemAssert.IsProblemAsync(badKey, 403);
        Assert.Equal(0, (await server.GetJsonAsync("/api/articles")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_uploaded_html_file_is_stored_once_and_can_be_read_back()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key });
        using var request = Post(Upload(SampleHtml), Key);
        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);

        var result = JsonDocument.Parse(text).RootElement;
        Assert.Equal(1, result.GetProperty("stored").GetInt32());
        var item = result.GetProperty("items")[0];
        Assert.Equal("stored", item.GetProperty("status").GetString());
        Assert.Equal("upload/" + Path.GetFileName(SampleHtml), item.GetProperty("source").GetString());
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);

        var id = item.GetProperty("article").GetString()!;
        var article = await server.GetJsonAsync($"/api/articles/{Uri.EscapeDataString(id)}");
        Assert.False(string.IsNullOrEmpty(article.GetProperty("article").GetProperty("body").GetString()));
        var stories = await server.GetJsonAsync("/api/stories");
        Assert.Equal(1, stories.GetProperty("total").GetInt64());
        var storyId = item.GetProperty("story").GetString()!;
        var story = await server.GetJsonAsync($"/api/stories/{Uri.EscapeDataString(storyId)}");
        Assert.Empty(Pipeline.ReportContract.Violations(story));
        Assert.Equal(id, story.GetProperty("articles")[0].GetProperty("id").GetString());
        Assert.Equal(1, story.GetProperty("coverage").GetArrayLength());

        using var repeat = Post(Upload(SampleHtml), Key);
        using var again = await server.Client.SendAsync(repeat);
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, second.GetProperty("stored").GetInt32());
        Assert.Equal(1, second.GetProperty("already_stored").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_an_article_is_rejected_with_its_reason()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key });
        using var form = new MultipartFormDataContent { { new ByteArrayContent([0, 1, 2, 3, 0, 0, 255, 254]), "files", "../../etc/blob.bin" } };
        using var request = Post(form, Key);
        using var response = await server.Client.SendAsync(request);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        var item = result.GetProperty("items")[0];
        Assert.Equal("rejected", item.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("reason").GetString()));
        Assert.Equal("upload/blob.bin", item.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Urls_to_private_addresses_are_refused_by_the_fetcher_guard_without_a_connection()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key });
        using var body = new StringContent("{\"urls\": [\"http://127.0.0.1:9/article\", \"http://10.0.0.1/news\"]}", Encoding.UTF8, "application/json");
        using var request = Post(body, Key);
        using var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);

        var result = JsonDocument.Parse(text).RootElement;
        Assert.Equal(0, result.GetProperty("stored").GetInt32());
        Assert.Equal(2, result.GetProperty("rejected").GetInt32());
        Assert.All(result.GetProperty("items").EnumerateArray(), i => Assert.Contains("address", i.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"urls\": []}")]
    [InlineData("{\"urls\": [\"file:///etc/passwd\"]}")]
    [InlineData("{\"urls\": [\"not a url\"]}")]
    [InlineData("{\"urls\": ")]
    public async Task Bad_url_bodies_are_400_problems(string json)
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key });
        using var request = Post(new StringContent(json, Encoding.UTF8, "application/json"), Key);
        using var response = await server.Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, 400);
    }

    [Fact]
    public async Task Writes_past_the_rate_limit_get_429()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key, WriteRequestsPerWindow = 2 });
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var request = Post(new StringContent("{\"urls\": []}", Encoding.UTF8, "application/json"), Key);
            using var response = await server.Client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            if (i == 2)
            {
                await ProblemAssert.IsProblemAsync(response, 429);
            }
        }

        Assert.Equal([400, 400, 429], statuses);
        using var read = await server.Client.GetAsync(new Uri("/api/stories", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        await using var server = await ApiTestServer.StartAsync(withSamples: false, configure: o => o with { ApiKey = Key, MaxRequestBodyBytes = 1024 });
        using var request = Post(Upload(SampleHtml), Key);
        using var response = await server.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, 413);
        Assert.Equal(0, (await server.GetJsonAsync("/api/articles")).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://127.0.0.1:5080;http://example.org:80")]
    public async Task Non_loopback_addresses_are_refused_without_allow_remote(string urls)
    {
        using var dir = new TempDir();
        var options = new ServeOptions { DatabasePath = dir.File("p.db"), Urls = urls };
        await Assert.ThrowsAsync<ArgumentException>(() => ParallaxServer.BuildAsync(options));
        Assert.False(File.Exists(dir.File("p.db")), "a refused server must not create the database");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Loopback_addresses_are_accepted(string urls) =>
        ServerHardening.Validate(new ServeOptions { Urls = urls });

    [Fact]
    public void Allow_remote_accepts_any_address_and_a_short_key_is_refused()
    {
        ServerHardening.Validate(new ServeOptions { Urls = "http://0.0.0.0:5080", AllowRemote = true });
        Assert.Throws<ArgumentException>(() => ServerHardening.Validate(new ServeOptions { ApiKey = "short" }));
    }

    [Fact]
    public async Task Serve_refuses_a_public_address_with_a_usage_error()
    {
        using var dir = new TempDir();
        var result = await Cli.CliRunner.RunAsync("serve", "--db", dir.File("p.db"), "--urls", "http://0.0.0.0:5080");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--allow-remote", result.Error, StringComparison.Ordinal);
    }
}
