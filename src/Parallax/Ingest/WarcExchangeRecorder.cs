namespace Parallax.Ingest;

/// <summary>
/// Archives every exchange the fetcher completes (<c>parallax fetch --warc</c>): a response record, then its request
/// record. The fetcher hands over the body already decompressed, so <c>Content-Encoding</c> is dropped and
/// <c>Content-Length</c> rewritten: the archived response then says what the archived bytes are, and a reader (ours
/// included) does not try to gunzip plain HTML. Writes are serialised: the fetcher may complete exchanges concurrently.
/// </summary>
public sealed class WarcExchangeRecorder(WarcWriter writer) : IHttpExchangeRecorder, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask RecordAsync(HttpExchange exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var headers = exchange.ResponseHeaders
            .Where(h => !h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Append(new KeyValuePair<string, string>("Content-Length", exchange.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var id = await writer.WriteResponseAsync(exchange.RequestUri, exchange.StatusCode, headers, exchange.Body, exchange.FetchedAt, cancellationToken).ConfigureAwait(false);
            await writer.WriteRequestAsync(exchange.RequestUri, exchange.Method, exchange.RequestHeaders, exchange.FetchedAt, id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
