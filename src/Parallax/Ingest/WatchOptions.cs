namespace Parallax.Ingest;

/// <summary>How <c>parallax watch</c> schedules its polls.</summary>
public sealed record WatchOptions
{
    /// <summary>First interval of a feed never polled before: a quarter hour, typical of news aggregators.</summary>
    public TimeSpan InitialInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest interval: a busy wire feed is still polled at most every 5 minutes.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest interval: a quiet feed is still looked at four times a day.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Interval multiplier after a poll that brought new items (halving: follows a burst within two polls).</summary>
    public double FasterFactor { get; init; } = 0.5;

    /// <summary>Interval multiplier after a poll with nothing new: slower than the speed-up, so bursts are not missed.</summary>
    public double SlowerFactor { get; init; } = 1.5;

    /// <summary>New items handled per poll of one source; the rest wait for the next poll (a first poll of a big sitemap).</summary>
    public int MaxItemsPerPoll { get; init; } = 500;

    /// <summary>Child sitemaps read from a sitemap index per poll, newest first.</summary>
    public int MaxChildSitemaps { get; init; } = 20;

    /// <summary>Poll the sources that are due once, then stop, instead of running until cancelled.</summary>
    public bool SinglePass { get; init; }

    /// <summary>Clock for the schedule; a fake one makes tests instant.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

public enum WatchEventKind
{
    /// <summary>A source was polled; <see cref="WatchEvent.NewItems"/> new items found.</summary>
    Polled,

    /// <summary>The server answered 304: nothing changed.</summary>
    NotModified,

    /// <summary>The source could not be fetched or read.</summary>
    Failed,

    /// <summary>An item could not be fetched for a reason that may pass; it will be tried again.</summary>
    ItemDeferred,

    /// <summary>Nothing is due; the loop sleeps until <see cref="WatchEvent.NextPoll"/>.</summary>
    Waiting,
}

/// <summary>Progress of the watch loop, for display.</summary>
public sealed record WatchEvent(WatchEventKind Kind, string Source, int NewItems = 0, DateTimeOffset? NextPoll = null, string? Detail = null);
