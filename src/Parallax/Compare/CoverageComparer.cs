using Parallax.Model;

namespace Parallax.Compare;

/// <summary>Aligns the same statement across a story's articles.</summary>
public sealed class CoverageComparer
{
    public IReadOnlyList<Alignment> Align(Story story, IReadOnlyList<Article> articles, IReadOnlyList<Quote> quotes) =>
        throw new NotImplementedException("compare helper");
}
