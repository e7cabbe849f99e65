using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Ingest;

/// <summary>Namespaces, time-zone names and patterns that feed parsing relies on: data, kept apart from the parser.</summary>
internal static partial class FeedRules
{
    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";
    internal const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    internal const string Rss10Namespace = "http://purl.org/rss/1.0/";
    internal const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    internal const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// Shortest text (after stripping markup) for a feed's content to count as the article itself. Teasers in
    /// content:encoded run to a paragraph (one or two sentences, under ~400 characters in the feeds we looked at);
    /// the shortest real news briefs run to several paragraphs. 800 characters sits between the two.
    /// </summary>
    internal const int FullContentMinChars = 800;

    /// <summary>
    /// What separates a site's name from the rest of a feed title: "Harbor Ledger - Business", "Eastline News | Energy",
    /// "The Northgate Times: World". Spaced, so hyphenated names ("Al-Ahram") stay whole.
    /// </summary>
    private static readonly string[] ChannelTitleSeparators = [" - ", " | ", " – ", " — ", ": ", " :: ", " » "];

    /// <summary>A feed's channel title cut to the outlet's name: its part before the first separator; null when blank.</summary>
    internal static string? OutletName(string? channelTitle)
    {
        if (string.IsNullOrWhiteSpace(channelTitle))
        {
            return null;
        }

        var name = channelTitle.AsSpan().Trim();
        foreach (var separator in ChannelTitleSeparators)
        {
            var at = name.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                name = name[..at].TrimEnd();
            }
        }

        return name.IsEmpty ? null : name.ToString();
    }

    /// <summary>Media types a page declares for its feeds in <c>&lt;link rel="alternate"&gt;</c>.</summary>
    internal static readonly FrozenSet<string> FeedMediaTypes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml", "text/xml", "application/xml");

    /// <summary>
    /// RFC 822 zone names and the North American abbreviations RFC 822 allows, plus the few others feeds use
    /// (CET, BST, IST...). Ambiguous abbreviations take their most common meaning in English-language news feeds.
    /// </summary>
    internal static readonly FrozenDictionary<string, TimeSpan> ZoneOffsets = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["AKST"] = TimeSpan.FromHours(-9), ["AKDT"] = TimeSpan.FromHours(-8),
        ["HST"] = TimeSpan.FromHours(-10),
        ["WET"] = TimeSpan.Zero, ["WEST"] = TimeSpan.FromHours(1),
        ["BST"] = TimeSpan.FromHours(1), ["IST"] = TimeSpan.FromHours(5.5),
        ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2), ["MET"] = TimeSpan.FromHours(1), ["MEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3),
        ["MSK"] = TimeSpan.FromHours(3), ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9),
        ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11), ["NZST"] = TimeSpan.FromHours(12), ["NZDT"] = TimeSpan.FromHours(13),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    internal static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// HTML named entities feeds leave in XML unescaped (they are not XML entities). Only the frequent ones: the
    /// repair pass is a fallback for broken feeds, not an HTML entity table.
    /// </summary>
    internal static readonly FrozenDictionary<string, string> HtmlEntities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nbsp"] = "&#160;", ["ndash"] = "&#8211;", ["mdash"] = "&#8212;", ["hellip"] = "&#8230;",
        ["lsquo"] = "&#8216;", ["rsquo"] = "&#8217;", ["ldquo"] = "&#8220;", ["rdquo"] = "&#8221;",
        ["laquo"] = "&#171;", ["raquo"] = "&#187;", ["copy"] = "&#169;", ["reg"] = "&#174;", ["trade"] = "&#8482;",
        ["eacute"] = "&#233;", ["egrave"] = "&#232;", ["agrave"] = "&#224;", ["ccedil"] = "&#231;", ["uuml"] = "&#252;",
        ["ouml"] = "&#246;", ["auml"] = "&#228;", ["szlig"] = "&#223;", ["euro"] = "&#8364;", ["pound"] = "&#163;",
        ["middot"] = "&#183;", ["bull"] = "&#8226;", ["deg"] = "&#176;",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>An ampersand and what follows it up to a semicolon, if that looks like an entity reference.</summary>
    [GeneratedRegex(@"&(?:(?<name>[A-Za-z][A-Za-z0-9]{1,31});|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)?", RegexOptions.CultureInvariant)]
    internal static partial Regex Ampersand();

    /// <summary>Inline elements: removing their tags must not split a word from its punctuation ("<i>teaser</i>.").</summary>
    internal static readonly FrozenSet<string> InlineTags = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u");

    /// <summary>Markup tags in text content, for turning an HTML description into plain text.</summary>
    [GeneratedRegex(@"<\s*/?\s*(?<name>[A-Za-z][A-Za-z0-9]*)?[^>]{0,2000}>", RegexOptions.CultureInvariant)]
    internal static partial Regex Tag();
}
