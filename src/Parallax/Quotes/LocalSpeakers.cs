using Parallax.Model;

namespace Parallax.Quotes;

/// <summary>
/// Resolves mentions to the speakers of one article. A full name introduces a person; a surname, a pronoun
/// or a role noun (<c>the spokesman</c>) refers to the most recent compatible person, or failing that to the
/// first later person it fits (a role mentioned before the name, as in a lead sentence).
/// </summary>
internal sealed class LocalSpeakers
{
    internal sealed class Entity
    {
        public required string Name { get; set; }
        public required string Kind { get; set; }
        public List<string> Aliases { get; } = [];
        public List<string> Roles { get; } = [];
        public int LastSeen { get; set; }

        /// <summary>Gender a pronoun already gave this person ('he', 'she'), when the name and roles did not.</summary>
        public Gender PronounGender { get; set; }
    }

    internal enum Gender
    {
        Unknown,
        Female,
        Male,
    }

    private readonly List<Entity> entities = [];
    private readonly IReadOnlyList<Mention> fullNames;
    private readonly Dictionary<int, Entity?> resolved = [];
    private Entity? lastPerson;
    private Entity? lastGroup;

    /// <summary>Full names of people anywhere in the text, speakers or not, in text order: antecedents for "he" and "she".</summary>
    private readonly Lazy<IReadOnlyList<Mention>> antecedents;

    public LocalSpeakers(IEnumerable<Mention> allMentions)
        : this(allMentions, () => [])
    {
    }

    /// <param name="allMentions">The speaker mentions of the article's quotes.</param>
    /// <param name="otherPeople">Full names of people the text names without quoting them; read only when a "he" or
    /// "she" needs them, since finding them costs a pass of the entity recogniser.</param>
    public LocalSpeakers(IEnumerable<Mention> allMentions, Func<IEnumerable<Mention>> otherPeople)
    {
        IReadOnlyList<Mention> mentions = [.. allMentions];
        fullNames = [.. mentions.Where(m => m.Kind == MentionKind.Name && NameText.WordCount(m.Name) >= 2).OrderBy(m => m.Start)];
        antecedents = new(() => [.. mentions.Where(m => m.Kind == MentionKind.Name).Concat(otherPeople()).DistinctBy(m => m.Start).OrderBy(m => m.Start)], LazyThreadSafetyMode.None);
    }

    /// <summary>Resolves mentions in text order; call once per mention, earliest first.</summary>
    public Entity? Resolve(Mention mention)
    {
        if (resolved.TryGetValue(mention.Start, out var known))
        {
            return known;
        }

        var entity = mention.Kind switch
        {
            MentionKind.Name => ResolveName(mention),
            MentionKind.Pronoun => QuoteRules.PersonPronouns.Contains(mention.Name) ? ResolvePersonPronoun(mention) : lastGroup,
            MentionKind.Role => ResolveRole(mention),
            MentionKind.Organization => Named(mention.Name, IsGovernmentOrganization(mention.Name) ? SpeakerKinds.Government : SpeakerKinds.Organization),
            _ => Named(mention.Name, mention.Name.EndsWith("countries", StringComparison.OrdinalIgnoreCase) || mention.Name.EndsWith("governments", StringComparison.OrdinalIgnoreCase) ? SpeakerKinds.Government : SpeakerKinds.Unknown),
        };

        if (entity is not null)
        {
            foreach (var role in mention.Roles)
            {
                // "the spokesman" adds nothing to a person already known as a spokesperson.
                var redundant = mention.Kind == MentionKind.Role && entity.Roles.Exists(r => RoleHeadOf(r) == RoleHeadOf(role));
                if (!redundant && !entity.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    entity.Roles.Add(role);
                }
            }

            if (entity.Roles.Count > 0 && entity.Kind == SpeakerKinds.Unknown)
            {
                entity.Kind = SpeakerKinds.Person;
            }

            entity.LastSeen = mention.Start;
            if (entity.Kind == SpeakerKinds.Person)
            {
                lastPerson = entity;
            }
            else if (entity.Kind is SpeakerKinds.Organization or SpeakerKinds.Government)
            {
                lastGroup = entity;
            }
        }

        resolved[mention.Start] = entity;
        return entity;
    }

    /// <summary>The public record of an entity returned by <see cref="Resolve"/>.</summary>
    public static Speaker ToSpeaker(Entity e, string id)
    {
        return new Speaker { Id = id, Name = e.Name, Aliases = [.. e.Aliases], Roles = [.. e.Roles], Kind = e.Kind };
    }

    private Entity ResolveName(Mention mention)
    {
        var folded = NameText.Fold(mention.Name);
        var words = NameText.WordCount(mention.Name);
        if (words >= 2)
        {
            var surname = NameText.LastWord(folded);
            var match = entities.Find(e => NameText.Fold(e.Name) == folded)
                ?? entities.Find(e => e.Kind != SpeakerKinds.Government && NameText.WordCount(e.Name) == 1 && NameText.Fold(e.Name) == surname);
            if (match is null)
            {
                match = new Entity { Name = mention.Name, Kind = SpeakerKinds.Person };
                entities.Add(match);
            }
            else if (NameText.WordCount(match.Name) < words)
            {
                AddAlias(match, match.Name);
                match.Name = mention.Name;
                match.Kind = SpeakerKinds.Person;
            }

            AddAlias(match, mention.Name.Split(' ')[^1]);
            return match;
        }

        if (QuoteRules.GovernmentNames.Contains(mention.Name))
        {
            return Named(mention.Name, SpeakerKinds.Government);
        }

        var person = entities.Where(e => e.Kind == SpeakerKinds.Person && NameText.WordCount(e.Name) >= 2 && NameText.LastWord(NameText.Fold(e.Name)) == folded)
            .OrderByDescending(e => e.LastSeen).FirstOrDefault();
        if (person is not null)
        {
            return person;
        }

        var later = fullNames.FirstOrDefault(m => NameText.LastWord(NameText.Fold(m.Name)) == folded);
        return later is not null ? ResolveName(later with { Roles = [] }) : Named(mention.Name, SpeakerKinds.Unknown);
    }

    /// <summary>
    /// The most recent person, unless a full name written since then fits the pronoun's gender by its given name, title or
    /// role ("Mayor Roberta Castellan voted against the rise. She said ..." after a man or an unknown Sam spoke).
    /// </summary>
    private Entity? ResolvePersonPronoun(Mention mention)
    {
        var wanted = PronounGender(mention.Name);
        if (wanted == Gender.Unknown || lastPerson is null)
        {
            return lastPerson;
        }

        var names = antecedents.Value;
        for (var i = names.Count - 1; i >= 0; i--)
        {
            var name = names[i];
            if (name.Start <= lastPerson.LastSeen)
            {
                break;
            }

            if (name.Start < mention.Start && GenderOfMention(name, names) == wanted)
            {
                return ResolveName(name);
            }
        }

        if (GenderOf(lastPerson) == Gender.Unknown)
        {
            lastPerson.PronounGender = wanted;
        }

        return lastPerson;
    }

    /// <summary>A full name's gender, or a surname's from the person it names (an earlier full name, or a known speaker).</summary>
    private Gender GenderOfMention(Mention name, IReadOnlyList<Mention> names)
    {
        var g = GenderOfName(name.Name, name.Roles);
        if (g != Gender.Unknown || NameText.WordCount(name.Name) != 1)
        {
            return g;
        }

        var surname = NameText.Fold(name.Name);
        foreach (var earlier in names)
        {
            if (earlier.Start < name.Start && NameText.WordCount(earlier.Name) >= 2 && NameText.LastWord(NameText.Fold(earlier.Name)) == surname)
            {
                return GenderOfName(earlier.Name, earlier.Roles);
            }
        }

        var person = entities.Find(e => e.Kind == SpeakerKinds.Person && NameText.WordCount(e.Name) >= 2 && NameText.LastWord(NameText.Fold(e.Name)) == surname);
        return person is null ? Gender.Unknown : GenderOf(person);
    }

    private static Gender PronounGender(string pronoun) =>
        pronoun.Equals("he", StringComparison.OrdinalIgnoreCase) ? Gender.Male
        : pronoun.Equals("she", StringComparison.OrdinalIgnoreCase) ? Gender.Female
        : Gender.Unknown;

    private static Gender GenderOf(Entity e)
    {
        var g = GenderOfName(e.Name, e.Roles);
        return g != Gender.Unknown ? g : e.PronounGender;
    }

    /// <summary>From the given name, a title word (Mrs, Ms, Mr) or a role ending in "-woman" (spokeswoman); "-man" roles
    /// say nothing, as "chairman" is used for women too.</summary>
    private static Gender GenderOfName(string name, IReadOnlyList<string> roles)
    {
        // Any word before the surname: titles and roles may lead the name ("Councillor Peter Lind", "Mrs Berg").
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length - 1; i++)
        {
            var word = words[i].TrimEnd('.');
            if (QuoteRules.FemaleTitles.Contains(word) || QuoteRules.FemaleGivenNames.Contains(word))
            {
                return Gender.Female;
            }

            if (QuoteRules.MaleTitles.Contains(word) || QuoteRules.MaleGivenNames.Contains(word))
            {
                return Gender.Male;
            }
        }

        foreach (var role in roles)
        {
            if (role.EndsWith("woman", StringComparison.OrdinalIgnoreCase))
            {
                return Gender.Female;
            }
        }

        return Gender.Unknown;
    }

    private Entity? ResolveRole(Mention mention)
    {
        var head = RoleHeadOf(mention.Name);
        var recent = entities.Where(e => e.Kind == SpeakerKinds.Person && e.Roles.Exists(r => RoleHeadOf(r) == head))
            .OrderByDescending(e => e.LastSeen).FirstOrDefault();
        if (recent is not null)
        {
            return recent;
        }

        var later = fullNames.FirstOrDefault(m => m.Roles.Any(r => RoleHeadOf(r) == head));
        if (later is not null)
        {
            return ResolveName(later);
        }

        // A bare "the spokesman" with nobody to refer to says too little to be a speaker of its own.
        return NameText.WordCount(mention.Name) > 1 ? Named(mention.Name, SpeakerKinds.Person) : null;
    }

    private Entity Named(string name, string kind)
    {
        var folded = NameText.Fold(name);
        var entity = entities.Find(e => NameText.Fold(e.Name) == folded);
        if (entity is null)
        {
            entity = new Entity { Name = name, Kind = kind };
            entities.Add(entity);
        }

        return entity;
    }

    private static void AddAlias(Entity entity, string alias)
    {
        if (!alias.Equals(entity.Name, StringComparison.OrdinalIgnoreCase) && !entity.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase))
        {
            entity.Aliases.Add(alias);
        }
    }

    private static string RoleHeadOf(string role)
    {
        var space = role.LastIndexOf(' ');
        return QuoteRules.RoleHead(space < 0 ? role : role[(space + 1)..]);
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal) ? word[..^2] : word;

    private static bool IsGovernmentOrganization(string name)
    {
        foreach (var word in name.Split(' '))
        {
            if (QuoteRules.GovernmentNouns.Contains(word) || QuoteRules.GovernmentNames.Contains(StripPossessive(word)))
            {
                return true;
            }
        }

        return false;
    }
}
