namespace Parallax.Ingest;

/// <summary>
/// Politeness towards one host: at most N requests in flight, and request starts spaced by at least
/// <see cref="Delay"/> (the larger of our minimum and the host's robots.txt Crawl-delay).
/// </summary>
internal sealed class HttpHostGate(int concurrency, TimeSpan delay) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public TimeSpan Delay { get; set; } = delay;

    /// <summary>Waits for a slot and for this host's turn; dispose the result when the response is read.</summary>
    public async Task<Slot> EnterAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var start = _nextStart > now ? _nextStart : now;
                _nextStart = start + Delay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose() => _slots.Dispose();

    internal readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
