using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Compare;

/// <summary>Word lists for quote comparison. All lowercase.</summary>
internal static partial class CompareRules
{
    /// <summary>
    /// Where one clause hands over to another statement: a semicolon; "and" or "but" introducing a second reported
    /// clause ("..., and that she hoped ...", "... and said the union had ...", "... but he called the stoppage ...");
    /// from the samples' reported speech, where one sentence often carries two of a speaker's statements.
    /// </summary>
    [GeneratedRegex(@";\s*|,?\s+(?:and|but)\s+(?:that|said|says|added|called|urged|warned|insisted|accused|described|stressed|he|she|they|it|the)\s+|,\s+(?:but|while|and)\s+|\s+and\s+(?=(?:promised|pledged|vowed|agreed|announced|asked|offered|ruled|rejected)\b)|,\s+(?!(?:including|according|during|nothing|something|anything|everything)\b)(?=[a-z]+ing\s)|,\s+(?:(?:[a-z]+\s+){0,2}(?:days?|weeks?|hours?|months?)\s+)?after\s+", RegexOptions.CultureInvariant)]
    public static partial Regex ClauseBreak();

    /// <summary>
    /// A dateline opening an article's first sentence: the place in capitals, perhaps the agency, then a dash or colon
    /// ("KESSING (Meridian Wire) — ", "PORT ALDER: "). It names where the story was filed, not what happened, and its
    /// words would count as content shared with every other lead of the story.
    /// </summary>
    [GeneratedRegex(@"^\p{Lu}[\p{Lu}'\u2019.\- ]*\p{Lu}(?:\s*\([^)\n]{1,40}\))?\s*(?:\u2014|\u2013|:|--?)\s+", RegexOptions.CultureInvariant)]
    public static partial Regex Dateline();

    /// <summary>Function words: they are kept for the verbatim and LCS checks, but carry no content for paraphrase.</summary>
    public static readonly FrozenSet<string> Stopwords = new[]
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "onto", "about", "as", "than", "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "there", "here",
        "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
        "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "i", "we", "you", "he", "she", "they",
        "me", "us", "him", "her", "them", "my", "our", "your", "his", "their", "not", "no", "any", "all", "some", "such", "also",
        "very", "just", "only", "if", "then", "when", "while", "because", "since", "up", "out", "over", "under", "between",
        "against", "through", "within", "without", "other", "another", "each", "both", "own", "same", "more", "most", "much",
        "many", "said", "says", "say", "told", "tells", "added", "adding", "according", "reported",
        "least", "around", "roughly", "nearly", "almost", "approximately",
        "off", "after", "before", "during", "until", "via", "per", "across", "along", "among", "amid", "upon", "toward",
        "towards", "despite", "whether", "percent", "pct",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Capitalised words in speaker names and roles that do not identify anyone: titles, offices and generic nouns
    /// ("Foreign Ministry Spokeswoman Ana Sorel", "the Company"). Two attributions sharing only these are not the same
    /// speaker; from the samples' speaker table and the seeds.
    /// </summary>
    public static readonly FrozenSet<string> TitleWords = new[]
    {
        "mr", "mrs", "ms", "dr", "sir", "minister", "ministry", "foreign", "interior", "finance", "transport", "environment",
        "prime", "president", "vice", "deputy", "chief", "executive", "officer", "spokesman", "spokeswoman", "spokesperson",
        "secretary", "general", "governor", "mayor", "councillor", "senator", "chair", "chairman", "chairwoman", "head",
        "director", "inspector", "ambassador", "leader", "member", "official", "officials", "government", "company", "union",
        "agency", "authority", "council", "board", "department", "office", "national", "federal", "state", "city", "branch",
        "association", "federation", "alliance", "party", "group", "committee", "commission", "bank", "central", "he", "she",
        "they", "it", "we", "i", "his", "her", "its", "their", "a", "an", "the", "on", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Paraphrase pairs seen when outlets rework one statement (from the Iran–Russia seed articles and common news
    /// usage): each word maps to a canonical form. Keys are matched on the lowercased word and then on its light stem.
    /// A canonical form that is a stopword drops the word (light verbs such as "enjoy" standing for "have").
    /// </summary>
    public static readonly FrozenDictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ties"] = "relation",
        ["tie"] = "relation",
        ["relations"] = "relation",
        ["relationship"] = "relation",
        ["mutual"] = "common",
        ["shared"] = "common",
        ["joint"] = "common",
        ["exporting"] = "export",
        ["exports"] = "export",
        ["exported"] = "export",
        ["arms"] = "weapon",
        ["weapons"] = "weapon",
        ["weaponry"] = "weapon",
        ["russian"] = "russia",
        ["russians"] = "russia",
        ["iranian"] = "iran",
        ["iranians"] = "iran",
        ["american"] = "us",
        ["u.s."] = "us",
        ["usa"] = "us",
        ["british"] = "uk",
        ["u.k."] = "uk",
        ["chinese"] = "china",
        ["ukrainian"] = "ukraine",
        ["tens"] = "dozen",
        ["dozens"] = "dozen",
        ["conflict"] = "war",
        ["warfare"] = "war",
        ["states"] = "country",
        ["state"] = "country",
        ["nations"] = "country",
        ["nation"] = "country",
        ["countries"] = "country",
        ["enjoy"] = "have",
        ["possess"] = "have",
        ["military"] = "military",
        ["defence"] = "defense",
        ["aid"] = "help",
        ["assist"] = "help",
        ["assistance"] = "help",
        ["helping"] = "help",
        ["kill"] = "kill",
        ["killed"] = "kill",
        ["dead"] = "kill",
        ["died"] = "kill",
        ["big"] = "great",
        ["large"] = "great",
        ["huge"] = "great",
        ["begin"] = "start",
        ["began"] = "start",
        ["commence"] = "start",
        ["end"] = "end",
        ["finish"] = "end",
        ["stop"] = "end",
        ["talks"] = "negotiation",
        ["negotiations"] = "negotiation",
        ["accord"] = "agreement",
        ["hostile"] = "against",
        ["prior"] = "before",
        ["eruption"] = "start",
        ["outbreak"] = "start",
        ["economic"] = "economy",
        ["industrial"] = "industry",
        ["commercial"] = "commerce",
        ["financial"] = "finance",
        ["deal"] = "agreement",
        ["pact"] = "agreement",

        // Wordings the samples' outlets use for one event (labour, markets, accidents): common news usage, one
        // canonical term per family.
        ["walkout"] = "strike",
        ["stoppage"] = "strike",
        ["vessel"] = "ship",
        ["vessels"] = "ship",
        ["carrier"] = "ship",
        ["carriers"] = "ship",
        ["employee"] = "worker",
        ["employees"] = "worker",
        ["staff"] = "worker",
        ["hurt"] = "injure",
        ["injured"] = "injure",
        ["injuring"] = "injure",
        ["injuries"] = "injure",
        ["harm"] = "injure",
        ["harmful"] = "injure",
        ["apologise"] = "sorry",
        ["apologised"] = "sorry",
        ["apologize"] = "sorry",
        ["apologized"] = "sorry",
        ["apology"] = "sorry",
        ["fell"] = "fall",
        ["falling"] = "fall",
        ["dropped"] = "fall",
        ["slowed"] = "fall",
        ["eased"] = "fall",
        ["declined"] = "fall",
        ["rose"] = "rise",
        ["rising"] = "rise",
        ["increase"] = "rise",
        ["increased"] = "rise",
        ["expand"] = "rise",
        ["expanding"] = "rise",
        ["expanded"] = "rise",
        ["grow"] = "rise",
        ["growing"] = "rise",
        ["grew"] = "rise",
        ["area"] = "field",
        ["areas"] = "field",
        ["sector"] = "field",
        ["sectors"] = "field",
        ["legislate"] = "law",
        ["legislation"] = "law",
        ["collapsed"] = "fail",
        ["collapse"] = "fail",
        ["snapped"] = "fail",
        ["failed"] = "fail",
        ["inquiry"] = "investigation",
        ["probe"] = "investigation",
        ["examine"] = "inspect",
        ["examined"] = "inspect",
        ["examining"] = "inspect",
        ["inspection"] = "inspect",
        ["inspections"] = "inspect",
        ["inspected"] = "inspect",
        ["checked"] = "inspect",
        ["unchanged"] = "hold",
        ["held"] = "hold",
        ["kept"] = "hold",
        ["reduction"] = "cut",
        ["dissent"] = "dissenter",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
        ["eleven"] = "11",
        ["twelve"] = "12",
        ["twenty"] = "20",
        ["thirty"] = "30",
        ["forty"] = "40",
        ["fifty"] = "50",
        ["sixty"] = "60",
        ["seventy"] = "70",
        ["eighty"] = "80",
        ["ninety"] = "90",
        ["hundred"] = "100",

        // Units and their abbreviations, and words that restate one fact in other words (common news usage: a factory
        // is a plant, a spill a leak, a fare hike a rise); one canonical term per family, stemmed like any word.
        ["km"] = "kilometre",
        ["kilometer"] = "kilometre",
        ["kilometers"] = "kilometre",
        ["factory"] = "plant",
        ["factories"] = "plant",
        ["spill"] = "leak",
        ["spilled"] = "leak",
        ["spilt"] = "leak",
        ["leaked"] = "leak",
        ["hike"] = "rise",
        ["hikes"] = "rise",
        ["raise"] = "rise",
        ["raised"] = "rise",
        ["alter"] = "change",
        ["altered"] = "change",
        ["continue"] = "remain",
        ["continues"] = "remain",
        ["children"] = "child",
        ["fertilizer"] = "fertiliser",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
