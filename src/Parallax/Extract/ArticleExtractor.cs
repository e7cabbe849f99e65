using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Parallax.Model;

namespace Parallax.Extract;

/// <summary>Turns a raw document into a clean article, or a rejection with a reason. Never throws on bad input.</summary>
public sealed class ArticleExtractor(ExtractOptions options)
{
    private readonly HtmlArticleExtractor _html = new(options);

    public ExtractOptions Options { get; } = options;

    public ExtractionResult Extract(RawDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clock = Stopwatch.StartNew();
        try
        {
            return document.CleanText is not null ? FromCleanText(document) : FromContent(document, clock);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException or OperationCanceledException))
        {
            // The contract is that bad input never throws. An exception here is a bug in an extractor heuristic;
            // it surfaces as a rejection naming the bug so one bad page cannot stop a whole ingest run.
            return ExtractionResult.Rejected(document.Source, RejectReasons.Unparseable, $"internal extractor error (a bug, please report): {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static ExtractionResult FromCleanText(RawDocument document)
    {
        var text = document.CleanText!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExtractionResult.Rejected(document.Source, RejectReasons.Empty, text.Length == 0 ? "the record's text is empty" : "the record's text is whitespace only");
        }

        // The record's text is already the body: unchanged, so offsets into it stay valid.
        return ExtractionResult.Ok(new Article
        {
            Id = DeriveId(document, null),
            Source = document.Source,
            Url = document.Url,
            Outlet = Blank(document.Outlet),
            Title = Blank(document.Title),
            Authors = document.Authors,
            Published = Blank(document.Published),
            PublishedSource = Blank(document.Published) is null ? null : DateSources.Record,
            TitleSource = Blank(document.Title) is null ? null : DateSources.Record,
            AuthorsSource = document.Authors.Count > 0 ? DateSources.Record : null,
            Language = Blank(document.Language) ?? LanguageDetector.Detect(text),
            Kind = PageKinds.Article,
            Body = text,
        });
    }

    private ExtractionResult FromContent(RawDocument document, Stopwatch clock)
    {
        var htmlByName = IsHtmlByName(document);
        var decoded = ContentDecoder.Decode(document.Content, document.DeclaredCharset, htmlByName || StartsLikeMarkup(document.Content.Span), Options.MaxBytes);
        if (!decoded.Ok)
        {
            return ExtractionResult.Rejected(document.Source, decoded.Reason!, decoded.Detail);
        }

        var text = decoded.Text!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExtractionResult.Rejected(document.Source, RejectReasons.Empty, "no text after decoding");
        }

        ExtractedParts parts;
        if (htmlByName || StartsLikeHtml(text))
        {
            var outcome = _html.Extract(text, document.Url, clock);
            if (outcome.Parts is null)
            {
                return ExtractionResult.Rejected(document.Source, outcome.Reason!, outcome.Detail);
            }

            parts = outcome.Parts;
        }
        else
        {
            parts = PlainTextExtractor.Extract(text);
        }

        if (clock.Elapsed > Options.TimeBudget)
        {
            return ExtractionResult.Rejected(document.Source, RejectReasons.TimedOut, $"time budget of {Options.TimeBudget.TotalSeconds:0.#} s exceeded ({clock.Elapsed.TotalSeconds:0.0} s)");
        }

        if (parts.Body.Length == 0)
        {
            return ExtractionResult.Rejected(document.Source, RejectReasons.NoContent, "no body text left after removing the header, teasers and share bars");
        }

        if (parts.Kind != PageKinds.Article && !Options.KeepAll)
        {
            return ExtractionResult.Rejected(document.Source, RejectReasons.NotAnArticle, $"page kind is {parts.Kind}: {parts.KindEvidence}");
        }

        var url = Blank(document.Url) ?? parts.Url;
        var authors = document.Authors.Count > 0 ? document.Authors : parts.Authors;
        return ExtractionResult.Ok(new Article
        {
            Id = DeriveId(document, url),
            Source = document.Source,
            Url = url,
            Outlet = Blank(document.Outlet) ?? parts.Outlet,
            Title = Blank(document.Title) ?? parts.Title,
            Authors = authors,
            Published = Blank(document.Published) ?? parts.Published,
            PublishedSource = Blank(document.Published) is null ? parts.PublishedSource : DateSources.Record,
            Modified = parts.Modified,
            Section = parts.Section,
            TitleSource = Blank(document.Title) is null ? parts.TitleSource : DateSources.Record,
            AuthorsSource = document.Authors.Count > 0 ? DateSources.Record : parts.AuthorsSource,
            Language = Blank(document.Language) ?? parts.Language ?? LanguageDetector.Detect(parts.Body),
            Kind = parts.Kind,
            Body = parts.Body,
        });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static bool IsHtmlByName(RawDocument document)
    {
        if (document.ContentType is { } type && (type.Contains("html", StringComparison.OrdinalIgnoreCase) || type.Contains("xhtml", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var source = document.Source;
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0 && !source.Contains("://", StringComparison.Ordinal))
        {
            source = source[..hash];
        }

        return source.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || source.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".htm.gz", StringComparison.OrdinalIgnoreCase)
            || source.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Byte-level guess used only to decide whether a <c>&lt;meta charset&gt;</c> may be looked for.</summary>
    private static bool StartsLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            i = 3;
        }

        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < bytes.Length && bytes[i] == (byte)'<';
    }

    private static bool StartsLikeHtml(string text)
    {
        var t = text.AsSpan().TrimStart(" \t\r\n\f\uFEFF");
        return t.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("<!--", StringComparison.Ordinal) && t[..Math.Min(t.Length, 2048)].Contains("<html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The record's id, else the file name of a path source, else a stable hash of the URL.</summary>
    internal static string DeriveId(RawDocument document, string? url)
    {
        if (!string.IsNullOrWhiteSpace(document.Id))
        {
            return document.Id;
        }

        var source = document.Source;
        var isUrl = source.Contains("://", StringComparison.Ordinal);
        if (!isUrl && !(source.Contains('#', StringComparison.Ordinal) && url is not null))
        {
            var name = Path.GetFileName(source);
            if (name.Length > 0)
            {
                return name;
            }
        }

        var key = url ?? document.Url ?? source;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash)[..16];
    }
}
