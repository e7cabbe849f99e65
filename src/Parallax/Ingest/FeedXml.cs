using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// Safe XML loading for feeds and sitemaps: no DTD (so no entity expansion and no external entities), no resolver,
/// a size cap on the bytes and on the gunzipped bytes, and one repair pass for the commonest breakage (bare
/// ampersands and HTML entities such as <c>&amp;nbsp;</c> left in the XML).
/// </summary>
internal static class FeedXml
{
    /// <summary>10 MB: Google caps a sitemap at 50 MB uncompressed but news sitemaps and feeds stay far below.</summary>
    internal const long DefaultMaxBytes = 10 * 1024 * 1024;

    private const int CopyBufferBytes = 81_920;

    internal static bool TryLoad(ReadOnlyMemory<byte> bytes, long maxBytes, out XDocument? document, out string reason, out string detail)
    {
        document = null;
        reason = "";
        detail = "";
        if (bytes.Length > maxBytes)
        {
            (reason, detail) = (RejectReasons.TooLarge, $"{bytes.Length} bytes exceed the {maxBytes}-byte limit");
            return false;
        }

        if (IsGzip(bytes.Span))
        {
            var gunzipped = Gunzip(bytes, maxBytes, out var error);
            if (gunzipped is null)
            {
                (reason, detail) = error!.Value;
                return false;
            }

            bytes = gunzipped;
        }

        if (bytes.Span.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            (reason, detail) = (RejectReasons.Empty, "no XML content");
            return false;
        }

        try
        {
            document = Parse(new MemoryStream(bytes.ToArray(), writable: false), maxBytes);
            return true;
        }
        catch (XmlException first)
        {
            if (first.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            {
                (reason, detail) = (RejectReasons.Unparseable, "a DTD is not allowed in a feed or sitemap");
                return false;
            }

            // Feeds are often not well-formed XML: retry once with bare ampersands and HTML entities repaired.
            try
            {
                var text = RepairAmpersands(DecodeText(bytes.Span));
                document = Parse(new StringReader(text), maxBytes);
                return true;
            }
            catch (XmlException second)
            {
                (reason, detail) = (RejectReasons.Unparseable, $"not well-formed XML: {second.Message}");
                return false;
            }
        }
    }

    internal static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static XmlReaderSettings Settings(long maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        Async = false,
    };

    private static XDocument Parse(Stream stream, long maxBytes)
    {
        using var reader = XmlReader.Create(stream, Settings(maxBytes));
        return XDocument.Load(reader, LoadOptions.None);
    }

    private static XDocument Parse(TextReader text, long maxBytes)
    {
        using var reader = XmlReader.Create(text, Settings(maxBytes));
        return XDocument.Load(reader, LoadOptions.None);
    }

    private static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        // The declared encoding is lost once we hand the parser a string: UTF-8 is what nearly every feed uses, and
        // the XML declaration's encoding attribute must go or the reader would complain about the mismatch.
        var text = Encoding.UTF8.GetString(bytes);
        if (text.StartsWith("<?xml", StringComparison.Ordinal) && text.IndexOf("?>", StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 2)..];
        }

        return text.TrimStart('\uFEFF');
    }

    private static string RepairAmpersands(string text) => FeedRules.Ampersand().Replace(text, static match =>
    {
        if (match.Length == 1)
        {
            return "&amp;";
        }

        var name = match.Groups["name"];
        if (!name.Success || name.Value is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return match.Value;
        }

        if (FeedRules.HtmlEntities.TryGetValue(name.Value, out var numeric))
        {
            return numeric;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        return decoded == match.Value ? "&amp;" + match.Value[1..] : $"&#{char.ConvertToUtf32(decoded, 0)};";
    });

    private static byte[]? Gunzip(ReadOnlyMemory<byte> compressed, long maxBytes, out (string Reason, string Detail)? error)
    {
        error = null;
        var buffer = new byte[CopyBufferBytes];
        using var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    error = (RejectReasons.TooLarge, $"decompresses to more than the {maxBytes}-byte limit");
                    return null;
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            error = (RejectReasons.Unparseable, $"not valid gzip: {ex.Message}");
            return null;
        }

        return output.ToArray();
    }

    /// <summary>An element's text as plain text: HTML tags stripped, entities decoded, whitespace collapsed.</summary>
    internal static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var stripped = WebUtility.HtmlDecode(FeedRules.Tag().Replace(html, static m => FeedRules.InlineTags.Contains(m.Groups["name"].Value) ? "" : " "));
        var collapsed = string.Join(' ', stripped.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
