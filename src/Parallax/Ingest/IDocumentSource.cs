using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>An item a source yields: a document to extract, or an input that was rejected before extraction.</summary>
public readonly record struct SourceItem(RawDocument? Document, Rejection? Rejection);

/// <summary>Produces raw documents from somewhere (files, JSONL, feeds, WARC). Only sources do input I/O.</summary>
public interface IDocumentSource
{
    IAsyncEnumerable<SourceItem> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether items may be read before the ones already read are ingested. A source that records its progress when
    /// the next item is asked for (watch marks an item seen then, trusting it was committed) must say no.
    /// </summary>
    bool AllowsReadAhead => true;
}
