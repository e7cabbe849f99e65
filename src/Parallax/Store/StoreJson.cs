using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Model;

namespace Parallax.Store;

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<DiffRun>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

/// <summary>The JSON held in list columns: compact, snake_case like the report, non-ASCII kept readable.</summary>
internal static class StoreJson
{
    private static readonly StoreJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    internal static string Write(IReadOnlyList<string>? list) =>
        list is null || list.Count == 0 ? "[]" : JsonSerializer.Serialize(list, Context.IReadOnlyListString);

    internal static string Write(IReadOnlyList<DiffRun>? runs) =>
        runs is null || runs.Count == 0 ? "[]" : JsonSerializer.Serialize(runs, Context.IReadOnlyListDiffRun);

    internal static IReadOnlyList<string> ReadStrings(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, Context.IReadOnlyListString) ?? [];

    internal static IReadOnlyList<DiffRun> ReadDiff(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, Context.IReadOnlyListDiffRun) ?? [];
}
