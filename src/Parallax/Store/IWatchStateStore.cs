namespace Parallax.Store;

/// <summary>What <c>parallax watch</c> remembers about one feed or sitemap between polls and across restarts.</summary>
public sealed record WatchFeedState
{
    public required string Feed { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>The current polling interval, adapted to how often the feed brings new items.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>When the feed is next due; null means now.</summary>
    public DateTimeOffset? NextPoll { get; init; }

    public DateTimeOffset? LastPolled { get; init; }

    public int LastNewItems { get; init; }
}

/// <summary>Persistent state of the watch loop, kept beside the articles so one file holds a whole watch.</summary>
public interface IWatchStateStore
{
    Task<WatchFeedState?> GetFeedStateAsync(string feed, CancellationToken cancellationToken = default);

    Task SaveFeedStateAsync(WatchFeedState state, CancellationToken cancellationToken = default);

    /// <summary>Whether an item (by its address, else its id) was already handled.</summary>
    Task<bool> IsSeenAsync(string item, CancellationToken cancellationToken = default);

    /// <summary>Records an item as handled; marking it again changes nothing.</summary>
    Task MarkSeenAsync(string item, string feed, DateTimeOffset at, CancellationToken cancellationToken = default);
}
