using Parallax.Model;

namespace Parallax.Pipeline;

public enum IngestStatus
{
    /// <summary>A new article was stored.</summary>
    Stored,

    /// <summary>The same article (same id and content) is already stored: nothing changed.</summary>
    AlreadyStored,

    /// <summary>The input was rejected; <see cref="IngestOutcome.Rejection"/> says why.</summary>
    Rejected,
}

/// <summary>What happened to one input.</summary>
public sealed record IngestOutcome(IngestStatus Status, string Source, Article? Article = null, Rejection? Rejection = null, int Quotes = 0);

/// <summary>Totals of one ingest run.</summary>
public sealed record IngestSummary(int Stored, int AlreadyStored, int Rejected, int Quotes);
