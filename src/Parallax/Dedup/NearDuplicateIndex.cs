using Parallax.Model;

namespace Parallax.Dedup;

/// <summary>Finds earlier articles that an article is a near-copy of (syndication, light edits).</summary>
public sealed class NearDuplicateIndex
{
    /// <summary>Id of the earlier article this one nearly copies, or null.</summary>
    public string? FindDuplicateOf(Article article) => throw new NotImplementedException("dedup helper");

    public void Add(Article article) => throw new NotImplementedException("dedup helper");
    public static string ContentHash(string body) => throw new NotImplementedException();
}
