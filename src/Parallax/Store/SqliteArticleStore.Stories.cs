using Microsoft.Data.Sqlite;
using Parallax.Model;

namespace Parallax.Store;

/// <summary>
/// A store that can fold stories into one: online clustering learns late that two stories report one event (a later
/// article bridges them), and the articles already stored under the merged stories must follow.
/// </summary>
public interface IStoryMergeStore
{
    /// <summary>
    /// In one transaction: every article whose story is one of <paramref name="mergedStoryIds"/> moves to
    /// <paramref name="survivor"/>, their alignments move with them, the merged story records are deleted and the
    /// survivor's record is written as given. Ids that are not stored are ignored, so replaying a merge changes nothing.
    /// </summary>
    Task MergeStoriesAsync(Story survivor, IReadOnlyList<string> mergedStoryIds, CancellationToken cancellationToken = default);
}

public sealed partial class SqliteArticleStore : IStoryMergeStore
{
    public Task MergeStoriesAsync(Story survivor, IReadOnlyList<string> mergedStoryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentException.ThrowIfNullOrEmpty(survivor.Id, nameof(survivor));
        ArgumentNullException.ThrowIfNull(mergedStoryIds);
        if (mergedStoryIds.Contains(survivor.Id, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Story '{survivor.Id}' cannot be merged into itself.", nameof(mergedStoryIds));
        }

        return RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var merged in mergedStoryIds)
            {
                MoveStory(connection, transaction, "UPDATE articles SET story = $into WHERE story = $from", survivor.Id, merged);
                MoveStory(connection, transaction, "UPDATE alignments SET story = $into WHERE story = $from", survivor.Id, merged);
                MoveStory(connection, transaction, "DELETE FROM stories WHERE id = $from AND id <> $into", survivor.Id, merged);
            }

            UpsertStory(connection, transaction, survivor);
            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    private static void MoveStory(SqliteConnection connection, SqliteTransaction transaction, string sql, string into, string from)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$into", into);
        command.Parameters.AddWithValue("$from", from);
        command.ExecuteNonQuery();
    }
}
