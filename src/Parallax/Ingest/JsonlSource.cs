using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Parallax.Model;

namespace Parallax.Ingest;

/// <summary>
/// Reads a JSON Lines file: one record per line with <c>text</c> (required, already a clean article body),
/// <c>id</c>, <c>title</c>, <c>outlet</c>, <c>published</c>, <c>url</c>, <c>authors</c>, <c>language</c>.
/// Streams the file line by line; a bad line becomes a rejection naming <c>path#line</c> and reading goes on.
/// </summary>
public sealed class JsonlSource : IDocumentSource
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly string _path;
    private readonly string _fileName;
    private readonly FileSourceOptions _options;

    public JsonlSource(string path, FileSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        _path = path;
        _fileName = Path.GetFileName(path);
        _options = options;
    }

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (SourceFile.TryOpenSequential(_path, FileOptions.Asynchronous, out var openError) is not { } stream)
        {
            yield return Reject(_path, RejectReasons.Unreadable, openError);
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var reader = new BoundedLineReader(stream, _options.MaxBytes);
            long lineNumber = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BoundedLine? line;
                string? readError = null;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    line = null;
                    readError = ex.Message;
                }

                if (readError is not null)
                {
                    yield return Reject($"{_path}#{lineNumber + 1}", RejectReasons.Unreadable, readError);
                    yield break;
                }

                if (line is not { } current)
                {
                    yield break;
                }

                lineNumber++;
                if (ParseLine(current, lineNumber) is { } item)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>One line to a document or a rejection; null for a blank line.</summary>
    private SourceItem? ParseLine(BoundedLine line, long lineNumber)
    {
        var source = $"{_path}#{lineNumber}";
        if (line.TooLong)
        {
            return Reject(source, RejectReasons.TooLarge, $"line of {line.Length} bytes exceeds the {_options.MaxBytes}-byte limit");
        }

        var bytes = line.Bytes;
        if (lineNumber == 1 && bytes.Span.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        if (bytes.Span.TrimEnd((byte)'\r').Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            return Reject(source, RejectReasons.InvalidEncoding, $"invalid UTF-8 at byte {FirstInvalidByte(bytes.Span)} of the line");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            return Reject(source, RejectReasons.Unparseable, ex.Message);
        }

        using (document)
        {
            return ReadRecord(document.RootElement, source, lineNumber);
        }
    }

    private SourceItem ReadRecord(JsonElement record, string source, long lineNumber)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return Reject(source, RejectReasons.Unparseable, $"line is a JSON {Describe(record.ValueKind)}, not an object");
        }

        if (!record.TryGetProperty("text", out var textElement) || textElement.ValueKind is JsonValueKind.Null)
        {
            return Reject(source, RejectReasons.Unparseable, "record has no \"text\" field");
        }

        if (textElement.ValueKind != JsonValueKind.String)
        {
            return Reject(source, RejectReasons.Unparseable, $"\"text\" is a JSON {Describe(textElement.ValueKind)}, not a string");
        }

        var text = textElement.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Reject(source, RejectReasons.Empty, "\"text\" is empty");
        }

        var id = record.TryGetProperty("id", out var idElement) ? idElement.ValueKind switch
        {
            JsonValueKind.String => NonBlank(idElement.GetString()),
            JsonValueKind.Number => idElement.GetRawText(),
            _ => null,
        } : null;

        return new SourceItem(new RawDocument
        {
            Source = source,
            Id = id ?? $"{_fileName}#{lineNumber}",
            Url = OptionalString(record, "url"),
            ContentType = FileSourceRules.PlainTextType,
            CleanText = text,
            Title = OptionalString(record, "title"),
            Outlet = OptionalString(record, "outlet"),
            Published = OptionalString(record, "published"),
            Authors = Authors(record),
            Language = OptionalString(record, "language"),
        }, null);
    }

    /// <summary>Metadata is optional: a missing, null, blank or non-string value is simply unknown.</summary>
    private static string? OptionalString(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? NonBlank(value.GetString()) : null;

    private static List<string> Authors(JsonElement record)
    {
        var authors = new List<string>();
        if (!record.TryGetProperty("authors", out var value))
        {
            return authors;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            if (NonBlank(value.GetString()) is { } single)
            {
                authors.Add(single);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && NonBlank(item.GetString()) is { } author)
                {
                    authors.Add(author);
                }
            }
        }

        return authors;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static SourceItem Reject(string source, string reason, string detail) =>
        new(null, new Rejection { Source = source, Reason = reason, Detail = detail });
}
