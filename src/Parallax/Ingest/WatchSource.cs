using System.Runtime.CompilerServices;
using Parallax.Model;
using Parallax.Store;

namespace Parallax.Ingest;

/// <summary>
/// The watch loop as a document source: polls feeds and sitemaps on an adaptive schedule and yields each new item
/// (its own full content, or its page fetched) for the engine to ingest. An item is marked seen only after the
/// consumer has taken it and asked for the next, i.e. after the engine committed it; a crash in between costs one
/// re-fetch that the store recognises, never a lost or doubled article. Runs until cancelled unless
/// <see cref="WatchOptions.SinglePass"/>.
/// </summary>
public sealed class WatchSource : IDocumentSource
{
    private readonly IReadOnlyList<Uri> _sources;
    private readonly HttpFetcher _fetcher;
    private readonly IWatchStateStore _state;
    private readonly WatchOptions _options;
    private readonly IProgress<WatchEvent>? _progress;

    public WatchSource(IReadOnlyList<Uri> sources, HttpFetcher fetcher, IWatchStateStore state, WatchOptions? options = null, IProgress<WatchEvent>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(state);
        _sources = sources;
        _fetcher = fetcher;
        _state = state;
        _options = options ?? new WatchOptions();
        _progress = progress;
    }

    private TimeProvider Time => _options.TimeProvider;

    /// <summary>Items are marked seen when the next one is asked for, so nothing may be read ahead of its commit.</summary>
    public bool AllowsReadAhead => false;

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DateTimeOffset? nextDue = null;
            foreach (var source in _sources)
            {
                var state = await _state.GetFeedStateAsync(source.AbsoluteUri, cancellationToken).ConfigureAwait(false)
                    ?? new WatchFeedState { Feed = source.AbsoluteUri, Interval = _options.InitialInterval };
                if (state.NextPoll is { } due && due > Time.GetUtcNow())
                {
                    nextDue = Earliest(nextDue, due);
                    continue;
                }

                var poll = new Poll();
                await foreach (var item in PollAsync(source, state, poll, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                nextDue = Earliest(nextDue, poll.NextPoll);
            }

            if (_options.SinglePass)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var wait = (nextDue ?? Time.GetUtcNow() + _options.MinInterval) - Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                _progress?.Report(new WatchEvent(WatchEventKind.Waiting, "", NextPoll: nextDue));
                await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async IAsyncEnumerable<SourceItem> PollAsync(Uri source, WatchFeedState state, Poll poll, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = source.AbsoluteUri;
        var validators = new HttpValidators(state.ETag, state.LastModified);
        var fetched = await _fetcher.FetchAsync(source, validators, cancellationToken).ConfigureAwait(false);
        if (fetched.Status == HttpFetchStatus.NotModified)
        {
            poll.NextPoll = await SaveAsync(state, fetched.Validators, newItems: 0, failed: false, cancellationToken).ConfigureAwait(false);
            _progress?.Report(new WatchEvent(WatchEventKind.NotModified, feed, NextPoll: poll.NextPoll));
            yield break;
        }

        var expansion = fetched.IsOk
            ? await UrlExpansion.ExpandAsync(_fetcher, fetched, _options.MaxChildSitemaps, discoverFeeds: true, cancellationToken).ConfigureAwait(false)
            : new Expansion(ExpansionKind.Failed, [], null, fetched.Describe());
        if (expansion.Kind is ExpansionKind.Failed or ExpansionKind.Page)
        {
            poll.NextPoll = await SaveAsync(state, validators, newItems: 0, failed: true, cancellationToken).ConfigureAwait(false);
            _progress?.Report(new WatchEvent(
                WatchEventKind.Failed, feed, NextPoll: poll.NextPoll,
                Detail: expansion.Kind == ExpansionKind.Page ? "a page that advertises no feed" : expansion.Detail));
            yield break;
        }

        var newItems = 0;
        var deferred = false;
        foreach (var item in OldestFirst(expansion.Items))
        {
            if (item.Key is not { } key || await _state.IsSeenAsync(key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (newItems == _options.MaxItemsPerPoll)
            {
                // The rest are taken next poll: the validators must not be kept, or a 304 would hide them.
                deferred = true;
                break;
            }

            newItems++;
            SourceItem next;
            if (item.HasFullContent)
            {
                next = new SourceItem(item.ToDocument(item.Link ?? $"{feed}#{key}", expansion.Outlet), null);
            }
            else if (item.Link is { } link)
            {
                var page = await _fetcher.FetchAsync(new Uri(link), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (IsTransient(page))
                {
                    deferred = true;
                    _progress?.Report(new WatchEvent(WatchEventKind.ItemDeferred, feed, Detail: $"{link}: {page.Describe()}"));
                    continue;
                }

                next = page.ToSourceItem(link, item);
            }
            else
            {
                next = new SourceItem(null, new Rejection { Source = $"{feed}#{key}", Reason = RejectReasons.NoContent, Detail = "item has no link and no full content" });
            }

            yield return next;
            await _state.MarkSeenAsync(key, feed, Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        poll.NextPoll = await SaveAsync(state, deferred ? HttpValidators.None : fetched.Validators, newItems, failed: false, cancellationToken).ConfigureAwait(false);
        _progress?.Report(new WatchEvent(WatchEventKind.Polled, feed, newItems, poll.NextPoll));
    }

    /// <summary>Adapts the interval (shorter after news, longer after silence or failure), saves, returns the next poll time.</summary>
    private async Task<DateTimeOffset> SaveAsync(WatchFeedState state, HttpValidators validators, int newItems, bool failed, CancellationToken cancellationToken)
    {
        var factor = failed ? _options.SlowerFactor * _options.SlowerFactor : newItems > 0 ? _options.FasterFactor : _options.SlowerFactor;
        var interval = TimeSpan.FromTicks(Math.Clamp((long)(state.Interval.Ticks * factor), _options.MinInterval.Ticks, _options.MaxInterval.Ticks));
        var now = Time.GetUtcNow();
        var next = now + interval;
        await _state.SaveFeedStateAsync(
            state with
            {
                ETag = validators.ETag,
                LastModified = validators.LastModified,
                Interval = interval,
                NextPoll = next,
                LastPolled = now,
                LastNewItems = newItems,
            },
            cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Feeds list newest first; ingesting oldest first keeps arrival order close to publication order.</summary>
    private static List<FeedItem> OldestFirst(IReadOnlyList<FeedItem> items)
    {
        var ordered = items.Select((item, index) => (item, index)).ToList();
        ordered.Sort((a, b) => (a.item.Published, b.item.Published) switch
        {
            ({ } x, { } y) when x != y => x.CompareTo(y),
            _ => b.index.CompareTo(a.index),
        });
        return ordered.ConvertAll(o => o.item);
    }

    /// <summary>Failures that may pass: try the item again next poll rather than recording it as rejected.</summary>
    private static bool IsTransient(HttpFetchResult result) =>
        result.Status is HttpFetchStatus.TimedOut or HttpFetchStatus.NetworkError
        || (result.Status == HttpFetchStatus.HttpError && result.StatusCode is 429 or >= 500);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private sealed class Poll
    {
        public DateTimeOffset? NextPoll { get; set; }
    }
}
