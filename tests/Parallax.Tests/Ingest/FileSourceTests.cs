using System.IO.Compression;
using System.Text;
using Parallax.Ingest;
using Parallax.Model;

namespace Parallax.Tests.Ingest;

public sealed class FileSourceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "parallax-ingest-" + Guid.NewGuid().ToString("N"));

    public FileSourceTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content) => Write(relative, Encoding.UTF8.GetBytes(content));

    private string Write(string relative, byte[] content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static async Task<List<SourceItem>> ReadAllAsync(FileSource source)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync())
        {
            items.Add(item);
        }

        return items;
    }

    private static Task<List<SourceItem>> ReadAsync(FileSourceOptions? options = null, params string[] paths) =>
        ReadAllAsync(new FileSource(paths, options ?? new FileSourceOptions()));

    private static string SourceOf(SourceItem item) => item.Document?.Source ?? item.Rejection!.Source;

    [Fact]
    public async Task Folders_are_walked_recursively_in_ordinal_order()
    {
        Write("b.txt", "b");
        Write("a/z.txt", "az");
        Write("a/b/c.txt", "abc");
        Write("B.txt", "B");
        Write("a.txt", "a");

        var items = await ReadAsync(null, _root);

        Assert.Equal(
            ["B.txt", "a/b/c.txt", "a/z.txt", "a.txt", "b.txt"],
            items.Select(i => Path.GetRelativePath(_root, SourceOf(i)).Replace('\\', '/')));
        Assert.All(items, i => Assert.NotNull(i.Document));
    }

    [Fact]
    public async Task Sources_join_the_path_as_given_with_the_relative_path()
    {
        Write("news/world/one.txt", "one");
        var given = Path.Combine(_root, "news");

        var item = Assert.Single(await ReadAsync(null, given));

        Assert.Equal(Path.Join(given, "world", "one.txt"), item.Document!.Source);
        Assert.Equal("one.txt", item.Document.Id);
    }

    [Fact]
    public async Task Text_and_html_files_become_documents_with_their_bytes_and_type()
    {
        var text = Write("story.txt", "Headline\n\nBody ünïcödé.");
        var html = Write("page.HTML", "<html><body><p>Hi</p></body></html>");
        var htm = Write("old.htm", "<p>old</p>");

        var items = await ReadAsync(null, text, html, htm);

        Assert.Equal(["text/plain", "text/html", "text/html"], items.Select(i => i.Document!.ContentType));
        Assert.Equal(File.ReadAllBytes(text), items[0].Document!.Content.ToArray());
        Assert.Equal("page.HTML", items[1].Document!.Id);
        Assert.Null(items[0].Document!.CleanText);
    }

    [Fact]
    public async Task Hidden_entries_and_database_files_are_skipped()
    {
        Write(".git/config.txt", "x");
        Write(".hidden.txt", "x");
        Write("p.db", "x");
        Write("p.db-wal", "x");
        Write("p.db-shm", "x");
        Write("kept.txt", "x");

        var items = await ReadAsync(null, _root);

        Assert.Equal(["kept.txt"], items.Select(i => Path.GetFileName(SourceOf(i))));
    }

    [Fact]
    public async Task Excluded_paths_are_skipped()
    {
        Write("store.bin", "x");
        Write("kept.txt", "x");

        var items = await ReadAsync(new FileSourceOptions { ExcludedPaths = [Path.Combine(_root, "store.bin")] }, _root);

        Assert.Equal(["kept.txt"], items.Select(i => Path.GetFileName(SourceOf(i))));
    }

    [Theory]
    [InlineData("report.pdf", ".pdf")]
    [InlineData("letter.docx", ".docx")]
    [InlineData("data.xyz", ".xyz")]
    [InlineData("archive.tar.gz", ".gz")]
    public async Task Unsupported_formats_are_rejected_naming_the_extension(string name, string extension)
    {
        var path = Write(name, "%PDF-1.4 whatever");

        var item = Assert.Single(await ReadAsync(null, path));

        Assert.Null(item.Document);
        Assert.Equal(RejectReasons.UnsupportedFormat, item.Rejection!.Reason);
        Assert.Equal(path, item.Rejection.Source);
        Assert.Contains($"'{extension}'", item.Rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_extension_is_rejected_as_unsupported()
    {
        var path = Write("README", "plain words");

        var item = Assert.Single(await ReadAsync(null, path));

        Assert.Equal(RejectReasons.UnsupportedFormat, item.Rejection!.Reason);
        Assert.Contains("no extension", item.Rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_passes_through_as_a_document()
    {
        var path = Write("empty.txt", []);

        var item = Assert.Single(await ReadAsync(null, path));

        Assert.NotNull(item.Document);
        Assert.True(item.Document.Content.IsEmpty);
    }

    [Fact]
    public async Task A_huge_sparse_file_is_rejected_as_too_large_from_its_size()
    {
        var path = Path.Combine(_root, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var item = Assert.Single(await ReadAsync(null, path));

        Assert.Equal(RejectReasons.TooLarge, item.Rejection!.Reason);
        Assert.Contains((50L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), item.Rejection.Detail, StringComparison.Ordinal);
        Assert.Contains(FileSourceOptions.DefaultMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_limit_comes_from_the_options()
    {
        var path = Write("small.txt", new string('x', 101));
        var options = new FileSourceOptions { MaxBytes = 100 };

        Assert.Equal(RejectReasons.TooLarge, Assert.Single(await ReadAsync(options, path)).Rejection!.Reason);
        Assert.NotNull(Assert.Single(await ReadAsync(options with { MaxBytes = 101 }, path)).Document);
    }

    [Fact]
    public async Task A_missing_path_is_rejected_as_unreadable_and_the_rest_is_read()
    {
        var missing = Path.Combine(_root, "nope", "gone.txt");
        var present = Write("here.txt", "x");

        var items = await ReadAsync(null, missing, present);

        Assert.Equal(RejectReasons.Unreadable, items[0].Rejection!.Reason);
        Assert.Equal(missing, items[0].Rejection!.Source);
        Assert.False(string.IsNullOrWhiteSpace(items[0].Rejection!.Detail));
        Assert.NotNull(items[1].Document);
    }

    [Theory]
    [InlineData("page.html.gz")]
    [InlineData("page.htm.gz")]
    public async Task Gzipped_html_round_trips(string name)
    {
        var html = "<html><body><article><p>Gzipped “page” body.</p></article></body></html>";
        var path = Write(name, Gzip(Encoding.UTF8.GetBytes(html)));

        var item = Assert.Single(await ReadAsync(null, path));

        Assert.Equal("text/html", item.Document!.ContentType);
        Assert.Equal(html, Encoding.UTF8.GetString(item.Document.Content.Span));
        Assert.Equal(name, item.Document.Id);
    }

    [Fact]
    public async Task A_gzip_that_inflates_past_the_limit_is_rejected_as_too_large()
    {
        // 1 MB of zeros compresses to about a kilobyte: under the file-size check, over the decompressed cap.
        var path = Write("bomb.html.gz", Gzip(new byte[1024 * 1024]));
        var options = new FileSourceOptions { MaxBytes = 64 * 1024 };
        Assert.True(new FileInfo(path).Length < options.MaxBytes);

        var item = Assert.Single(await ReadAsync(options, path));

        Assert.Equal(RejectReasons.TooLarge, item.Rejection!.Reason);
    }

    [Fact]
    public async Task A_corrupt_gzip_is_rejected_as_unparseable()
    {
        var garbage = Write("garbage.html.gz", Encoding.UTF8.GetBytes("this is not gzip at all, just text"));
        var valid = Gzip(Encoding.UTF8.GetBytes(new string('a', 10_000) + "<p>end</p>"));
        var corrupt = valid.ToArray();
        for (var i = 10; i < corrupt.Length - 8; i++)
        {
            corrupt[i] ^= 0x5A;
        }

        var mangled = Write("mangled.html.gz", corrupt);

        var items = await ReadAsync(null, garbage, mangled);

        Assert.All(items, item =>
        {
            Assert.Equal(RejectReasons.Unparseable, item.Rejection!.Reason);
            Assert.False(string.IsNullOrWhiteSpace(item.Rejection.Detail));
        });
    }

    [Fact]
    public async Task Jsonl_files_in_a_folder_are_read_as_records()
    {
        Write("a.txt", "plain");
        Write("feed.jsonl", "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"r2\",\"text\":\"two\"}\n");

        var items = await ReadAsync(null, _root);

        Assert.Equal(["a.txt", "feed.jsonl#1", "feed.jsonl#2"], items.Select(i => Path.GetFileName(SourceOf(i))));
        Assert.Equal(["r1", "r2"], items.Skip(1).Select(i => i.Document!.Id));
    }

    [Fact]
    public async Task The_same_tree_yields_the_same_sequence_every_time()
    {
        for (var i = 0; i < 30; i++)
        {
            Write($"d{i % 4}/f{(i * 17) % 30:D2}.txt", $"file {i}");
        }

        var first = (await ReadAsync(null, _root)).Select(SourceOf).ToList();
        var second = (await ReadAsync(null, _root)).Select(SourceOf).ToList();

        Assert.Equal(30, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first.Order(StringComparer.Ordinal), first);
    }

    [Fact]
    public async Task A_symbolic_link_loop_is_walked_once()
    {
        Write("real/one.txt", "x");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_root, "real", "loop"), Path.Combine(_root, "real"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return;
        }

        var items = await ReadAsync(null, _root);

        Assert.Equal(["one.txt"], items.Select(i => Path.GetFileName(SourceOf(i))));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
