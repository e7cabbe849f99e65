namespace Parallax.Ingest;
public sealed record FileSourceOptions { public long MaxBytes { get; init; } = 10 * 1024 * 1024; }
public sealed class FileSource(IEnumerable<string> paths, FileSourceOptions options) : IDocumentSource
{
    public IAsyncEnumerable<SourceItem> ReadAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException(paths.ToString() + options);
}
