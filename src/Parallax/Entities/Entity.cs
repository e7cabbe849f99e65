namespace Parallax.Entities;

public enum EntityKind
{
    /// <summary>A proper name that none of the rules could type.</summary>
    Name,
    Person,
    Organisation,
    Place,
}

/// <summary>
/// A named entity mention: <see cref="Text"/> is exactly <c>text[Start..End]</c>; <see cref="Key"/> is the lowercase
/// canonical form shared by all spellings (demonyms and capitals fold to their country, "Gigante" to "vincent gigante"
/// when the article named him in full); <see cref="Country"/> is the country a place lies in, when known.
/// </summary>
public sealed record Entity(string Text, string Key, EntityKind Kind, int Start, int End, string? Country = null);
