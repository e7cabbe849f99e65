using Parallax.Model;

namespace Parallax.Extract;

/// <summary>Either an article or the reason there is none.</summary>
public sealed record ExtractionResult
{
    public Article? Article { get; private init; }
    public Rejection? Rejection { get; private init; }

    public static ExtractionResult Ok(Article article) => new() { Article = article };

    public static ExtractionResult Rejected(string source, string reason, string? detail = null) =>
        new() { Rejection = new Rejection { Source = source, Reason = reason, Detail = detail } };
}
