using System.IO.Compression;
using System.Text;

namespace Parallax.Extract;

/// <summary>
/// Turns raw bytes into text, or says why not: empty, too large, binary, or not decodable without
/// guessing. Never returns mojibake: bytes that claim UTF-8 but are not are refused, not repaired.
/// </summary>
internal static class ContentDecoder
{
    /// <summary>How much of the start is inspected for binary junk; 8 KB is what `file` and git use.</summary>
    private const int SniffBytes = 8 * 1024;

    /// <summary>Share of control characters in the sniffed prefix above which content is binary. Text files have ~0; random bytes ~12%.</summary>
    private const double MaxControlShare = 0.05;

    /// <summary>Where `&lt;meta charset&gt;` must appear: the HTML standard's prescan looks at the first 1024 bytes, pages in the wild push it further.</summary>
    private const int MetaSniffBytes = 4 * 1024;

    /// <summary>Non-ASCII share above which undeclared non-UTF-8 text is not taken as Latin (Western European text is a few percent).</summary>
    private const double MaxLatinHighShare = 0.3;

    static ContentDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal readonly record struct Decoded(string? Text, string? Reason, string? Detail, string? Charset)
    {
        public bool Ok => Text is not null;

        public static Decoded Fail(string reason, string detail) => new(null, reason, detail, null);
    }

    /// <summary>Checks size, binary signatures and charset, in that order.</summary>
    public static Decoded Decode(ReadOnlyMemory<byte> content, string? declaredCharset, bool mayBeHtml, long maxBytes)
    {
        var bytes = content.Span;
        if (IsBlank(bytes))
        {
            return Decoded.Fail(Model.RejectReasons.Empty, bytes.Length == 0 ? "0 bytes" : $"{bytes.Length} bytes of whitespace only");
        }

        if (bytes.Length > maxBytes)
        {
            return Decoded.Fail(Model.RejectReasons.TooLarge, $"{bytes.Length:N0} bytes, limit {maxBytes:N0}");
        }

        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            var unzipped = Gunzip(content, maxBytes, out var failure);
            if (unzipped is null)
            {
                return failure;
            }

            return Decode(unzipped, declaredCharset, mayBeHtml, maxBytes);
        }

        var binary = SniffBinary(bytes);
        if (binary is not null)
        {
            return Decoded.Fail(Model.RejectReasons.Binary, binary);
        }

        return DecodeText(bytes, declaredCharset, mayBeHtml);
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[]? Gunzip(ReadOnlyMemory<byte> content, long maxBytes, out Decoded failure)
    {
        failure = default;
        try
        {
            using var input = new MemoryStream(content.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                // Count while inflating: a decompression bomb is refused before it fills memory.
                if (output.Length + read > maxBytes)
                {
                    failure = Decoded.Fail(Model.RejectReasons.TooLarge, $"gzip content inflates beyond the limit of {maxBytes:N0} bytes ({content.Length:N0} bytes compressed)");
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            failure = Decoded.Fail(Model.RejectReasons.Binary, $"gzip magic bytes but the stream is corrupt: {ex.Message}");
            return null;
        }
    }

    /// <summary>A description of why the bytes are binary, or null when they may be text.</summary>
    internal static string? SniffBinary(ReadOnlySpan<byte> bytes)
    {
        foreach (var (name, magic) in ExtractRules.BinaryMagics)
        {
            if (bytes.StartsWith(magic))
            {
                return $"{name} file signature";
            }
        }

        // UTF-16 text is full of NULs; a BOM makes it text.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return null;
        }

        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            return $"NUL byte at offset {nul}";
        }

        var controls = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B) || b == 0x7F)
            {
                controls++;
            }
        }

        var share = (double)controls / head.Length;
        return share > MaxControlShare ? $"{share:P0} control characters in the first {head.Length:N0} bytes" : null;
    }

    private static Decoded DecodeText(ReadOnlySpan<byte> bytes, string? declaredCharset, bool mayBeHtml)
    {
        // 1. A byte-order mark outranks every declaration (the HTML standard does the same).
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(new UTF8Encoding(false, true), bytes[3..], "UTF-8 (BOM)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE (BOM)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE (BOM)");
        }

        // 2. The transport's declaration, 3. the page's own.
        var declared = declaredCharset;
        var origin = "declared charset";
        if (string.IsNullOrWhiteSpace(declared) && mayBeHtml)
        {
            declared = SniffMetaCharset(bytes);
            origin = "meta charset";
        }

        if (!string.IsNullOrWhiteSpace(declared))
        {
            var encoding = Resolve(declared);
            if (encoding is not null)
            {
                return Strict(encoding, bytes, $"{encoding.WebName} ({origin} '{declared.Trim()}')");
            }
        }

        var declaresSomething = !string.IsNullOrWhiteSpace(declared);

        // 4. Undeclared: UTF-8 when valid.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new Decoded(Encoding.UTF8.GetString(bytes), null, null, "utf-8");
        }

        // 5. windows-1252 only for undeclared text with no valid multi-byte UTF-8 in it and the look of Latin text.
        var invalidAt = FirstInvalidUtf8(bytes, out var validMultiByte);
        if (declaresSomething)
        {
            return Decoded.Fail(Model.RejectReasons.InvalidEncoding, $"unknown charset '{declared!.Trim()}' and the bytes are not valid UTF-8 (first bad byte at offset {invalidAt})");
        }

        if (validMultiByte > 0)
        {
            return Decoded.Fail(Model.RejectReasons.InvalidEncoding, $"mixes valid UTF-8 ({validMultiByte} multi-byte sequences) with invalid bytes (first at offset {invalidAt}); refusing to guess");
        }

        var latin = Encoding.GetEncoding(1252).GetString(bytes);
        if (LooksLatin(latin, out var why))
        {
            return new Decoded(latin, null, null, "windows-1252 (guessed)");
        }

        return Decoded.Fail(Model.RejectReasons.InvalidEncoding, $"not valid UTF-8 (first bad byte at offset {invalidAt}), no charset declared, and {why}");
    }

    private static Decoded Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string label)
    {
        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return new Decoded(strict.GetString(bytes), null, null, label);
        }
        catch (DecoderFallbackException ex)
        {
            return Decoded.Fail(Model.RejectReasons.InvalidEncoding, $"bytes are not valid {label}: bad byte at offset {ex.Index}");
        }
    }

    /// <summary>Maps a charset label to an encoding, the web's way: latin1 and ascii mean windows-1252.</summary>
    internal static Encoding? Resolve(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "us-ascii" or "ascii" or "cp1252" => "windows-1252",
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            // A page cannot declare UTF-16 inside itself and be read as ASCII; browsers read UTF-8.
            "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
            "gb2312" or "x-gbk" => "gbk",
            "sjis" or "x-sjis" or "ms_kanji" => "shift_jis",
            "cp1256" => "windows-1256",
            "cp1251" => "windows-1251",
            _ => name,
        };

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? SniffMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaSniffBytes)]);
        var match = ExtractRules.MetaCharset().Match(head);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes, out int validMultiByte)
    {
        validMultiByte = 0;
        var first = -1;
        var i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (consumed > 1)
                {
                    validMultiByte++;
                }
            }
            else if (first < 0)
            {
                first = i;
            }

            i += Math.Max(1, consumed);
        }

        return first;
    }

    private static bool LooksLatin(string text, out string why)
    {
        var high = 0;
        var letters = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            high++;
            if (char.IsLetter(c) || c is '’' or '‘' or '“' or '”' or '–' or '—' or '…' or '«' or '»' or '°' or '©' or '€' or '£' or '\u00A0' or '·' or '•' or '®')
            {
                letters++;
            }
        }

        if (high > text.Length * MaxLatinHighShare)
        {
            why = $"{high} of {text.Length} characters are non-ASCII, too many for Latin text";
            return false;
        }

        if (letters < high * 0.8)
        {
            why = "the non-ASCII bytes do not read as Latin letters";
            return false;
        }

        why = string.Empty;
        return true;
    }
}
