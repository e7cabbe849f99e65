namespace Parallax.Store;

/// <summary>
/// A search query SQLite's FTS5 could not parse. It is the user's input that is wrong, not the store, so the CLI
/// reports it as bad usage; <see cref="Exception.Message"/> carries SQLite's own explanation.
/// </summary>
public sealed class InvalidSearchQueryException : ArgumentException
{
    public InvalidSearchQueryException()
    {
    }

    public InvalidSearchQueryException(string message)
        : base(message)
    {
    }

    public InvalidSearchQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidSearchQueryException(string message, string? query, Exception? innerException)
        : base(message, nameof(query), innerException)
    {
        Query = query;
    }

    /// <summary>The query as the user wrote it.</summary>
    public string? Query { get; }
}
