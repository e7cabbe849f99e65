using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Parallax.Web.Api;

/// <summary>
/// A JSON response with a strong ETag: the hash of the exact bytes sent, so it is right whoever wrote to the store
/// (this server, a CLI ingest beside it). A GET whose <c>If-None-Match</c> names it gets 304 and no body.
/// </summary>
internal sealed class JsonPayload : IResult
{
    internal const string ContentType = "application/json; charset=utf-8";

    /// <summary>Clients may keep a response but must ask again before using it: the ETag makes asking cheap.</summary>
    internal const string CacheControl = "no-cache";

    /// <summary>Bytes of the hash in an ETag: 128 bits never collide by chance between two versions of a resource.</summary>
    private const int ETagHashBytes = 16;

    private readonly byte[] _body;
    private readonly int _status;
    private readonly string? _link;

    private JsonPayload(byte[] body, int status, string? link)
    {
        _body = body;
        _status = status;
        _link = link;
    }

    public static JsonPayload Create<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK, string? next = null) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, type), status, next is null ? null : $"<{next}>; rel=\"next\"");

    public static JsonPayload FromBytes(byte[] json) => new(json, StatusCodes.Status200OK, null);

    internal static string ETagOf(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "\"" + System.Buffers.Text.Base64Url.EncodeToString(hash[..ETagHashBytes]) + "\"";
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var request = httpContext.Request;
        if (_status == StatusCodes.Status200OK && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            var etag = ETagOf(_body);
            response.Headers.ETag = etag;
            response.Headers.CacheControl = CacheControl;
            if (_link is not null)
            {
                response.Headers.Link = _link;
            }

            if (Matches(request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        else
        {
            response.Headers.CacheControl = "no-store";
        }

        response.StatusCode = _status;
        response.ContentType = ContentType;
        response.ContentLength = _body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(_body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 13.1.2): a <c>W/</c> prefix still matches.</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || string.Equals(tag.Tag.Value, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
