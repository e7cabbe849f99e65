using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parallax.Store;

/// <summary>The watch loop's state, in the same database as the articles (tables of migration 5).</summary>
public sealed partial class SqliteArticleStore : IWatchStateStore
{
    public Task<WatchFeedState?> GetFeedStateAsync(string feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, last_modified, interval_seconds, next_poll, last_polled, last_new_items FROM watch_feeds WHERE feed = $feed";
            command.Parameters.AddWithValue("$feed", feed);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new WatchFeedState
            {
                Feed = feed,
                ETag = reader.IsDBNull(0) ? null : reader.GetString(0),
                LastModified = reader.IsDBNull(1) ? null : reader.GetString(1),
                Interval = TimeSpan.FromSeconds(reader.GetDouble(2)),
                NextPoll = ReadTime(reader, 3),
                LastPolled = ReadTime(reader, 4),
                LastNewItems = reader.GetInt32(5),
            };
        }, cancellationToken);
    }

    public Task SaveFeedStateAsync(WatchFeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO watch_feeds (feed, etag, last_modified, interval_seconds, next_poll, last_polled, last_new_items)
                VALUES ($feed, $etag, $last_modified, $interval, $next_poll, $last_polled, $new_items)
                ON CONFLICT (feed) DO UPDATE SET
                    etag = excluded.etag, last_modified = excluded.last_modified, interval_seconds = excluded.interval_seconds,
                    next_poll = excluded.next_poll, last_polled = excluded.last_polled, last_new_items = excluded.last_new_items
                """;
            command.Parameters.AddWithValue("$feed", state.Feed);
            command.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
            command.Parameters.AddWithValue("$last_modified", (object?)state.LastModified ?? DBNull.Value);
            command.Parameters.AddWithValue("$interval", state.Interval.TotalSeconds);
            command.Parameters.AddWithValue("$next_poll", WriteTime(state.NextPoll));
            command.Parameters.AddWithValue("$last_polled", WriteTime(state.LastPolled));
            command.Parameters.AddWithValue("$new_items", state.LastNewItems);
            command.ExecuteNonQuery();
            return 0;
        }, cancellationToken);
    }

    public Task<bool> IsSeenAsync(string item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM watch_seen WHERE item = $item";
            command.Parameters.AddWithValue("$item", item);
            return command.ExecuteScalar() is not null;
        }, cancellationToken);
    }

    public Task MarkSeenAsync(string item, string feed, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(feed);
        return RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO watch_seen (item, feed, seen_at) VALUES ($item, $feed, $at) ON CONFLICT (item) DO NOTHING";
            command.Parameters.AddWithValue("$item", item);
            command.Parameters.AddWithValue("$feed", feed);
            command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
            return 0;
        }, cancellationToken);
    }

    private static object WriteTime(DateTimeOffset? value) =>
        value is { } v ? v.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;

    private static DateTimeOffset? ReadTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
