using Parallax.Text;
using System.Text.Json;
using AngleSharp.Dom;

namespace Parallax.Extract;

/// <summary>What a page says about itself: title candidates, authors, dates, outlet, URL, language, types.</summary>
internal sealed class HtmlMetadata
{
    public string? Title;
    public string? OgTitle;
    public string? DocTitle;
    public string? H1;
    public List<string> Authors = [];
    public string? Published;
    public string? PublishedSource;
    public string? Outlet;

    /// <summary>Keeps the first date found, with where it was found.</summary>
    public void Date(string? date, string source)
    {
        if (Published is null && date is not null)
        {
            Published = date;
            PublishedSource = source;
        }
    }

    public string? Url;
    public string? Language;
    public string? OgType;
    public string? JsonLdBody;
    public HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads page metadata, each field from the most reliable source present: JSON-LD, then OpenGraph and
/// <c>&lt;meta&gt;</c>, then <c>&lt;time&gt;</c> and byline elements.
/// </summary>
internal static class HtmlMetadataReader
{
    public static HtmlMetadata Read(IDocument document)
    {
        var meta = new HtmlMetadata();
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (script.GetAttribute("type")?.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) == true)
            {
                ReadJsonLd(script.TextContent, meta);
            }
        }

        string? Meta(string attribute, string name)
        {
            foreach (var m in document.QuerySelectorAll("meta[" + attribute + "]"))
            {
                if (string.Equals(m.GetAttribute(attribute)?.Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    var content = m.GetAttribute("content")?.Trim();
                    if (!string.IsNullOrEmpty(content))
                    {
                        return content;
                    }
                }
            }

            return null;
        }

        meta.OgTitle = Meta("property", "og:title") ?? Meta("name", "og:title") ?? Meta("name", "twitter:title");
        meta.Outlet ??= Meta("property", "og:site_name") ?? Meta("name", "application-name");
        meta.OgType = Meta("property", "og:type");
        meta.Date(DateParser.NormalizeMetadata(
            Meta("property", "article:published_time") ?? Meta("name", "article:published_time") ?? Meta("itemprop", "datePublished")
            ?? Meta("name", "pubdate") ?? Meta("name", "publishdate") ?? Meta("name", "date") ?? Meta("name", "dc.date")
            ?? Meta("name", "dc.date.issued") ?? Meta("name", "sailthru.date") ?? Meta("name", "parsely-pub-date")), Model.DateSources.Meta);
        if (meta.Published is null)
        {
            var time = document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]");
            meta.Date(DateParser.NormalizeMetadata(time?.GetAttribute("datetime")), Model.DateSources.TimeElement);
        }

        if (meta.Authors.Count == 0)
        {
            var author = Meta("name", "author") ?? Meta("property", "article:author") ?? Meta("name", "parsely-author") ?? Meta("name", "dc.creator");
            if (author is not null && !author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var name in PlainTextExtractor.SplitNames(StripBy(author)))
                {
                    PlainTextExtractor.AddDistinct(meta.Authors, name);
                }
            }
        }

        if (meta.Authors.Count == 0)
        {
            ReadBylineElements(document, meta);
        }

        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        meta.Url ??= AbsoluteHttp(canonical) ?? AbsoluteHttp(Meta("property", "og:url"));

        var lang = document.DocumentElement?.GetAttribute("lang") ?? Meta("http-equiv", "content-language") ?? Meta("property", "og:locale");
        meta.Language = NormalizeLanguage(lang);

        meta.DocTitle = document.QuerySelector("title")?.TextContent is { } t ? Whitespace.CollapseHtml(t) : null;
        var h1 = document.QuerySelector("article h1") ?? document.QuerySelector("h1");
        meta.H1 = h1 is null ? null : Whitespace.CollapseHtml(h1.TextContent);
        return meta;
    }

    private static void ReadBylineElements(IDocument document, HtmlMetadata meta)
    {
        foreach (var element in document.QuerySelectorAll("[rel=author], [itemprop=author], [class*=author], [class*=byline]"))
        {
            var text = Whitespace.CollapseHtml(element.TextContent);
            if (text.Length is < 3 or > 80 || PlainTextExtractor.CountWords(text) > 10)
            {
                continue;
            }

            text = StripBy(text);
            if (text.Length > 2)
            {
                foreach (var name in PlainTextExtractor.SplitNames(text))
                {
                    PlainTextExtractor.AddDistinct(meta.Authors, name);
                }

                return;
            }
        }
    }

    private static string StripBy(string s)
    {
        var m = ExtractRules.BylineLine().Match(s.Trim());
        return m.Success ? m.Groups["who"].Value.Trim() : s.Trim();
    }

    private static void ReadJsonLd(string json, HtmlMetadata meta)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var pending = new Stack<JsonElement>();
            pending.Push(doc.RootElement);
            var visited = 0;
            while (pending.Count > 0 && visited++ < 1000)
            {
                var node = pending.Pop();
                if (node.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in node.EnumerateArray())
                    {
                        pending.Push(item);
                    }

                    continue;
                }

                if (node.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (node.TryGetProperty("@graph", out var graph))
                {
                    pending.Push(graph);
                }

                if (node.TryGetProperty("mainEntity", out var main))
                {
                    pending.Push(main);
                }

                var isArticle = false;
                foreach (var type in Strings(node, "@type"))
                {
                    meta.Types.Add(type);
                    isArticle |= ExtractRules.ArticleTypes.Contains(type);
                }

                if (isArticle)
                {
                    ReadJsonLdArticle(node, meta);
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the page's other metadata still counts.
        }
    }

    private static void ReadJsonLdArticle(JsonElement node, HtmlMetadata meta)
    {
        meta.Title ??= FirstString(node, "headline") ?? FirstString(node, "name");
        meta.Date(DateParser.NormalizeMetadata(FirstString(node, "datePublished") ?? FirstString(node, "dateCreated")), Model.DateSources.JsonLd);
        if (meta.Authors.Count == 0 && node.TryGetProperty("author", out var author))
        {
            foreach (var name in Names(author))
            {
                PlainTextExtractor.AddDistinct(meta.Authors, name);
            }
        }

        if (meta.Outlet is null && node.TryGetProperty("publisher", out var publisher))
        {
            foreach (var name in Names(publisher))
            {
                meta.Outlet = name;
                break;
            }
        }

        meta.Url ??= AbsoluteHttp(FirstString(node, "url")) ?? AbsoluteHttp(FirstString(node, "mainEntityOfPage"));
        meta.JsonLdBody ??= FirstString(node, "articleBody");
    }

    private static IEnumerable<string> Names(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = Whitespace.CollapseHtml(value.GetString() ?? string.Empty);
                if (s.Length > 0 && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    yield return s;
                }

                break;
            case JsonValueKind.Object:
                if (FirstString(value, "name") is { } name && Whitespace.CollapseHtml(name) is { Length: > 0 } n)
                {
                    yield return n;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var inner in Names(item))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                break;
        }
    }

    private static IEnumerable<string> Strings(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            yield return value.GetString() ?? string.Empty;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString() ?? string.Empty;
                }
            }
        }
    }

    private static string? FirstString(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            JsonValueKind.Object => FirstString(value, "@id") ?? FirstString(value, "url"),
            _ => null,
        };
    }

    private static string? AbsoluteHttp(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var u = url.Trim();
        return Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? u : null;
    }

    private static string? NormalizeLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return null;
        }

        var code = lang.Trim();
        var cut = code.IndexOfAny(['-', '_']);
        if (cut > 0)
        {
            code = code[..cut];
        }

        return code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) ? code.ToLowerInvariant() : null;
    }

    public static string? ChooseTitle(HtmlMetadata meta)
    {
        var title = meta.Title ?? meta.OgTitle ?? meta.H1 ?? meta.DocTitle;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = Whitespace.CollapseHtml(title);
        if (meta.Outlet is { Length: > 0 } site)
        {
            foreach (var sep in (string[])[" | ", " - ", " – ", " — ", " :: ", " » ", " · "])
            {
                var suffix = sep + site;
                if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
                {
                    return title[..^suffix.Length].Trim();
                }
            }
        }

        // Without a known site name only a pipe is safe to cut: a dash can be part of the headline.
        if (ReferenceEquals(title, meta.DocTitle) || title == meta.DocTitle)
        {
            var bar = title.LastIndexOf(" | ", StringComparison.Ordinal);
            if (bar >= 10 && PlainTextExtractor.CountWords(title[(bar + 3)..]) <= 5)
            {
                return title[..bar].Trim();
            }

            var m = ExtractRules.TitleSiteSuffix().Match(title);
            if (m.Success && meta.H1 is { } h1 && PlainTextExtractor.SameText(m.Groups["head"].Value, h1))
            {
                return m.Groups["head"].Value.Trim();
            }
        }

        return title;
    }
}
