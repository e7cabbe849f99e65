namespace Parallax.Model;

/// <summary>An input that did not become an article, and why. Bad input is data, not an exception.</summary>
public sealed record Rejection
{
    public required string Source { get; init; }

    /// <summary>One of <see cref="RejectReasons"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>A human-readable explanation (sizes, line numbers, parser message).</summary>
    public string? Detail { get; init; }
}

public static class RejectReasons
{
    public const string Empty = "Empty";
    public const string TooLarge = "TooLarge";
    public const string Binary = "Binary";
    public const string InvalidEncoding = "InvalidEncoding";
    public const string Unparseable = "Unparseable";
    public const string UnsupportedFormat = "UnsupportedFormat";
    public const string NotAnArticle = "NotAnArticle";
    public const string NoContent = "NoContent";
    public const string Duplicate = "Duplicate";
    public const string Unreadable = "Unreadable";
    public const string TimedOut = "TimedOut";
}
