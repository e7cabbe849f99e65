using System.Collections.Concurrent;
using Parallax.Model;

namespace Parallax.Web.Ui;

/// <summary>
/// Recent story pages' models. Coverage analysis aligns every sentence pair of a story (about 90 ms for a five-article
/// sample story against 2 ms for an article page), and a story changes only when an article joins it, so a model is
/// reused while the story's article list is the same, for at most <see cref="TimeToLive"/> (speaker names and
/// near-copy links can change without it).
/// </summary>
internal sealed class StoryPageCache(TimeProvider time)
{
    /// <summary>How long a reader may see a story page that misses a speaker rename.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(1);

    /// <summary>Stories kept; past it the cache starts over. A page model of a large story holds its articles' bodies.</summary>
    public const int Capacity = 128;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public StoryPageModel? Get(Story story)
    {
        if (entries.TryGetValue(story.Id, out var entry) && entry.Stamp == Stamp(story) && time.GetUtcNow() - entry.Created < TimeToLive)
        {
            return entry.Model;
        }

        return null;
    }

    public void Add(StoryPageModel model)
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        entries[model.Story.Id] = new Entry(Stamp(model.Story), time.GetUtcNow(), model);
    }

    private static string Stamp(Story story) => string.Join('\n', story.Articles);

    private sealed record Entry(string Stamp, DateTimeOffset Created, StoryPageModel Model);
}
