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
}
