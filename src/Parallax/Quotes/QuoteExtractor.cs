using Parallax.Model;

namespace Parallax.Quotes;

/// <summary>Finds direct, mixed and indirect quotes in an article body and attributes them.</summary>
public sealed class QuoteExtractor
{
    public ArticleQuotes Extract(Article article)
    {
        throw new NotImplementedException("quotes helper");
    }
}
