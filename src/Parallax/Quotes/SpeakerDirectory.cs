using Parallax.Model;

namespace Parallax.Quotes;

/// <summary>
/// Canonical speakers across the corpus: merges an article's local speakers into known ones.
/// Two speakers are one when their full names match (ignoring case and diacritics), or when a speaker known
/// only by a surname matches exactly one canonical speaker with that surname. Merging keeps the fullest name,
/// accumulates aliases and roles (deduplicated, case-insensitive) and never changes an id. Thread-safe.
/// Within one story a spelling variant merges too (<c>Nasser Kanani</c> is <c>Nasser Kanaani</c>): see <see cref="Resolve(Speaker, string?)"/>.
/// </summary>
public sealed class SpeakerDirectory
{
    // Shorter surnames one edit apart are often different people (Li / Lu, Kim / Lim).
    private const int MinVariantSurnameLength = 5;

    private readonly Lock gate = new();
    private readonly SortedDictionary<string, Speaker> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> storiesById = new(StringComparer.Ordinal);

    public SpeakerDirectory(IEnumerable<Speaker> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var speaker in known)
        {
            var existing = Find(speaker);
            byId[existing?.Id ?? speaker.Id] = existing is null ? speaker : Merge(existing, speaker);
        }
    }

    /// <summary>Maps a local speaker to a canonical one (existing or new); returns the canonical record, updated.</summary>
    public Speaker Resolve(Speaker local) => Resolve(local, null);

    /// <summary>
    /// As <see cref="Resolve(Speaker)"/>, for a speaker quoted in story <paramref name="story"/>. A person not known by
    /// this name is also merged with a person already quoted in the same story whose surname is one edit away
    /// (<c>Kanani</c> / <c>Kanaani</c>) when their first names agree or one has none; never across stories, never between
    /// two different first names (<c>Bill</c> / <c>Hillary Clinton</c>), never when two known people would fit.
    /// </summary>
    public Speaker Resolve(Speaker local, string? story)
    {
        ArgumentNullException.ThrowIfNull(local);
        lock (gate)
        {
            var existing = Find(local) ?? (story is null ? null : FindVariant(local, story));
            Speaker canonical;
            if (existing is null)
            {
                canonical = Merge(new Speaker { Id = NewId(local.Name), Name = local.Name, Kind = local.Kind }, local);
            }
            else
            {
                canonical = Merge(existing, local);
            }

            byId[canonical.Id] = canonical;
            if (story is not null)
            {
                if (!storiesById.TryGetValue(canonical.Id, out var stories))
                {
                    stories = new HashSet<string>(StringComparer.Ordinal);
                    storiesById[canonical.Id] = stories;
                }

                stories.Add(story);
            }

            return canonical;
        }
    }

    public IReadOnlyCollection<Speaker> All
    {
        get
        {
            lock (gate)
            {
                return [.. byId.Values];
            }
        }
    }

    private Speaker? Find(Speaker local)
    {
        var folded = NameText.Fold(local.Name);
        foreach (var speaker in byId.Values)
        {
            if (NameText.Fold(speaker.Name) == folded)
            {
                return speaker;
            }
        }

        var words = NameText.WordCount(folded);
        if (words == 1)
        {
            // A surname alone: only when it points at exactly one known person.
            var candidates = byId.Values.Where(s => NameText.WordCount(s.Name) >= 2 && (NameText.LastWord(NameText.Fold(s.Name)) == folded || s.Aliases.Any(a => NameText.Fold(a) == folded))).Take(2).ToList();
            return candidates.Count == 1 ? candidates[0] : null;
        }

        // A full name for a speaker known so far only by this surname, or by this name as an alias.
        var surname = NameText.LastWord(folded);
        var bySurname = byId.Values.Where(s => NameText.WordCount(s.Name) == 1 && NameText.Fold(s.Name) == surname).Take(2).ToList();
        if (bySurname.Count == 1)
        {
            return bySurname[0];
        }

        var byAlias = byId.Values.Where(s => s.Aliases.Any(a => NameText.Fold(a) == folded)).Take(2).ToList();
        return byAlias.Count == 1 ? byAlias[0] : null;
    }

    private Speaker? FindVariant(Speaker local, string story)
    {
        if (local.Kind is not (SpeakerKinds.Person or SpeakerKinds.Unknown))
        {
            return null;
        }

        var folded = NameText.Fold(local.Name);
        var surname = NameText.LastWord(folded);
        var firstName = NameText.WordCount(folded) >= 2 ? folded[..folded.IndexOf(' ', StringComparison.Ordinal)] : null;
        if (surname.Length < MinVariantSurnameLength)
        {
            return null;
        }

        Speaker? match = null;
        foreach (var (id, stories) in storiesById)
        {
            if (!stories.Contains(story) || byId[id] is not { Kind: SpeakerKinds.Person or SpeakerKinds.Unknown } known)
            {
                continue;
            }

            var knownFolded = NameText.Fold(known.Name);
            var knownSurname = NameText.LastWord(knownFolded);
            var knownFirst = NameText.WordCount(knownFolded) >= 2 ? knownFolded[..knownFolded.IndexOf(' ', StringComparison.Ordinal)] : null;
            if (knownSurname.Length < MinVariantSurnameLength || knownSurname == surname || !OneEditApart(surname, knownSurname) ||
                (firstName is not null && knownFirst is not null && firstName != knownFirst))
            {
                continue;
            }

            if (match is not null)
            {
                return null;
            }

            match = known;
        }

        return match;
    }

    /// <summary>True when one insertion, deletion or substitution turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        return shorter.Length == longer.Length
            ? shorter.AsSpan(i + 1).SequenceEqual(longer.AsSpan(i + 1))
            : shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }

    private string NewId(string name)
    {
        var id = $"sp-{NameText.Slug(name)}";
        var candidate = id;
        for (var n = 2; byId.ContainsKey(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    private static Speaker Merge(Speaker canonical, Speaker local)
    {
        var name = NameText.WordCount(local.Name) > NameText.WordCount(canonical.Name) ? local.Name : canonical.Name;
        var aliases = new List<string>();
        foreach (var alias in canonical.Aliases.Concat(local.Aliases).Append(canonical.Name).Append(local.Name))
        {
            if (!alias.Equals(name, StringComparison.OrdinalIgnoreCase) && !aliases.Contains(alias, StringComparer.OrdinalIgnoreCase))
            {
                aliases.Add(alias);
            }
        }

        if (NameText.WordCount(name) >= 2)
        {
            var surname = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            if (!aliases.Contains(surname, StringComparer.OrdinalIgnoreCase))
            {
                aliases.Add(surname);
            }
        }

        var roles = new List<string>();
        foreach (var role in canonical.Roles.Concat(local.Roles))
        {
            if (!roles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                roles.Add(role);
            }
        }

        var kind = canonical.Kind == SpeakerKinds.Unknown ? local.Kind : canonical.Kind;
        return canonical with { Name = name, Aliases = aliases, Roles = roles, Kind = kind };
    }
}
