using System.Text;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Tests.Extract;

internal static class ExtractTestData
{
    /// <summary><c>../shared</c> beside the repository, or null when this checkout has none.</summary>
    public static string? SharedDir() => TestPaths.Shared;

    public static ExtractionResult Extract(string source, byte[] content, ExtractOptions? options = null, string? contentType = null, string? charset = null) =>
        new ArticleExtractor(options ?? new ExtractOptions()).Extract(new RawDocument
        {
            Source = source,
            Content = content,
            ContentType = contentType,
            DeclaredCharset = charset,
        });

    public static ExtractionResult ExtractText(string source, string text, ExtractOptions? options = null) =>
        Extract(source, Encoding.UTF8.GetBytes(text), options);

    public static Article Article(ExtractionResult result)
    {
        Assert.True(result.Article is not null, $"expected an article, got {result.Rejection?.Reason}: {result.Rejection?.Detail}");
        return result.Article!;
    }

    public static Rejection Rejection(ExtractionResult result, string reason)
    {
        Assert.True(result.Rejection is not null, $"expected a {reason} rejection, got an article titled '{result.Article?.Title}' ({result.Article?.Kind})");
        Assert.Equal(reason, result.Rejection!.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Detail), "a rejection carries a human-readable detail");
        return result.Rejection;
    }
}
