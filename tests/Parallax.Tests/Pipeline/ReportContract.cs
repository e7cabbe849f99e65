using System.Text.Json;

namespace Parallax.Tests.Pipeline;

/// <summary>
/// Checks a JSON report against <c>spec/report-json.md</c>: every field present with its type, nulls never
/// replaced by empty strings, and offsets that cut exactly the quoted text out of the body.
/// </summary>
internal static class ReportContract
{
    private enum T { String, NullableString, Int, NullableInt, Number, StringList, Array }

    private static readonly Dictionary<string, (string Field, T Type)[]> Shapes = new()
    {
        ["articles"] =
        [
            ("id", T.String), ("source", T.String), ("url", T.NullableString), ("outlet", T.NullableString), ("title", T.NullableString),
            ("authors", T.StringList), ("published", T.NullableString), ("language", T.NullableString), ("kind", T.String), ("body", T.String),
            ("duplicate_of", T.NullableString), ("story", T.NullableString),
        ],
        ["stories"] =
        [
            ("id", T.String), ("title", T.NullableString), ("articles", T.StringList), ("outlets", T.StringList),
            ("first_published", T.NullableString), ("last_published", T.NullableString),
        ],
        ["speakers"] = [("id", T.String), ("name", T.String), ("aliases", T.StringList), ("roles", T.StringList), ("kind", T.String)],
        ["quotes"] =
        [
            ("id", T.String), ("article", T.String), ("speaker", T.NullableString), ("speaker_mention", T.NullableString),
            ("speaker_start", T.NullableInt), ("speaker_end", T.NullableInt), ("cue", T.NullableString), ("kind", T.String),
            ("text", T.String), ("start", T.Int), ("end", T.Int), ("via", T.StringList),
        ],
        ["alignments"] = [("story", T.String), ("a", T.String), ("b", T.String), ("relation", T.String), ("score", T.Number), ("diff", T.Array)],
        ["rejected"] = [("source", T.String), ("reason", T.String)],
    };

    /// <summary>Returns every violation found; an empty list means the report keeps the contract.</summary>
    public static List<string> Violations(JsonElement root)
    {
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ["report is not an object"];
        }

        if (!root.TryGetProperty("parallax", out var version) || version.ValueKind != JsonValueKind.String)
        {
            errors.Add("parallax: missing or not a string");
        }

        foreach (var (list, fields) in Shapes)
        {
            if (!root.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{list}: missing or not an array");
                continue;
            }

            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                foreach (var (field, type) in fields)
                {
                    if (!item.TryGetProperty(field, out var value))
                    {
                        errors.Add($"{list}[{i}].{field}: missing");
                    }
                    else if (!Fits(value, type))
                    {
                        errors.Add($"{list}[{i}].{field}: {value.ValueKind} is not {type}");
                    }
                }

                i++;
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        CheckValues(root, errors);
        return errors;
    }

    private static void CheckValues(JsonElement root, List<string> errors)
    {
        var bodies = root.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("body").GetString()!);
        var kinds = new HashSet<string> { "article", "listing", "forum", "product", "other" };
        foreach (var article in root.GetProperty("articles").EnumerateArray())
        {
            if (!kinds.Contains(article.GetProperty("kind").GetString()!))
            {
                errors.Add($"article {article.GetProperty("id")}: unknown kind");
            }

            foreach (var field in new[] { "url", "outlet", "title", "published", "language" })
            {
                if (article.GetProperty(field).ValueKind == JsonValueKind.String && article.GetProperty(field).GetString()!.Length == 0)
                {
                    errors.Add($"article {article.GetProperty("id")}.{field}: empty string instead of null");
                }
            }
        }

        var quoteIds = new HashSet<string>();
        var speakers = root.GetProperty("speakers").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToHashSet();
        foreach (var quote in root.GetProperty("quotes").EnumerateArray())
        {
            var id = quote.GetProperty("id").GetString()!;
            if (!quoteIds.Add(id))
            {
                errors.Add($"quote {id}: id not unique");
            }

            if (!bodies.TryGetValue(quote.GetProperty("article").GetString()!, out var body))
            {
                errors.Add($"quote {id}: unknown article");
                continue;
            }

            var (start, end) = (quote.GetProperty("start").GetInt32(), quote.GetProperty("end").GetInt32());
            if (start < 0 || end > body.Length || start >= end || body[start..end] != quote.GetProperty("text").GetString())
            {
                errors.Add($"quote {id}: text != body[{start}:{end}]");
            }

            if (quote.GetProperty("speaker_start").ValueKind == JsonValueKind.Number)
            {
                var (s, e) = (quote.GetProperty("speaker_start").GetInt32(), quote.GetProperty("speaker_end").GetInt32());
                if (s < 0 || e > body.Length || s >= e || body[s..e] != quote.GetProperty("speaker_mention").GetString())
                {
                    errors.Add($"quote {id}: speaker_mention != body[{s}:{e}]");
                }
            }

            if (quote.GetProperty("speaker").GetString() is { } speaker && !speakers.Contains(speaker))
            {
                errors.Add($"quote {id}: speaker {speaker} not in speakers");
            }

            if (quote.GetProperty("kind").GetString() is not ("direct" or "mixed" or "indirect"))
            {
                errors.Add($"quote {id}: unknown kind");
            }
        }

        foreach (var alignment in root.GetProperty("alignments").EnumerateArray())
        {
            var score = alignment.GetProperty("score").GetDouble();
            if (score is < 0 or > 1 || alignment.GetProperty("relation").GetString() is not ("verbatim" or "near_verbatim" or "paraphrase"))
            {
                errors.Add($"alignment {alignment.GetProperty("a")}->{alignment.GetProperty("b")}: bad score or relation");
            }

            if (!quoteIds.Contains(alignment.GetProperty("a").GetString()!) || !quoteIds.Contains(alignment.GetProperty("b").GetString()!))
            {
                errors.Add($"alignment {alignment.GetProperty("a")}->{alignment.GetProperty("b")}: unknown quote");
            }

            foreach (var run in alignment.GetProperty("diff").EnumerateArray())
            {
                if (run.GetProperty("op").GetString() is not ("same" or "del" or "ins") || run.GetProperty("text").ValueKind != JsonValueKind.String)
                {
                    errors.Add("alignment diff: bad run");
                }
            }
        }
    }

    private static bool Fits(JsonElement value, T type) => type switch
    {
        T.String => value.ValueKind == JsonValueKind.String,
        T.NullableString => value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
        T.Int => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        T.NullableInt => value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _)),
        T.Number => value.ValueKind == JsonValueKind.Number,
        T.StringList => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String),
        T.Array => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };
}
