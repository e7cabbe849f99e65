using Parallax.Model;
using Parallax.Text;

namespace Parallax.Compare;

/// <summary>Word-level diff: runs of same / deleted / inserted words that turn one text into another.</summary>
public static class WordDiff
{
    /// <summary>Largest LCS table (cells) we fill; beyond it (two quotes of ~2,000 words each) the diff degrades to delete-all, insert-all.</summary>
    private const long MaxCells = 4_000_000;

    /// <summary>
    /// Diffs the word and number tokens of <paramref name="a"/> and <paramref name="b"/> (punctuation dropped), comparing
    /// case-insensitively. Same runs carry the surface forms of <paramref name="a"/>. Within each changed region deletions
    /// come before insertions; consecutive runs of one kind are merged; words are joined with single spaces.
    /// </summary>
    public static IReadOnlyList<DiffRun> Diff(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Diff(Words(a), Words(b));
    }

    internal static IReadOnlyList<DiffRun> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var runs = new RunBuilder();
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && Same(a[prefix], b[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && Same(a[a.Count - 1 - suffix], b[b.Count - 1 - suffix]))
        {
            suffix++;
        }

        for (var i = 0; i < prefix; i++)
        {
            runs.Add(DiffOps.Same, a[i]);
        }

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = 0; i < n; i++)
            {
                runs.Add(DiffOps.Delete, a[prefix + i]);
            }

            for (var j = 0; j < m; j++)
            {
                runs.Add(DiffOps.Insert, b[prefix + j]);
            }
        }
        else
        {
            Middle(a, b, prefix, n, m, runs);
        }

        for (var i = a.Count - suffix; i < a.Count; i++)
        {
            runs.Add(DiffOps.Same, a[i]);
        }

        return runs.Build();
    }

    internal static List<string> Words(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<string>(tokens.Count);
        foreach (var t in tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                words.Add(t.Of(text).ToString());
            }
        }

        return words;
    }

    private static bool Same(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    private static void Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int offset, int n, int m, RunBuilder runs)
    {
        // lcs[i, j] = LCS length of a[i..n) and b[j..m), so the walk below can go forwards.
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = Same(a[offset + i], b[offset + j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var pendingInserts = new List<string>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && Same(a[offset + x], b[offset + y]))
            {
                FlushInserts();
                runs.Add(DiffOps.Same, a[offset + x]);
                x++;
                y++;
            }
            else if (y >= m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                runs.Add(DiffOps.Delete, a[offset + x]);
                x++;
            }
            else
            {
                pendingInserts.Add(b[offset + y]);
                y++;
            }
        }

        FlushInserts();

        // Holding inserts until the next same word keeps each changed region as one del run then one ins run.
        void FlushInserts()
        {
            foreach (var w in pendingInserts)
            {
                runs.Add(DiffOps.Insert, w);
            }

            pendingInserts.Clear();
        }
    }

    private sealed class RunBuilder
    {
        private readonly List<DiffRun> runs = [];
        private readonly List<string> words = [];
        private string? op;

        public void Add(string kind, string word)
        {
            if (op != kind)
            {
                Flush();
                op = kind;
            }

            words.Add(word);
        }

        public List<DiffRun> Build()
        {
            Flush();
            return runs;
        }

        private void Flush()
        {
            if (op is not null && words.Count > 0)
            {
                runs.Add(new DiffRun(op, string.Join(' ', words)));
            }

            words.Clear();
        }
    }
}
