using Parallax.Model;

namespace Parallax.Extract;

/// <summary>Turns a raw document into a clean article, or a rejection with a reason. Never throws on bad input.</summary>
public sealed class ArticleExtractor(ExtractOptions options)
{
    public ExtractOptions Options { get; } = options;

    public ExtractionResult Extract(RawDocument document)
    {
        throw new NotImplementedException("extract helper");
    }
}
