using System.Collections.Frozen;

namespace Parallax.Ingest;

/// <summary>Which WARC records become documents: the record types, statuses and media types read as articles.</summary>
internal static class WarcRules
{
    /// <summary>
    /// Media types an archived article comes as in a <c>resource</c> record (a file put in the archive as it was):
    /// pages, and plain-text articles. Images, scripts, PDFs and feeds are not articles.
    /// </summary>
    internal static readonly FrozenSet<string> ArticleMediaTypes = FrozenSet.Create(
        StringComparer.Ordinal,
        "text/html", "application/xhtml+xml", "text/plain");

    /// <summary>
    /// Media types an article comes as in an HTTP <c>response</c>: news sites serve pages. The text/plain answers a
    /// crawl records are robots.txt, ads.txt, security.txt and the like, never articles.
    /// </summary>
    internal static readonly FrozenSet<string> HttpArticleMediaTypes = FrozenSet.Create(
        StringComparer.Ordinal,
        "text/html", "application/xhtml+xml");

    /// <summary>The only status whose body is the page: redirects, errors and 304s carry none or the wrong one.</summary>
    internal const int OkStatus = 200;

    /// <summary>The block of a response record is an HTTP message when its type says so.</summary>
    internal static bool IsHttpBlock(string? warcContentType) =>
        warcContentType is not null && warcContentType.Contains("application/http", StringComparison.OrdinalIgnoreCase);

    /// <summary>DNS lookups are archived as <c>response</c> records of type <c>text/dns</c> with a <c>dns:</c> URI.</summary>
    internal static bool IsDnsRecord(string? targetUri) =>
        targetUri is not null && targetUri.StartsWith("dns:", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>text/html; charset=utf-8</c> → <c>text/html</c>.</summary>
    internal static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        return type.Length == 0 ? null : type;
    }

    /// <summary>The <c>charset</c> parameter of a Content-Type, unquoted; null when absent.</summary>
    internal static string? Charset(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).AsSpan(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = part[(equals + 1)..].Trim().Trim('"', '\'').Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    /// <summary>A page with no Content-Type is read when it starts like markup, as browsers sniff it.</summary>
    internal static bool StartsLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        bytes = bytes.TrimStart(" \t\r\n"u8);
        return !bytes.IsEmpty && bytes[0] == (byte)'<';
    }
}

/// <summary>Records read but not turned into documents, by cause: counted, not rejected, since they are not articles.</summary>
public sealed class WarcSkipCounts
{
    /// <summary>warcinfo, request, metadata, DNS and other records that never hold a page.</summary>
    public long OtherRecordTypes { get; internal set; }

    /// <summary>Responses whose status is not 200.</summary>
    public long NotOk { get; internal set; }

    /// <summary>Responses and resources that are not HTML or plain text (images, scripts, PDFs, feeds).</summary>
    public long NotHtml { get; internal set; }

    /// <summary>Revisit records without a payload: the page is the one archived earlier under the same digest.</summary>
    public long RevisitWithoutPayload { get; internal set; }

    public long Total => OtherRecordTypes + NotOk + NotHtml + RevisitWithoutPayload;

    public override string ToString() =>
        $"{Total} skipped ({NotHtml} not HTML, {NotOk} not 200, {RevisitWithoutPayload} revisits without payload, {OtherRecordTypes} other record types)";
}
