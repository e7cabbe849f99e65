using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// Reads files and folders: <c>.txt</c>, <c>.html</c>/<c>.htm</c> (optionally gzipped), <c>.jsonl</c> and
/// <c>.warc</c>/<c>.warc.gz</c> (see <see cref="WarcSource"/>). Folders are
/// walked recursively in ordinal name order, so the same tree always yields the same sequence; hidden entries and
/// SQLite files are skipped. Every other input becomes a rejection with a reason, never an exception. The size cap
/// applies to each file, except JSONL and WARC files, which are streamed and capped per line or record.
/// </summary>
public sealed class FileSource : IDocumentSource
{
    /// <summary>Copy buffer for decompression: the framework's default stream copy size.</summary>
    private const int CopyBufferBytes = 81_920;

    private readonly IReadOnlyList<string> _paths;
    private readonly FileSourceOptions _options;
    private readonly HashSet<string> _excluded;

    public FileSource(IEnumerable<string> paths, FileSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        _paths = [.. paths];
        _options = options;
        _excluded = new HashSet<string>(options.ExcludedPaths.Select(Path.GetFullPath), StringComparer.Ordinal);
    }

    /// <summary>WARC records read but not turned into documents (not HTML, not 200, revisits, other record types), over all files.</summary>
    public WarcSkipCounts WarcSkipped { get; } = new();

    /// <summary>The cap in force: the option, but never beyond what one array can hold.</summary>
    private long MaxBytes => Math.Min(_options.MaxBytes, Array.MaxLength);

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in _paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(path))
            {
                await foreach (var item in ReadFolderAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else if (File.Exists(path))
            {
                await foreach (var item in ReadFileAsync(path, new FileInfo(path), cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else
            {
                yield return Reject(path, RejectReasons.Unreadable, "no such file or folder");
            }
        }
    }

    /// <summary>Depth-first, entries of each folder in ordinal name order, with an explicit stack rather than recursion.</summary>
    private async IAsyncEnumerable<SourceItem> ReadFolderAsync(string root, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Real paths of folders entered: a symbolic link back up the tree is walked once, not forever.
        var entered = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<Folder>();
        if (List(root, new DirectoryInfo(root), entered, out var rootError) is { } rootFolder)
        {
            stack.Push(rootFolder);
        }
        else
        {
            yield return Reject(root, RejectReasons.Unreadable, rootError);
        }

        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = stack.Peek();
            if (folder.Next == folder.Entries.Length)
            {
                stack.Pop();
                continue;
            }

            var entry = folder.Entries[folder.Next++];
            var source = Path.Join(folder.Source, entry.Name);
            if (FileSourceRules.IsHidden(entry) || _excluded.Contains(entry.FullName))
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                var real = RealPath(directory);
                if (real is null || entered.Contains(real))
                {
                    continue;
                }

                if (List(source, directory, entered, out var error) is { } child)
                {
                    stack.Push(child);
                }
                else
                {
                    yield return Reject(source, RejectReasons.Unreadable, error);
                }
            }
            else if (entry is FileInfo file && !FileSourceRules.IsStoreFile(file.Name))
            {
                await foreach (var item in ReadFileAsync(source, file, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    private static Folder? List(string source, DirectoryInfo directory, HashSet<string> entered, out string error)
    {
        error = "";
        try
        {
            var entries = directory.GetFileSystemInfos();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            if (RealPath(directory) is { } real)
            {
                entered.Add(real);
            }

            return new Folder(source, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = ex.Message;
            return null;
        }
    }

    private static string? RealPath(DirectoryInfo directory)
    {
        try
        {
            return directory.LinkTarget is null ? directory.FullName : directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async IAsyncEnumerable<SourceItem> ReadFileAsync(string source, FileInfo file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var format = FileSourceRules.Classify(file.Name);
        if (format == FileFormat.Jsonl)
        {
            await foreach (var item in new JsonlSource(source, _options).ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        if (format == FileFormat.Warc)
        {
            await foreach (var item in new WarcSource(source, _options, WarcSkipped).ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        if (format == FileFormat.Feed || (format == FileFormat.MaybeFeed && FeedFileSource.IsFeedFile(file.FullName, MaxBytes)))
        {
            await foreach (var item in new FeedFileSource(source, _options).ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        if (format == FileFormat.UrlList)
        {
            yield return Reject(source, RejectReasons.NoContent, "a URL list needs fetching: use 'parallax fetch FILE.urls' or 'parallax watch FILE.urls'");
            yield break;
        }

        yield return format is FileFormat.Unsupported or FileFormat.MaybeFeed
            ? Reject(source, RejectReasons.UnsupportedFormat, FileSourceRules.UnsupportedDetail(file.Name))
            : await LoadAsync(source, file, format, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SourceItem> LoadAsync(string source, FileInfo file, FileFormat format, CancellationToken cancellationToken)
    {
        try
        {
            // The size on disk decides before a byte is read: a 50 GB file costs one stat call.
            var length = file.Length;
            if (length > MaxBytes)
            {
                return Reject(source, RejectReasons.TooLarge, $"file of {length} bytes exceeds the {MaxBytes}-byte limit");
            }

            var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                if (format == FileFormat.GzipHtml)
                {
                    return await GunzipAsync(source, file.Name, stream, cancellationToken).ConfigureAwait(false);
                }

                // Read at most the size seen: a file growing under us is cut, never read past the cap.
                var content = new byte[length];
                var read = await stream.ReadAtLeastAsync(content, content.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var type = format == FileFormat.Html ? FileSourceRules.HtmlType : FileSourceRules.PlainTextType;
                return Document(source, file.Name, type, content.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Reject(source, RejectReasons.Unreadable, ex.Message);
        }
    }

    /// <summary>Decompresses with the size cap enforced while inflating: a gzip bomb stops at <c>MaxBytes</c>.</summary>
    private async Task<SourceItem> GunzipAsync(string source, string fileName, Stream compressed, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            using var output = new MemoryStream();
            var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            await using (gzip.ConfigureAwait(false))
            {
                int read;
                while ((read = await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (output.Length + read > MaxBytes)
                    {
                        return Reject(source, RejectReasons.TooLarge, $"decompresses to more than the {MaxBytes}-byte limit");
                    }

                    output.Write(buffer, 0, read);
                }
            }

            return Document(source, fileName, FileSourceRules.HtmlType, output.GetBuffer().AsMemory(0, (int)output.Length));
        }
        catch (InvalidDataException ex)
        {
            return Reject(source, RejectReasons.Unparseable, $"not valid gzip: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SourceItem Document(string source, string id, string contentType, ReadOnlyMemory<byte> content) =>
        new(new RawDocument { Source = source, Id = id, ContentType = contentType, Content = content }, null);

    private static SourceItem Reject(string source, string reason, string detail) =>
        new(null, new Rejection { Source = source, Reason = reason, Detail = detail });

    private sealed class Folder(string source, FileSystemInfo[] entries)
    {
        public string Source { get; } = source;
        public FileSystemInfo[] Entries { get; } = entries;
        public int Next { get; set; }
    }
}
