using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Extract;

/// <summary>Where a metadata field was read. Date values match <see cref="Model.DateSources"/> where both name the same place.</summary>
internal static class MetadataSources
{
    public const string JsonLd = Model.DateSources.JsonLd;

    /// <summary>OpenGraph, Twitter card or a named <c>&lt;meta&gt;</c>.</summary>
    public const string Meta = Model.DateSources.Meta;

    /// <summary>schema.org microdata in the body (<c>itemprop</c>).</summary>
    public const string Microdata = "microdata";

    public const string TimeElement = Model.DateSources.TimeElement;

    /// <summary>A visible byline or dateline near the headline ("By Jane Doe", "March 3, 2024").</summary>
    public const string Byline = Model.DateSources.Byline;

    /// <summary>An author link (<c>rel=author</c>, <c>/author/jane-doe</c>).</summary>
    public const string AuthorLink = "author-link";

    /// <summary>A date in the page's URL path (<c>/2024/05/01/</c>).</summary>
    public const string Url = "url";

    /// <summary>The page's visible headline.</summary>
    public const string H1 = "h1";

    /// <summary>The document's <c>&lt;title&gt;</c>, site name removed.</summary>
    public const string DocumentTitle = "title";
}

/// <summary>Word lists and patterns for page metadata: author non-names, generic headings, date labels, URL dates.</summary>
internal static partial class MetadataRules
{
    /// <summary>
    /// <c>&lt;meta&gt;</c> keys (name, property or itemprop, lowercased) that hold the publication date, most trusted first.
    /// Any other key naming "publish" with a date value is tried after these.
    /// </summary>
    public static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "published_time", "datepublished",
        "pubdate", "publishdate", "publish_date", "publish-date", "published", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "date",
        "article.published", "article_date_original", "original-publish-date", "cxenseparse:publishtime", "datecreated",
    ];

    public static readonly string[] ModifiedKeys =
    [
        "article:modified_time", "og:updated_time", "datemodified", "modified_time", "article:updated_time", "dcterms.modified",
        "last-modified", "lastmod", "dc.date.modified", "updated",
    ];

    public static readonly string[] AuthorKeys =
    [
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author",
        "article:author_name", "cxenseparse:author",
    ];

    public static readonly string[] SectionKeys = ["article:section", "parsely-section", "section", "article.section", "cxenseparse:section"];

    /// <summary>Byline texts and link labels that are page furniture, not a person, desk or agency.</summary>
    public static readonly FrozenSet<string> NotAuthors = new[]
    {
        "author", "authors", "the author", "about the author", "email the author", "contact the author", "admin", "administrator",
        "guest", "guest author", "unknown", "anonymous", "by", "posted by", "written by", "view all posts", "all posts", "more posts",
        "view profile", "profile", "read more", "follow", "share", "contributor", "contributors", "topic author", "user", "editor's note",
        "more from this author", "see all articles", "bio", "website", "home", "team", "none", "null", "undefined", "meet the team",
        "our team", "sign up", "sign in", "log in", "login", "register", "subscribe", "default", "human", "bluesky", "twitter", "x",
        "facebook", "linkedin", "instagram", "youtube", "tiktok", "threads", "mastodon", "rss", "email", "print", "reddit", "pinterest",
        "whatsapp", "telegram", "github", "medium", "substack", "staff writer", "contact", "about", "about us", "read bio", "full bio",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headings that label a page region rather than name the article (seen as extra h1s on WCXB pages).</summary>
    public static readonly FrozenSet<string> GenericHeadings = new[]
    {
        "blog", "the blog", "our blog", "news", "latest news", "search", "menu", "main menu", "mobile menu", "open menu close menu",
        "home", "contact us", "follow us", "articles", "resources", "perspectives", "insights", "related articles", "featured articles",
        "most popular posts", "follow me", "comments", "0 comments", "navigation", "site navigation", "sidebar", "footer", "header",
        "browse by category", "categories", "archives", "subscribe", "newsletter", "share", "related posts", "you may also like",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lowercase words a personal name may hold (particles); any other word of a byline name starts with a capital.</summary>
    public static readonly FrozenSet<string> NameParticles = new[]
    {
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "bin", "bint", "al", "el", "ibn",
        "y", "e", "ter", "op", "zu", "and", "of", "the", "for", "staff", "desk", "team", "editors", "writer", "reporter", "correspondent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A label element whose next sibling holds the author's name ("Written by" | "Jane Doe").</summary>
    public static readonly FrozenSet<string> BylineLabels = new[]
    {
        "by", "by:", "written by", "written by:", "posted by", "posted by:", "author", "author:", "authors:", "reviewed by", "words by", "story by",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Separators between a headline and the site name in a <c>&lt;title&gt;</c> or <c>og:title</c>.</summary>
    public static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " ~ ", " / "];

    /// <summary>Path segments of author pages, whose link text is the author's name.</summary>
    public static readonly SearchValues<string> AuthorPathMarks = SearchValues.Create(["/author/", "/authors/", "/writer/", "/writers/", "/byline/", "/profile/", "/people/", "/staff/", "/contributor/", "/contributors/", "/producers/", "/team/", "/user/", "/users/", "/members/", "/journalist/", "/reporter/"], StringComparison.OrdinalIgnoreCase);

    /// <summary>class/id fragments of elements that hold the byline or the dateline.</summary>
    public static readonly SearchValues<string> BylineClassMarks = SearchValues.Create(["byline", "author", "by-line", "writer", "posted-by", "contributor"], StringComparison.OrdinalIgnoreCase);

    public static readonly string[] DateClassMarks = ["date", "time", "publish", "posted", "updated", "dateline", "timestamp", "meta"];

    /// <summary>A label before a date that says it is the modification date.</summary>
    [GeneratedRegex(@"\b(?:updated|modified|last\s+updated|last\s+modified|revised|edited|reviewed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex ModifiedLabel();

    /// <summary>A byline text: "By Jane Doe", "Written by Jane Doe", "Author: Jane Doe", "Posted by jdoe".</summary>
    [GeneratedRegex(@"^\s*(?:(?:written|posted|reported|story|words|text|compiled|reviewed)\s+)?(?:(?:more\s+)?(?:articles|posts|stories|all\s+posts|view\s+all\s+posts)\s+)?(?:by|author|authors|autor|par|von|door)\s*[:：]?\s+(?<who>\S.{0,150})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex BylinePrefix();

    /// <summary>Where a byline's name ends: a date, a pipe, a middle dot, "on", "in", "updated", "published", a bullet.</summary>
    [GeneratedRegex(@"\s*(?:[|•·—–]|\s-\s|\bon\s+(?=\w+\s+\d|\d)|\bon behalf of\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d|\bin\s+(?=\p{Lu})|\b(?:updated|published|posted|last updated|modified)\b|\b\d{1,2}\s*(?:min|minute)s?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b(?:19|20)\d{2}\b).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex BylineTail();

    /// <summary>A date anywhere in a short text: English month names in either order, ISO, or numeric d/m/y.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y1>(?:19|20)\d{2})|(?<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<y2>(?:19|20)\d{2})|(?<y3>(?:19|20)\d{2})[-/.](?<m3>\d{1,2})[-/.](?<d3>\d{1,2})|(?<d4>\d{1,2})[-/.](?<m4>\d{1,2})[-/.](?<y4>(?:19|20)\d{2}))(?![\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex DateInText();

    /// <summary>A relative time ("3 hours ago", "yesterday"): the day it names depends on when the page was fetched, so it is ignored.</summary>
    [GeneratedRegex(@"\b(?:\d+\s*(?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+ago|yesterday|today|just now)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex RelativeTime();

    /// <summary>A date in a URL path: <c>/2024/05/01/</c>, <c>/2024-05-01-</c>, <c>/20240501/</c>.</summary>
    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12]\d|3[01])(?:[/_-]|\.html?|$)|/(?<y>(?:19|20)\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?:[/_-]|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: ExtractRules.RegexTimeoutMs)]
    public static partial Regex UrlDate();
}
