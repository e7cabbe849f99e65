using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parallax.Model;

/// <summary>Serialisation of the contract: snake_case, nulls written, never omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(Speaker))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Alignment))]
[JsonSerializable(typeof(Rejection))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

public static class ReportJson
{
    private static readonly JsonSerializerOptions Indented = new(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly JsonSerializerOptions Compact = new(Indented) { WriteIndented = false };

    private static readonly ReportJsonContext IndentedContext = new(Indented);
    private static readonly ReportJsonContext CompactContext = new(Compact);

    public static string Serialize(Report report) => JsonSerializer.Serialize(report, IndentedContext.Report);

    public static Report? DeserializeReport(string json) => JsonSerializer.Deserialize(json, IndentedContext.Report);

    /// <summary>One article on one line, for JSONL output.</summary>
    public static string SerializeLine(Article article) => JsonSerializer.Serialize(article, CompactContext.Article);

    public static string SerializeLine(Quote quote) => JsonSerializer.Serialize(quote, CompactContext.Quote);

    public static string SerializeLine(Story story) => JsonSerializer.Serialize(story, CompactContext.Story);

    public static string SerializeLine(Speaker speaker) => JsonSerializer.Serialize(speaker, CompactContext.Speaker);

    public static string SerializeLine(Alignment alignment) => JsonSerializer.Serialize(alignment, CompactContext.Alignment);

    public static string SerializeLine(Rejection rejection) => JsonSerializer.Serialize(rejection, CompactContext.Rejection);
}
