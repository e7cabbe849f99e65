using System.Text;
using Parallax.Text;

namespace Parallax.Quotes;

/// <summary>Normalisation of names for matching: case, diacritics and spacing do not matter.</summary>
internal static class NameText
{
    /// <summary>Lowercase, without diacritics, single spaces: <c>José  Núñez</c> → <c>jose nunez</c>.</summary>
    public static string Fold(string name) => LetterFold.Fold(name);

    /// <summary>A stable identifier part: <c>Nasser Kanaani</c> → <c>nasser-kanaani</c>.</summary>
    public static string Slug(string name)
    {
        var folded = Fold(name);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "unnamed" : slug;
    }

    /// <summary>The last word of a name, folded: the surname in Western order.</summary>
    public static string LastWord(string folded)
    {
        var space = folded.LastIndexOf(' ');
        return space < 0 ? folded : folded[(space + 1)..];
    }

    public static int WordCount(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
