using System.Collections.Frozen;

namespace Parallax.Dedup;

/// <summary>
/// Compatibility folds applied in place of Unicode NFKC: the library runs with InvariantGlobalization, where
/// <see cref="string.Normalize(System.Text.NormalizationForm)"/> is a no-op. These are the NFKC mappings that
/// actually occur in scraped news text (fullwidth forms, odd spaces, ligatures, ellipsis, superscript digits).
/// </summary>
internal static class DedupRules
{
    /// <summary>Fullwidth ASCII block U+FF01..U+FF5E maps to U+0021..U+007E by a fixed offset.</summary>
    public const char FullwidthFirst = '\uFF01';

    public const char FullwidthLast = '\uFF5E';

    public const int FullwidthOffset = 0xFF01 - 0x21;

    public static readonly FrozenDictionary<char, string> Folds = new Dictionary<char, string>
    {
        ['\u00A0'] = " ", // no-break space
        ['\u2002'] = " ",
        ['\u2003'] = " ",
        ['\u2004'] = " ",
        ['\u2005'] = " ",
        ['\u2006'] = " ",
        ['\u2007'] = " ",
        ['\u2008'] = " ",
        ['\u2009'] = " ", // thin space
        ['\u200A'] = " ",
        ['\u202F'] = " ", // narrow no-break space
        ['\u205F'] = " ",
        ['\u3000'] = " ", // ideographic space
        ['\u2024'] = ".",
        ['\u2026'] = "...", // ellipsis
        ['\uFB00'] = "ff",
        ['\uFB01'] = "fi",
        ['\uFB02'] = "fl",
        ['\uFB03'] = "ffi",
        ['\uFB04'] = "ffl",
        ['\uFB05'] = "st",
        ['\uFB06'] = "st",
        ['\u00B2'] = "2",
        ['\u00B3'] = "3",
        ['\u00B9'] = "1",
        ['\u2070'] = "0",
        ['\u2074'] = "4",
        ['\u2075'] = "5",
        ['\u2076'] = "6",
        ['\u2077'] = "7",
        ['\u2078'] = "8",
        ['\u2079'] = "9",
        ['\u2122'] = "TM",
        ['\u2160'] = "I",
        ['\u2161'] = "II",
        ['\u2162'] = "III",
    }.ToFrozenDictionary();

    /// <summary>
    /// Base letters of U+00C0..U+00FF, so that precomposed "é" and decomposed "e" + U+0301 (NFC vs NFD, which
    /// <c>string.Normalize</c> cannot fold under InvariantGlobalization) hash alike; combining marks are skipped.
    /// A space marks a character that is not a letter (× and ÷); ß, æ, þ, ð keep their own letter.
    /// </summary>
    public const string Latin1Bases = "aaaaaaæceeeeiiiiðnooooo ouuuuyþßaaaaaaæceeeeiiiiðnooooo ouuuuyþy";

    public const char Latin1First = '\u00C0';

    /// <summary>Combining diacritical marks: dropped inside words (NFD text).</summary>
    public const char CombiningFirst = '\u0300';

    public const char CombiningLast = '\u036F';
}

/// <summary>URL parts that name the same page in different clothes: tracking parameters, AMP and mobile variants.</summary>
internal static class UrlRules
{
    /// <summary>Query parameters that only say how a reader arrived (campaigns, click ids, share buttons). Lowercase; any
    /// parameter starting with <c>utm_</c> is dropped as well.</summary>
    public static readonly FrozenSet<string> TrackingParameters = new[]
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
        "mkt_tok", "ocid", "cmpid", "cmp", "smid", "smtyp", "sr_share", "share", "shared", "ref", "ref_src", "ref_url", "referrer", "src",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ito", "ns_mchannel", "ns_source", "ns_campaign",
        "ns_linkname", "ns_fee", "icid", "int_cmp", "intcmp", "xtor", "wt.mc_id", "wt_mc", "s_cid", "soc_src", "soc_trk", "spm",
        "guccounter", "guce_referrer", "guce_referrer_sig", "mbid", "ncid",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Values of <c>outputType</c>/<c>output</c> that select an AMP rendering (other values may select a different page).</summary>
    public static readonly FrozenSet<string> AmpValues = new[] { "amp", "1", "true", "" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Host prefixes of mobile and AMP mirrors of the main site.</summary>
    public static readonly string[] MirrorHostPrefixes = ["www.", "m.", "mobile.", "amp.", "www1.", "www2."];

    /// <summary>Path segments that select an AMP rendering of the page they follow or precede.</summary>
    public static readonly FrozenSet<string> AmpSegments = new[] { "amp", "amp.html" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Google's AMP cache serves <c>https://{host-with-dashes}.cdn.ampproject.org/c/s/{host}/{path}</c>.</summary>
    public const string AmpCacheHostSuffix = ".cdn.ampproject.org";

    /// <summary>Directory index file names that servers map to the folder itself.</summary>
    public static readonly FrozenSet<string> IndexFiles = new[] { "index.html", "index.htm", "index.php", "default.aspx", "index.shtml" }
        .ToFrozenSet(StringComparer.Ordinal);
}
