using Parallax.Model;

namespace Parallax.Ingest;

public enum HttpFetchStatus
{
    /// <summary>A 2xx response with its body.</summary>
    Ok,

    /// <summary>304: the validators sent still match; nothing new.</summary>
    NotModified,

    /// <summary>A final non-2xx response (after retries).</summary>
    HttpError,

    /// <summary>Refused before connecting: a scheme other than http(s), or a private address (SSRF guard).</summary>
    Refused,

    /// <summary>robots.txt disallows the address for our user agent.</summary>
    DisallowedByRobots,

    /// <summary>The body is larger than the cap; reading stopped there.</summary>
    TooLarge,

    TimedOut,

    TooManyRedirects,

    /// <summary>DNS, connection or protocol failure.</summary>
    NetworkError,

    /// <summary>The body could not be decoded (broken gzip, deflate or brotli).</summary>
    BrokenBody,
}

/// <summary>The outcome of one fetch. Failures are data: <see cref="Status"/> and <see cref="Detail"/> say what happened.</summary>
public sealed record HttpFetchResult
{
    public required Uri RequestedUri { get; init; }

    /// <summary>The address the body came from, after redirects.</summary>
    public required Uri FinalUri { get; init; }

    public required HttpFetchStatus Status { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>Media type without parameters (<c>text/html</c>).</summary>
    public string? MediaType { get; init; }

    public string? Charset { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Validators to send next time (conditional GET).</summary>
    public HttpValidators Validators { get; init; } = HttpValidators.None;

    public string? Detail { get; init; }

    /// <summary>Requests sent, retries and redirect hops included.</summary>
    public int Requests { get; init; }

    public bool IsOk => Status == HttpFetchStatus.Ok;

    /// <summary>The fetch as an ingest item: the page as a raw document, or a rejection with a reason.</summary>
    /// <param name="source">The document's source; defaults to the requested address, so a re-fetch is recognised.</param>
    public SourceItem ToSourceItem(string? source = null, FeedItem? hints = null)
    {
        source ??= RequestedUri.AbsoluteUri;
        if (Status == HttpFetchStatus.Ok)
        {
            return new SourceItem(new RawDocument
            {
                Source = source,
                Url = FinalUri.AbsoluteUri,
                ContentType = MediaType,
                DeclaredCharset = Charset,
                Content = Body,
                Title = hints?.Title,
                Published = FeedDates.Format(hints?.Published),
                Authors = hints?.Authors ?? [],
            }, null);
        }

        var reason = Status switch
        {
            HttpFetchStatus.TooLarge => RejectReasons.TooLarge,
            HttpFetchStatus.TimedOut => RejectReasons.TimedOut,
            HttpFetchStatus.BrokenBody => RejectReasons.Unparseable,
            _ => RejectReasons.Unreadable,
        };
        return new SourceItem(null, new Rejection { Source = source, Reason = reason, Detail = Describe() });
    }

    /// <summary>One line for a person: status and detail.</summary>
    public string Describe() => Status switch
    {
        HttpFetchStatus.Ok => $"HTTP {StatusCode}, {Body.Length} bytes",
        HttpFetchStatus.HttpError => $"HTTP {StatusCode}{(Detail is null ? "" : $": {Detail}")}",
        _ => Detail is null ? Status.ToString() : $"{Status}: {Detail}",
    };
}

/// <summary>Conditional GET validators remembered from a previous response.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified)
{
    public static HttpValidators None { get; } = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;
}
