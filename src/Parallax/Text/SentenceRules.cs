using System.Collections.Frozen;

namespace Parallax.Text;

/// <summary>Word lists for sentence splitting of English news text.</summary>
internal static class SentenceRules
{
    /// <summary>Words that, followed by a dot, never end a sentence: titles that precede a name.</summary>
    public static readonly FrozenSet<string> TitleAbbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
        "Sgt", "Cpl", "Pvt", "Rev", "Fr", "Hon", "Pres", "Supt", "Insp", "Amb", "St", "Mt", "Ft", "Messrs", "Mme", "Sr", "Jr");

    /// <summary>
    /// Abbreviations that usually sit inside a sentence but may end one; a boundary is accepted after them
    /// only when the next word is a typical sentence opener.
    /// </summary>
    public static readonly FrozenSet<string> InnerAbbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Inc", "Corp", "Co", "Ltd", "Bros", "etc", "vs", "approx", "est", "dept", "govt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", "al", "cf",
        "Ave", "Blvd", "Rd", "Univ", "Assn", "Gens", "Reps", "Sens", "p.m", "a.m", "i.e", "e.g", "U.S", "U.K", "U.N", "E.U");

    /// <summary>Abbreviations that are such only before a number (<c>No. 10</c>, <c>Art. 5</c>).</summary>
    public static readonly FrozenSet<string> NumberAbbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "No", "Nos", "Art", "Vol", "pp", "p", "fig", "ch", "sec", "para");

    /// <summary>Words that commonly open a sentence; used to decide after an ambiguous abbreviation.</summary>
    public static readonly FrozenSet<string> SentenceOpeners = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But", "And",
        "In", "On", "At", "As", "If", "When", "While", "After", "Before", "However", "Meanwhile", "There", "His", "Her",
        "Its", "Their", "Our", "Some", "Many", "Most", "Officials", "According", "Earlier", "Later", "Last", "Since");
}
