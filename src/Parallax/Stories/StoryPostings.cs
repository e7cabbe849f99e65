namespace Parallax.Stories;

/// <summary>
/// Story ordinals listed under each term id, in the order they were listed: one exact-growth array per term, with
/// no list object per term. Postings are most of the clusterer's memory on a long stream (about 130 per article at
/// 200k), and <see cref="List{T}"/> doubling left them 1.63 times over-allocated on the story-stream bench; growing by a
/// quarter keeps the slack near an eighth for a few more copies, which are cheap next to scoring. Not thread-safe.
/// </summary>
internal sealed class StoryPostings
{
    /// <summary>Slots added when a list grows: a quarter of its size, and at least this many (most terms are rare and
    /// list one or two stories).</summary>
    private const int MinGrowth = 2;

    private const int ArrayHeaderBytes = 24;

    private int[]?[] lists = new int[]?[1024];
    private int[] counts = new int[1024];

    /// <summary>Ordinals listed under <paramref name="term"/>, oldest first (empty when none).</summary>
    public ReadOnlySpan<int> Of(int term) =>
        term < lists.Length && lists[term] is { } list ? list.AsSpan(0, counts[term]) : [];

    /// <summary>Lists <paramref name="ordinal"/> under <paramref name="term"/> unless it is already the last one listed there.</summary>
    public void Add(int term, int ordinal)
    {
        if (lists.Length <= term)
        {
            var n = Math.Max(term + 1, lists.Length * 2);
            Array.Resize(ref lists, n);
            Array.Resize(ref counts, n);
        }

        var list = lists[term];
        var count = counts[term];

        // A term pruned and re-added would list the story twice; the candidate walk tolerates it, and checking the tail
        // is enough to keep the common case (the story just listed) from repeating.
        if (count > 0 && list![count - 1] == ordinal)
        {
            return;
        }

        if (list is null || count == list.Length)
        {
            var grown = new int[count + Math.Max(MinGrowth, count / 4)];
            list?.AsSpan(0, count).CopyTo(grown);
            lists[term] = list = grown;
        }

        list[count] = ordinal;
        counts[term] = count + 1;
    }

    /// <summary>Bytes held: the per-term reference and count, and each list's array (header and slots).</summary>
    public long ApproximateBytes
    {
        get
        {
            long bytes = ArrayHeaderBytes * 2L + (lists.Length * (8L + 4));
            foreach (var list in lists)
            {
                bytes += list is null ? 0 : ArrayHeaderBytes + (list.Length * 4L);
            }

            return bytes;
        }
    }
}
