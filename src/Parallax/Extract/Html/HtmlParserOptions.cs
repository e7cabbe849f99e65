using System.Collections.Frozen;

namespace Parallax.Extract.Html;

/// <summary>What <see cref="HtmlParser"/> keeps. The defaults keep everything a browser's DOM has, comments aside.</summary>
internal sealed record HtmlParserOptions
{
    /// <summary>
    /// Keep the text of <c>script</c> and <c>style</c> elements. Off for extraction: script text is most of the bytes of many
    /// pages. JSON-LD scripts (<c>type</c> naming <c>ld+json</c>) keep their text either way.
    /// </summary>
    public bool KeepScriptText { get; init; } = true;

    /// <summary>
    /// When set, only attributes named here (any case; the set must ignore case) are kept. Unused attributes
    /// (srcset, data-*, SVG path data) are a large share of a DOM's strings.
    /// </summary>
    public FrozenSet<string>? KeepAttributes { get; init; }

    /// <summary>
    /// Deepest nesting of open elements; elements opened deeper are kept but as siblings at this depth, so a hostile
    /// page cannot make later (recursive) code deep. Default well above <see cref="ExtractOptions.MaxDomDepth"/>, which
    /// the extractor checks on the built tree.
    /// </summary>
    public int MaxDepth { get; init; } = 4096;
}
