using BenchmarkDotNet.Attributes;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Pipeline;
using Parallax.Store;

namespace Parallax.Bench;

/// <summary>
/// The whole pipeline over samples/: extraction, quotes, dedup, stories, alignment and SQLite writes.
/// Inputs are read into memory first so file I/O is not measured; each invocation starts from an empty store.
/// Articles per second = articles stored / mean time.
/// </summary>
[MemoryDiagnoser]
public class PipelineBench
{
    private List<RawDocument> _documents = [];
    private string _db = "";

    [GlobalSetup]
    public async Task LoadAsync()
    {
        await foreach (var item in new FileSource([BenchPaths.Samples], new FileSourceOptions()).ReadAsync())
        {
            if (item.Document is { } document)
            {
                _documents.Add(document);
            }
        }

        Console.WriteLine($"// {_documents.Count} documents from samples/");
    }

    [IterationSetup]
    public void NewDatabase() => _db = Path.Combine(Path.GetTempPath(), $"parallax-bench-{Guid.NewGuid():N}.db");

    [IterationCleanup]
    public void DeleteDatabase()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_db + suffix);
        }
    }

    [Benchmark(Description = "ingest samples/ into SQLite")]
    public async Task<int> IngestSamples()
    {
        await using var store = await SqliteArticleStore.OpenAsync(_db);
        var engine = await Engine.OpenAsync(store);
        var stored = 0;
        foreach (var document in _documents)
        {
            if ((await engine.IngestAsync(document)).Status == IngestStatus.Stored)
            {
                stored++;
            }
        }

        return stored;
    }
}
