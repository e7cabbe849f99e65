using System.Runtime.CompilerServices;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// Reads a <c>.warc</c> or <c>.warc.gz</c> file as documents: one per HTML or plain-text page in a <c>response</c>
/// (status 200), <c>resource</c> or payload-carrying <c>revisit</c> record, with <c>Source = file#offset</c>, the
/// target URI as URL and the HTTP Content-Type's media type and charset. Records that hold no page are counted in
/// <see cref="Skipped"/>; damaged, truncated or oversized records become rejections and reading goes on.
/// </summary>
public sealed class WarcSource : IDocumentSource
{
    private readonly string _path;
    private readonly FileSourceOptions _options;

    public WarcSource(string path, FileSourceOptions options, WarcSkipCounts? skipped = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        _path = path;
        _options = options;
        Skipped = skipped ?? new WarcSkipCounts();
    }

    /// <summary>Records passed over because they hold no page; shared with the caller when one was given.</summary>
    public WarcSkipCounts Skipped { get; }

    private long MaxBytes => Math.Min(_options.MaxBytes, Array.MaxLength);

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (SourceFile.TryOpenSequential(_path, FileOptions.None, out var openError) is not { } stream)
        {
            yield return Reject(_path, RejectReasons.Unreadable, openError);
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var records = new WarcReader(stream, MaxBytes, GzipByName(_path)).ReadAll(cancellationToken).GetEnumerator();
            while (true)
            {
                string? readError = null;
                var more = false;
                try
                {
                    more = records.MoveNext();
                }
                catch (IOException ex)
                {
                    readError = ex.Message;
                }

                if (readError is not null)
                {
                    yield return Reject(_path, RejectReasons.Unreadable, readError);
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                if (ToItem(records.Current) is { } item)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary><c>.warc.gz</c> is gzip, <c>.warc</c> is not; any other name is sniffed.</summary>
    private static bool? GzipByName(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? true
        : path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>A record to a document, a rejection, or null when it is counted as skipped.</summary>
    internal SourceItem? ToItem(WarcRecord record)
    {
        var source = $"{_path}#{record.Offset}";
        if (record.Error is { } error || record.Header is not { } header)
        {
            return Reject(source, RejectReasons.Unparseable, record.Error ?? "unreadable record");
        }

        var type = header.Type.ToLowerInvariant();
        if (type is not (WarcTypes.Response or WarcTypes.Resource or WarcTypes.Revisit) || WarcRules.IsDnsRecord(header.TargetUri))
        {
            Skipped.OtherRecordTypes++;
            return null;
        }

        if (record.Block is not { } block)
        {
            return Reject(source, RejectReasons.TooLarge, $"{type} record of {record.BlockLength} bytes exceeds the {MaxBytes}-byte limit");
        }

        return type == WarcTypes.Resource || !WarcRules.IsHttpBlock(header.ContentType)
            ? FromResource(source, header, block, type == WarcTypes.Revisit)
            : FromHttp(source, header, block, type == WarcTypes.Revisit);
    }

    private SourceItem? FromResource(string source, WarcHeader header, byte[] block, bool revisit)
    {
        if (revisit)
        {
            Skipped.RevisitWithoutPayload++;
            return null;
        }

        var mediaType = WarcRules.MediaType(header.ContentType);
        if (mediaType is null ? !WarcRules.StartsLikeMarkup(block) : !WarcRules.ArticleMediaTypes.Contains(mediaType))
        {
            Skipped.NotHtml++;
            return null;
        }

        return Document(source, header, mediaType ?? FileSourceRules.HtmlType, WarcRules.Charset(header.ContentType), block);
    }

    private SourceItem? FromHttp(string source, WarcHeader header, byte[] block, bool revisit)
    {
        var response = WarcHttpResponse.Parse(block, out var error);
        if (response is null)
        {
            if (revisit)
            {
                Skipped.RevisitWithoutPayload++;
                return null;
            }

            return Reject(source, RejectReasons.Unparseable, error);
        }

        if (revisit && (response.Status != WarcRules.OkStatus || response.RawBody.IsEmpty))
        {
            Skipped.RevisitWithoutPayload++;
            return null;
        }

        if (response.Status != WarcRules.OkStatus)
        {
            Skipped.NotOk++;
            return null;
        }

        var mediaType = response.MediaType;
        if (mediaType is not null && !WarcRules.HttpArticleMediaTypes.Contains(mediaType))
        {
            Skipped.NotHtml++;
            return null;
        }

        var body = response.DecodeBody(MaxBytes, out var reason, out var detail);
        if (reason is not null)
        {
            return Reject(source, reason, detail ?? reason);
        }

        if (mediaType is null && !WarcRules.StartsLikeMarkup(body.Span))
        {
            Skipped.NotHtml++;
            return null;
        }

        return Document(source, header, mediaType ?? FileSourceRules.HtmlType, response.Charset, body);
    }

    private static SourceItem Document(string source, WarcHeader header, string contentType, string? charset, ReadOnlyMemory<byte> content) =>
        new(new RawDocument
        {
            Source = source,
            // No id of our own: the extractor derives one from the URL, stable across re-crawls of the same page.
            Url = header.TargetUri,
            ContentType = contentType,
            DeclaredCharset = charset,
            Content = content,
        }, null);

    private static SourceItem Reject(string source, string reason, string detail) =>
        new(null, new Rejection { Source = source, Reason = reason, Detail = detail });
}
