using Parallax.Model;

namespace Parallax.Quotes;

/// <summary>
/// Canonical speakers across the corpus: merges an article's local speakers into known ones.
/// Two speakers are one when their full names match (ignoring case and diacritics), or when a speaker known
/// only by a surname matches exactly one canonical speaker with that surname. Merging keeps the fullest name,
/// accumulates aliases and roles (deduplicated, case-insensitive) and never changes an id. Thread-safe.
/// </summary>
public sealed class SpeakerDirectory
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, Speaker> byId = new(StringComparer.Ordinal);

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
    public Speaker Resolve(Speaker local)
    {
        ArgumentNullException.ThrowIfNull(local);
        lock (gate)
        {
            var existing = Find(local);
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
