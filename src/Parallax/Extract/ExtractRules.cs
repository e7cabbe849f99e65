using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Extract;

/// <summary>
/// The heuristics of extraction kept as data: outlet names, teaser and share markers, boilerplate
/// class patterns, date shapes. Code in the extractors reads these; tuning happens here.
/// </summary>
internal static partial class ExtractRules
{
    /// <summary>
    /// Match timeout of every extraction regex: a guard against runaway backtracking, not a speed limit. It is
    /// wall-clock time, so a thread descheduled on a loaded machine counts too: 200 ms tripped once on wcxb-dev page
    /// 0104 at load average 20 on 2 cores and rejected a page that takes a few ms when quiet. The document's own
    /// budget (<see cref="ExtractOptions.TimeBudget"/>, 10 s) still bounds the whole extraction.
    /// </summary>
    internal const int RegexTimeoutMs = 2000;

    /// <summary>Whether <paramref name="text"/> holds any of <paramref name="marks"/>, ignoring case.</summary>
    /// <remarks>One vectorised multi-string search instead of an IndexOf per mark: it runs on every class name and link.</remarks>
    internal static bool ContainsAny(string text, SearchValues<string> marks) => text.AsSpan().ContainsAny(marks);

    /// <summary>
    /// Names of news outlets and agencies. A byline or a trailing credit that names one of these is
    /// a credit to the outlet, not to a person, so it also becomes the article's outlet.
    /// </summary>
    public static readonly FrozenSet<string> Outlets = new[]
    {
        "Al Mayadeen", "Al Mayadeen English", "Press TV", "PressTV", "Tasnim", "Tasnim News", "Tasnim News Agency",
        "IRNA", "Mehr", "Mehr News", "Mehr News Agency", "Fars", "Fars News", "Fars News Agency", "ISNA", "IRIB",
        "Tehran Times", "Kayhan", "Reuters", "AP", "Associated Press", "The Associated Press", "AFP",
        "Agence France-Presse", "Agence France Presse", "Sputnik", "Sputnik News", "Sputnik International", "TASS",
        "RIA Novosti", "RT", "Russia Today", "Interfax", "Xinhua", "CGTN", "Global Times", "China Daily",
        "Anadolu", "Anadolu Agency", "AA", "Al Jazeera", "Al Jazeera English", "Al Arabiya", "Asharq Al-Awsat",
        "The National", "Gulf News", "Khaleej Times", "Arab News", "Middle East Eye", "Middle East Monitor",
        "Times of Israel", "The Times of Israel", "Haaretz", "Jerusalem Post", "The Jerusalem Post", "Ynet",
        "BBC", "BBC News", "The Guardian", "Guardian", "The Independent", "The Telegraph", "Financial Times",
        "The Times", "Sky News", "The Economist", "CNN", "Fox News", "NBC News", "CBS News", "ABC News", "NPR",
        "The New York Times", "New York Times", "The Washington Post", "Washington Post", "Wall Street Journal",
        "The Wall Street Journal", "Bloomberg", "Politico", "Axios", "The Hill", "USA Today", "Los Angeles Times",
        "Newsweek", "Time", "Deutsche Welle", "DW", "dpa", "Der Spiegel", "France 24", "Le Monde", "Euronews",
        "EFE", "ANSA", "Kyodo", "Kyodo News", "Yonhap", "NHK", "PTI", "IANS", "ANI", "The Hindu", "Dawn",
        "Express Tribune", "The Express Tribune", "Daily Times", "The Nation", "Geo News", "Radio Pakistan",
        "APP", "Associated Press of Pakistan", "WAM", "SPA", "Saudi Press Agency", "KUNA", "QNA", "SANA",
        "MENA", "Petra", "Xinhua News Agency", "Voice of America", "VOA", "Radio Free Europe", "RFE/RL",
        "Press Trust of India", "Agencies", "Wires",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Last words that make a credit read as an organisation (<c>Al Mayadeen English</c>, <c>Tehran Times</c>).</summary>
    public static readonly FrozenSet<string> OutletSuffixes = new[]
    {
        "English", "News", "Times", "Post", "Agency", "Press", "Daily", "Tribune", "Herald", "Journal", "Gazette",
        "Telegraph", "Network", "TV", "Radio", "Media", "Observer", "Chronicle", "Wire", "Wires", "Agencies",
        "Monitor", "Review", "Express", "Mail", "Today", "Online",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a parenthesised credit at the end of an article a desk credit: <c>(Int’l Monitoring Desk)</c>.</summary>
    public static readonly FrozenSet<string> DeskWords = new[]
    {
        "Desk", "Agencies", "Agency", "Bureau", "Staff", "Correspondent", "Monitoring", "Wires", "Newsroom",
        "Reporter", "Report", "Web", "News",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A line that is only one of these opens a teaser block: it and everything after are not body.</summary>
    public static readonly FrozenSet<string> TeaserMarkers = new[]
    {
        "Check Also", "Read more", "Read More", "Also read", "Read also", "Related", "Related articles",
        "Related posts", "Related news", "Related stories", "Related content", "Related coverage", "See also",
        "More from", "More stories", "More news", "You may also like", "You might also like", "Recommended",
        "Recommended for you", "Most read", "Most popular", "Trending", "Trending now", "Latest news",
        "Latest", "Don't miss", "Also on", "Editor's picks", "Top stories", "Next article", "Previous article",
        "Comments", "Leave a comment", "Leave a reply", "Leave a Reply",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RecommendationPhraseList =
    [
        "also viewed", "also bought", "also purchased", "also like", "also love", "also enjoy", "similar items", "similar products",
        "recently viewed", "related products", "related items", "frequently bought", "complete the look", "customers who",
        "more from this seller", "seller's other items", "sponsored items", "you may be interested",
    ];

    /// <summary>Phrases of a heading that opens a block of recommended items (shop carousels, "also viewed"), not the page's own content.</summary>
    public static readonly SearchValues<string> RecommendationPhrases = SearchValues.Create(RecommendationPhraseList, StringComparison.OrdinalIgnoreCase);

    /// <summary>Names of share buttons; a line made only of these is a share bar.</summary>
    public static readonly FrozenSet<string> ShareWords = new[]
    {
        "share", "facebook", "twitter", "x", "whatsapp", "telegram", "email", "e-mail", "print", "linkedin",
        "reddit", "pinterest", "tumblr", "vk", "messenger", "copy", "link", "sms", "viber", "mail", "tweet",
        "pocket", "flipboard", "this", "on", "via", "google", "skype", "line", "|", "·", "•", "-",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Months in English, full and abbreviated, to their number.</summary>
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4,
        ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11,
        ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every attribute the extractor and the metadata reader look at; the parser drops the rest (srcset, data-*,
    /// SVG path data, event handlers). <c>type</c>, <c>charset</c> and <c>http-equiv</c> also serve the parser itself.
    /// </summary>
    public static readonly FrozenSet<string> ReadAttributes = new[]
    {
        "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "itemscope", "itemtype", "content", "name",
        "property", "http-equiv", "charset", "datetime", "pubdate", "href", "rel", "lang", "type", "value",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that never hold article text.</summary>
    public static readonly FrozenSet<string> NonContentTags = new[]
    {
        "script", "style", "noscript", "iframe", "svg", "button", "figcaption", "template", "select", "textarea",
        "input", "object", "embed", "canvas",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Page furniture by tag; removed unless they wrap most of the page (a whole page inside &lt;form&gt; or &lt;header&gt;).</summary>
    public static readonly FrozenSet<string> StructuralBoilerplateTags = new[]
    {
        "nav", "header", "footer", "aside", "form", "dialog", "menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// WordPress post_class tokens (<c>tag-car-rental</c>, <c>category-social-media</c>) name the post's topics, not
    /// page parts; they are skipped only on elements carrying post_class's signature (<c>hentry</c>, <c>type-post</c>).
    /// </summary>
    public static readonly string[] TaxonomyClassPrefixes = ["tag-", "category-"];

    public static readonly string[] PostClassSignature = ["hentry", "type-post", "type-page", "status-publish"];

    /// <summary>Elements whose text becomes one paragraph of the body.</summary>
    public static readonly FrozenSet<string> ParagraphTags = new[]
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> HeadingTags = new[] { "h1", "h2", "h3", "h4", "h5", "h6" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parts of a class or id (split at space, dash, underscore) that mark boilerplate when a part starts with one.</summary>
    public static readonly string[] BoilerplatePrefixes =
    [
        "menu", "nav", "share", "sharing", "social", "cookie", "banner", "comment", "related", "promo", "newsletter",
        "subscri", "sidebar", "footer", "breadcrumb", "advert", "teaser", "popup", "modal", "sponsor", "outbrain",
        "taboola", "disqus", "gdpr", "consent", "paywall", "signup", "masthead", "toolbar", "pagination",
        "pager", "recommend", "trending", "mostread", "most-read", "readmore", "read-more", "skip", "byline",
    ];

    public static readonly FrozenSet<string> BoilerplatePrefixSet = BoilerplatePrefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The distinct lengths of <see cref="BoilerplatePrefixes"/>: a part is looked up once per length, not compared with every prefix.</summary>
    public static readonly int[] BoilerplatePrefixLengths = [.. BoilerplatePrefixes.Select(p => p.Length).Distinct().Order()];

    /// <summary>Whole class/id tokens that mark boilerplate (<c>meta</c>, <c>more</c>); as parts of longer names they are too common.</summary>
    public static readonly FrozenSet<string> BoilerplateWholeTokens = new[]
    {
        "ad", "ads", "adv", "tags", "tag", "tagcloud", "keywords", "author-box", "meta", "more", "rail",
        "hidden", "sr-only", "print-only", "login", "search", "dropdown", "overlay", "alert", "subnav", "topics",
        "copyright", "legal", "submenu", "has-submenu", "megamenu", "flyout", "signature", "visually-hidden", "popover",
        "postprofile", "userinfo", "user-info", "user-details", "author-info",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parts between dashes that mark boilerplate (<c>ad-slot</c>, <c>post-tags</c>, not <c>address</c>). Wider lists cost 2 points of WCXB article F1.</summary>
    public static readonly FrozenSet<string> BoilerplateParts = new[] { "ad", "ads", "adv", "tag", "tags" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>JSON-LD types that say the page is an article.</summary>
    public static readonly FrozenSet<string> ArticleTypes = new[]
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "Blog",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> ProductTypes = new[] { "Product", "ProductGroup", "IndividualProduct", "ProductModel", "Offer", "AggregateOffer" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> ForumTypes = new[] { "DiscussionForumPosting", "QAPage", "Question", "Comment" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> ListingTypes = new[] { "CollectionPage", "ItemList", "SearchResultsPage" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Class/id fragments used by forum software.</summary>
    public static readonly SearchValues<string> ForumMarkers = SearchValues.Create(["forum", "thread", "phpbb", "vbulletin", "xenforo", "discourse", "topic-post", "postbody", "post-reply", "message-body"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Boilerplate prefixes that name the posts themselves on a thread page (<c>comment-724096_wrap</c>).</summary>
    public static readonly FrozenSet<string> ForumPostPrefixes = new[] { "comment" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// URL paths of forum software and Q&amp;A sites (Discourse <c>/t/</c>, Invision <c>index.php?/topic/</c>, phpBB
    /// <c>viewtopic</c>, vBulletin <c>showthread</c>, Reddit <c>/comments/</c>). On WCXB dev it matches 97 of 113 forum
    /// pages and 17 of 1,384 others.
    /// </summary>
    [GeneratedRegex(@"/(?:forums?|threads?|topics?|t|discussions?|community|questions|comments)/|showthread|viewtopic|index\.php\?/topic", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex ForumUrl();

    /// <summary>URL paths of category, tag, archive and shop-grid pages: lists of links to items.</summary>
    [GeneratedRegex(@"/(?:category|categories|tags?|collections?|archives?|shop)(?:/|$|\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex ListingUrl();

    /// <summary>URL paths of single items for sale.</summary>
    [GeneratedRegex(@"/(?:products?|items?|dp)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex ProductUrl();

    /// <summary>URL paths of documentation, help and reference pages.</summary>
    [GeneratedRegex(@"/(?:docs?|documentation|wiki|manual|reference|api|guides?|kb|help|support|faq|services?|pricing|about|contact)(?:/|$|\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex OtherUrl();

    /// <summary>Class/id/itemprop fragments of shop pages.</summary>
    public static readonly SearchValues<string> ProductMarkers = SearchValues.Create(["add-to-cart", "addtocart", "add_to_cart", "product-price", "buy-now", "price-box", "product-detail"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Known binary file signatures; content that starts with one is not a text document.</summary>
    public static readonly (string Name, byte[] Magic)[] BinaryMagics =
    [
        ("PDF", "%PDF-"u8.ToArray()),
        ("ZIP", [0x50, 0x4B, 0x03, 0x04]),
        ("ZIP", [0x50, 0x4B, 0x05, 0x06]),
        ("PNG", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG", [0xFF, 0xD8, 0xFF]),
        ("GIF", "GIF8"u8.ToArray()),
        ("WEBP/RIFF", "RIFF"u8.ToArray()),
        ("7z", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("RAR", "Rar!"u8.ToArray()),
        ("BZIP2", "BZh"u8.ToArray()),
        ("XZ", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("ZSTD", [0x28, 0xB5, 0x2F, 0xFD]),
        ("ELF", [0x7F, 0x45, 0x4C, 0x46]),
        ("OLE/MS Office", [0xD0, 0xCF, 0x11, 0xE0]),
        ("MP3/ID3", "ID3"u8.ToArray()),
        ("OGG", "OggS"u8.ToArray()),
        ("WASM", [0x00, 0x61, 0x73, 0x6D]),
        ("MP4", [0x00, 0x00, 0x00]),
    ];

    /// <summary>A whole line that is a date widget: optional weekday and label, a date, optional time.</summary>
    [GeneratedRegex(@"^(?:(?:published|posted|updated|last updated|date|on)\b[^\p{L}\d]{0,3}(?:on\s+)?)?(?:(?<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s*)?(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?<m1>[a-z]{3,9})\.?,?\s+(?<y1>\d{4})|(?<m2>[a-z]{3,9})\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<y2>\d{4})|(?<y3>\d{4})[-/.](?<m3>\d{1,2})[-/.](?<d3>\d{1,2})|(?<d4>\d{1,2})[-/.](?<m4>\d{1,2})[-/.](?<y4>\d{4}))(?:[\sT,|@-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z))?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex DateLine();

    /// <summary><c>By Name</c>, <c>By: Name</c>, <c>Written by Name</c>.</summary>
    [GeneratedRegex(@"^(?:written\s+)?by\s*:?\s+(?<who>\S.{0,118})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex BylineLine();

    /// <summary>A parenthesised credit closing the last paragraph: <c>… nations. (Int’l Monitoring Desk)</c>.</summary>
    [GeneratedRegex(@"(?<=[.!?""”’)\]])\s*\((?<credit>[\p{Lu}][^()\n]{0,58})\)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex TrailingCredit();

    /// <summary>Lines that open a tag list or a share bar.</summary>
    [GeneratedRegex(@"^(?:share this(?: article| story| post)?|share(?: on| via)?|tags?|topics|keywords|filed under|categories|category)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex ShareOrTagLine();

    /// <summary>An inline teaser: <c>Read more: Headline</c>.</summary>
    [GeneratedRegex(@"^(?:read more|also read|read also|see also|related|watch|listen)\s*[:：|-]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex InlineTeaser();

    /// <summary><c>&lt;meta charset=x&gt;</c> or <c>content="text/html; charset=x"</c> in the head of a page.</summary>
    [GeneratedRegex(@"<meta\b[^>]{0,400}?charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex MetaCharset();

    /// <summary>Title suffixes naming the site: <c>Headline | Site</c>, <c>Headline - Site</c>.</summary>
    [GeneratedRegex(@"^(?<head>.{10,}?)\s+(?:[|–—•·»:]|-)\s+(?<site>[^|–—•·»]{2,60})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex TitleSiteSuffix();
}
