using System.Collections.Frozen;

namespace Parallax.Extract.Html;

/// <summary>What the tree builder needs to know about an element name, from the HTML standard's parsing rules.</summary>
[Flags]
internal enum TagFlags
{
    None = 0,

    /// <summary>Never has content (<c>br</c>, <c>img</c>, <c>meta</c>).</summary>
    Void = 1 << 0,

    /// <summary>Its start tag closes an open <c>p</c> ("close a p element" in the standard's in-body rules).</summary>
    ClosesP = 1 << 1,

    /// <summary>The standard's "special" category: a generic end tag does not reach past it.</summary>
    Special = 1 << 2,

    /// <summary>Bounds the default element scope (<c>table</c>, <c>td</c>, <c>object</c>, ...).</summary>
    ScopeBoundary = 1 << 3,

    Heading = 1 << 4,

    /// <summary>Text up to the matching end tag is not markup (<c>script</c>, <c>style</c>, <c>xmp</c>, <c>iframe</c>).</summary>
    RawText = 1 << 5,

    /// <summary>As <see cref="RawText"/>, but character references are decoded (<c>title</c>, <c>textarea</c>).</summary>
    EscapableRawText = 1 << 6,

    /// <summary>Belongs in the head when it comes before the body starts.</summary>
    HeadContent = 1 << 7,

    /// <summary>Inline formatting (<c>b</c>, <c>a</c>, <c>font</c>): an end tag does not close block elements opened inside it.</summary>
    Formatting = 1 << 8,

    /// <summary>Ends a scope search by end tag (block containers: the end tag closes anything open inside, as far as a scope boundary).</summary>
    BlockEnd = 1 << 9,

    /// <summary>Table structure that is ignored outside a table.</summary>
    TablePart = 1 << 10,

    /// <summary>Starts foreign content (<c>svg</c>, <c>math</c>): self-closing tags count, no raw-text elements.</summary>
    Foreign = 1 << 11,

    /// <summary>An HTML element that, met inside foreign content, closes it (the standard's breakout list).</summary>
    BreaksForeign = 1 << 12,
}

/// <summary>
/// Interned lower-case element names and their <see cref="TagFlags"/>. Element names compare by reference after
/// interning, and the flags are read once per element instead of set lookups per question.
/// </summary>
internal static class HtmlTags
{
    private static readonly string[] VoidNames =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
    ];

    private static readonly string[] ClosesPNames =
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "hr", "table", "xmp", "plaintext",
        "li", "dd", "dt",
    ];

    private static readonly string[] SpecialNames =
    [
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "title", "tr", "track", "ul", "wbr", "xmp",
    ];

    private static readonly string[] ScopeBoundaryNames = ["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"];

    private static readonly string[] RawTextNames = ["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"];

    private static readonly string[] HeadContentNames = ["base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template", "title", "noscript"];

    private static readonly string[] FormattingNames = ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

    private static readonly string[] BlockEndNames =
    [
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search",
        "section", "summary", "ul", "form", "dd", "dt", "applet", "marquee", "object",
    ];

    private static readonly string[] TablePartNames = ["caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"];

    private static readonly string[] BreaksForeignNames =
    [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    ];

    /// <summary>Names the extractor and the usual page use, beyond the ones with flags: interning them avoids a string per element.</summary>
    private static readonly string[] OtherNames =
    [
        "span", "abbr", "bdi", "bdo", "cite", "data", "dfn", "kbd", "mark", "q", "samp", "sub", "sup", "time", "var", "label",
        "del", "ins", "picture", "video", "audio", "canvas", "svg", "math", "path", "g", "use", "symbol", "defs", "circle",
        "rect", "line", "polygon", "polyline", "ellipse", "figure", "option", "optgroup", "select", "rt", "rp", "ruby",
        "datalist", "output", "progress", "meter", "slot", "map", "legend", "image", "frameset", "noscript", "textarea", "title",
    ];

    public static readonly FrozenDictionary<string, TagFlags> Flags = Build();

    /// <summary>The interned name beside its flags, found by span.</summary>
    private static readonly FrozenDictionary<string, (string Name, TagFlags Flags)>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Flags.ToFrozenDictionary(kv => kv.Key, kv => (kv.Key, kv.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, TagFlags> Build()
    {
        var flags = new Dictionary<string, TagFlags>(StringComparer.Ordinal);
        void Mark(string[] names, TagFlags flag)
        {
            foreach (var n in names)
            {
                flags[n] = flags.GetValueOrDefault(n) | flag;
            }
        }

        Mark(OtherNames, TagFlags.None);
        Mark(VoidNames, TagFlags.Void);
        Mark(ClosesPNames, TagFlags.ClosesP);
        Mark(SpecialNames, TagFlags.Special);
        Mark(ScopeBoundaryNames, TagFlags.ScopeBoundary);
        Mark(["h1", "h2", "h3", "h4", "h5", "h6"], TagFlags.Heading);
        Mark(RawTextNames, TagFlags.RawText);
        Mark(["title", "textarea"], TagFlags.EscapableRawText);
        Mark(HeadContentNames, TagFlags.HeadContent);
        Mark(FormattingNames, TagFlags.Formatting);
        Mark(BlockEndNames, TagFlags.BlockEnd);
        Mark(TablePartNames, TagFlags.TablePart);
        Mark(["svg", "math"], TagFlags.Foreign);
        Mark(BreaksForeignNames, TagFlags.BreaksForeign);
        return flags.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The interned name and flags for a lower-case name, when it is a known one.</summary>
    public static bool TryGet(ReadOnlySpan<char> lowerName, out string name, out TagFlags flags)
    {
        var found = BySpan.TryGetValue(lowerName, out var entry);
        (name, flags) = found ? entry : (string.Empty, TagFlags.None);
        return found;
    }
}
