using Parallax.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using Parallax.Extract.Html;

namespace Parallax.Extract;

/// <summary>What a page says about itself: title candidates, authors, dates, outlet, URL, language, section, types; each with its source.</summary>
internal sealed class HtmlMetadata
{
    /// <summary>JSON-LD article <c>headline</c>.</summary>
    public string? Title;
    public string? OgTitle;
    public string? DocTitle;

    /// <summary>The visible headline: the <c>&lt;h1&gt;</c> chosen as the article's, else the first one.</summary>
    public string? H1;

    /// <summary>The title chosen by <see cref="HtmlMetadataReader.Read(HtmlDocument, string?)"/>, and where it came from (<see cref="MetadataSources"/>).</summary>
    public string? Headline;
    public string? TitleSource;

    public List<string> Authors = [];
    public string? AuthorsSource;

    public string? Published;
    public string? PublishedSource;

    /// <summary>Last modification, kept apart from <see cref="Published"/>; never used as the publication date.</summary>
    public string? Modified;
    public string? ModifiedSource;

    public string? Outlet;
    public string? Section;

    /// <summary>Keeps the first publication date found, with where it was found.</summary>
    public void Date(string? date, string source)
    {
        if (Published is null && date is not null)
        {
            Published = date;
            PublishedSource = source;
        }
    }

    /// <summary>Keeps the first modification date found, with where it was found.</summary>
    public void ModifiedDate(string? date, string source)
    {
        if (Modified is null && date is not null)
        {
            Modified = date;
            ModifiedSource = source;
        }
    }

    /// <summary>Sets the authors when none are known yet; names are cleaned and non-names dropped.</summary>
    public bool TryAuthors(IEnumerable<string> names, string source, bool visible = false, bool declared = false)
    {
        if (Authors.Count > 0)
        {
            return true;
        }

        foreach (var raw in names)
        {
            foreach (var name in HtmlMetadataReader.CleanAuthor(raw, this, visible, declared))
            {
                PlainTextExtractor.AddDistinct(Authors, name);
            }
        }

        if (Authors.Count > 0)
        {
            AuthorsSource = source;
            return true;
        }

        return false;
    }

    public string? Url;
    public string? Language;
    public string? OgType;
    public string? JsonLdBody;
    public HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names the site goes by (og:site_name, JSON-LD publisher): never an author, never part of the headline.</summary>
    internal List<string> SiteNames = [];

    /// <summary>JSON-LD authors that are organisations: a visible person's byline is preferred to them.</summary>
    internal List<string> OrganizationAuthors = [];

    /// <summary>datePublished of a JSON-LD node that is not an article (a WebPage): trusted after <c>&lt;meta&gt;</c>.</summary>
    internal string? OtherJsonLdPublished;
}

/// <summary>
/// Reads page metadata in one walk over the DOM, each field from the most reliable source present.
/// <list type="number">
/// <item>Title: the <c>&lt;h1&gt;</c> that agrees with the page's own titles (JSON-LD headline, og:title, <c>&lt;title&gt;</c>);
/// when no heading agrees, og:title, the JSON-LD headline or <c>&lt;title&gt;</c> with the site name cut off.</item>
/// <item>Authors: JSON-LD article <c>author</c> (references in <c>@graph</c> followed), then author <c>&lt;meta&gt;</c>,
/// microdata, then the byline nearest the headline (author links, byline elements, "By ..." text).
/// The site's own name and furniture ("Email the author") never count.</item>
/// <item>Published: JSON-LD article <c>datePublished</c>, then <c>&lt;meta&gt;</c>, microdata, other JSON-LD nodes,
/// a <c>&lt;time&gt;</c> or dateline next to the headline, then a date in the URL. Modified dates are read the same way
/// and kept apart; a date labelled "Updated" is a modification date.</item>
/// </list>
/// </summary>
internal static class HtmlMetadataReader
{
    /// <summary>A byline or dateline this many text nodes before or after the headline is part of its header (WCXB dev: bylines sit within ~30 nodes).</summary>
    private const int HeaderNodesBefore = 40;
    private const int HeaderNodesAfter = 120;

    /// <summary>Byline or dateline texts longer than this are running text, not a header line.</summary>
    private const int MaxHeaderText = 160;

    /// <summary>
    /// A heading agreeing with a metadata title at least this much (token Dice) is taken as the headline. Swept on WCXB dev
    /// (0.0-0.8): 0.3 is best; readers' headline is the visible one even when the SEO title words it differently.
    /// </summary>
    private const double HeadlineAgreement = 0.3;

    /// <summary>Headings longer than this are not headlines.</summary>
    private const int MaxHeadlineChars = 300;

    /// <summary>A name longer than this (words / characters) is a sentence, not a byline.</summary>
    private const int MaxAuthorWords = 6;
    private const int MaxAuthorChars = 70;

    /// <summary>Caps on what one page can make us collect.</summary>
    private const int MaxHeadings = 20;
    private const int MaxCandidates = 200;

    private sealed class Walk
    {
        public readonly Dictionary<string, string> Meta = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<string> JsonLd = [];
        public readonly List<(string Text, int Node, bool InArticle)> H1s = [];
        public readonly List<(string Text, int Node, string Source)> Bylines = [];
        public readonly List<(string Date, int Node, bool Modified, string Source, bool Strong)> Dates = [];
        public readonly List<string> MicrodataAuthors = [];
        public string? MicrodataPublished;
        public string? MicrodataModified;
        public string? Canonical;
        public string? DocTitle;
        public int TextNodes;
    }

    public static HtmlMetadata Read(HtmlDocument document) => Read(document, null);

    /// <summary>Reads the page's metadata; <paramref name="pageUrl"/> (where the page was fetched) helps when the page names no URL of its own.</summary>
    public static HtmlMetadata Read(HtmlDocument document, string? pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        var meta = new HtmlMetadata();
        var walk = new Walk();
        if (document.DocumentElement is { } root)
        {
            WalkTree(root, walk);
        }

        string? Meta(string key) => walk.Meta.TryGetValue(key, out var v) ? v : null;

        // Site names first: they are never authors, and JSON-LD authors are checked against them as they are read.
        AddSiteName(meta, Meta("og:site_name"));
        AddSiteName(meta, Meta("application-name"));
        AddSiteName(meta, Meta("apple-mobile-web-app-title"));
        var metaOutlet = meta.SiteNames.Count > 0 ? meta.SiteNames[0] : null;
        foreach (var json in walk.JsonLd)
        {
            ReadJsonLd(json, meta);
        }

        meta.Outlet = metaOutlet ?? meta.Outlet;
        meta.OgTitle = Decode(Meta("og:title") ?? Meta("twitter:title"));
        meta.OgType = Meta("og:type");
        foreach (var key in MetadataRules.SectionKeys)
        {
            meta.Section ??= Decode(Meta(key));
        }

        // Dates: JSON-LD articles were read first; then <meta>, microdata, any JSON-LD node, the header, the URL.
        foreach (var key in MetadataRules.PublishedKeys)
        {
            meta.Date(DateParser.NormalizeMetadata(Meta(key)), MetadataSources.Meta);
        }

        if (meta.Published is null)
        {
            foreach (var (key, value) in walk.Meta)
            {
                if (key.Contains("publish", StringComparison.OrdinalIgnoreCase) && !key.Contains("publisher", StringComparison.OrdinalIgnoreCase))
                {
                    meta.Date(DateParser.NormalizeMetadata(value), MetadataSources.Meta);
                }
            }
        }

        foreach (var key in MetadataRules.ModifiedKeys)
        {
            meta.ModifiedDate(DateParser.NormalizeMetadata(Meta(key)), MetadataSources.Meta);
        }

        meta.Date(DateParser.NormalizeMetadata(walk.MicrodataPublished), MetadataSources.Microdata);
        meta.ModifiedDate(DateParser.NormalizeMetadata(walk.MicrodataModified), MetadataSources.Microdata);
        meta.Date(meta.OtherJsonLdPublished, MetadataSources.JsonLd);

        meta.Url ??= AbsoluteHttp(walk.Canonical) ?? AbsoluteHttp(Meta("og:url"));
        meta.Language = NormalizeLanguage(document.DocumentElement?.GetAttribute("lang")) ?? NormalizeLanguage(Meta("content-language"))
            ?? NormalizeLanguage(Meta("og:locale")) ?? NormalizeLanguage(Meta("language")) ?? NormalizeLanguage(Meta("dc.language"));
        meta.DocTitle = walk.DocTitle is { } t ? Decode(Whitespace.CollapseHtml(t)) : null;

        ChooseHeadline(meta, walk);
        var headNode = HeadlineNode(meta, walk);

        // Authors: JSON-LD articles were read first.
        var metaAuthors = new List<string>();
        foreach (var key in MetadataRules.AuthorKeys)
        {
            if (Meta(key) is { } a && !LooksLikeUrl(a))
            {
                metaAuthors.Add(a);
            }
        }

        var handles = metaAuthors.Count > 0 && metaAuthors.TrueForAll(LooksLikeHandle);
        if (!handles)
        {
            meta.TryAuthors(metaAuthors, MetadataSources.Meta);
        }

        meta.TryAuthors(walk.MicrodataAuthors, MetadataSources.Microdata);
        foreach (var (text, _, source) in NearestFirst(walk.Bylines, headNode))
        {
            if (meta.TryAuthors([text], source, visible: true))
            {
                break;
            }
        }

        if (handles)
        {
            meta.TryAuthors(metaAuthors, MetadataSources.Meta);
        }

        // The page's own JSON-LD naming an organisation (even itself) as author is a declared credit: better than none.
        meta.TryAuthors(meta.OrganizationAuthors, MetadataSources.JsonLd, declared: true);

        // Header dates: a strong <time> (pubdate, itemprop) anywhere, else the date nearest the headline.
        foreach (var d in walk.Dates)
        {
            if (d.Strong)
            {
                if (d.Modified)
                {
                    meta.ModifiedDate(d.Date, d.Source);
                }
                else
                {
                    meta.Date(d.Date, d.Source);
                }
            }
        }

        foreach (var d in NearestFirst(walk.Dates, headNode))
        {
            if (d.Modified)
            {
                meta.ModifiedDate(d.Date, d.Source);
            }
            else if (meta.Published is null)
            {
                meta.Date(d.Date, d.Source);
            }
        }

        meta.Date(DateParser.FromUrl(meta.Url) ?? DateParser.FromUrl(pageUrl), MetadataSources.Url);
        return meta;
    }

    private static void AddSiteName(HtmlMetadata meta, string? name)
    {
        if (Decode(name) is { Length: > 1 } n && !meta.SiteNames.Exists(s => s.Equals(n, StringComparison.OrdinalIgnoreCase)))
        {
            meta.SiteNames.Add(n);
        }
    }

    /// <summary>Candidates in the headline's header zone, nearest first; with no headline, in document order.</summary>
    private static IEnumerable<T> NearestFirst<T>(List<T> items, int? headNode)
        where T : struct, System.Runtime.CompilerServices.ITuple
    {
        if (headNode is not { } h)
        {
            return items;
        }

        var near = new List<(int Distance, int Order, T Item)>();
        for (var i = 0; i < items.Count; i++)
        {
            var node = (int)items[i][1]!;
            var d = node - h;
            if (d >= -HeaderNodesBefore && d <= HeaderNodesAfter)
            {
                // After the headline is where bylines live; before it only widgets and kickers, so those count double.
                near.Add((d >= 0 ? d : -2 * d, i, items[i]));
            }
        }

        near.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Order.CompareTo(b.Order));
        return near.Select(n => n.Item);
    }

    private static int? HeadlineNode(HtmlMetadata meta, Walk walk)
    {
        if (meta.H1 is null)
        {
            return null;
        }

        foreach (var (text, node, _) in walk.H1s)
        {
            if (text == meta.H1)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>One depth-first walk collecting everything the reader needs, so no selector runs over the document.</summary>
    private static void WalkTree(HtmlElement root, Walk walk)
    {
        var stack = new Stack<(HtmlNode Node, int ArticleDepth)>();
        stack.Push((root, 0));
        var visited = 0;
        while (stack.Count > 0)
        {
            var (node, inArticle) = stack.Pop();
            if (++visited > 500_000)
            {
                break;
            }

            if (node is HtmlText text)
            {
                OnText(text, walk);
                continue;
            }

            if (node is not HtmlElement element)
            {
                continue;
            }

            var tag = element.LocalName;
            var descend = true;
            switch (tag)
            {
                case "meta":
                    OnMeta(element, walk);
                    descend = false;
                    break;
                case "script":
                    if (element.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)
                        && element.TextContent is { } ld && !string.IsNullOrWhiteSpace(ld))
                    {
                        walk.JsonLd.Add(ld);
                    }

                    descend = false;
                    break;
                case "style" or "noscript" or "template" or "svg" or "iframe" or "select" or "option" or "button" or "textarea" or "form":
                    descend = false;
                    break;
                case "link":
                    if (walk.Canonical is null && element.GetAttribute("rel") is { } rel && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        walk.Canonical = element.GetAttribute("href");
                    }

                    descend = false;
                    break;
                case "title":
                    if (walk.DocTitle is null && element.ParentElement?.LocalName != "svg")
                    {
                        walk.DocTitle = element.TextContent;
                    }

                    descend = false;
                    break;
                case "h1":
                    if (walk.H1s.Count < MaxHeadings && BoundedText(element, MaxHeadlineChars) is { Length: > 0 } h1)
                    {
                        walk.H1s.Add((h1, walk.TextNodes, inArticle > 0));
                    }

                    break;
                case "time":
                    OnTime(element, walk);
                    break;
                case "article" or "main":
                    inArticle++;
                    break;
                default:
                    break;
            }

            if (element.HasAttribute("itemprop"))
            {
                OnItemprop(element, walk);
            }

            if (tag is not ("html" or "head" or "body" or "title") && walk.Bylines.Count < MaxCandidates)
            {
                OnBylineCandidate(element, tag, walk);
            }

            if (!descend)
            {
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                if (child is HtmlElement or HtmlText)
                {
                    stack.Push((child, inArticle));
                }
            }
        }
    }

    private static void OnMeta(HtmlElement element, Walk walk)
    {
        var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
        var content = element.GetAttribute("content");
        if (key is null || string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        key = key.Trim();
        content = content.Trim();
        if (key.Equals("author", StringComparison.OrdinalIgnoreCase) && walk.Meta.TryGetValue(key, out var first))
        {
            // Several author tags name several authors.
            if (!first.Contains(content, StringComparison.OrdinalIgnoreCase))
            {
                walk.Meta[key] = first + ", " + content;
            }

            return;
        }

        walk.Meta.TryAdd(key, content);
    }

    private static void OnText(HtmlText text, Walk walk)
    {
        var span = text.Span.Trim();
        if (span.IsEmpty)
        {
            return;
        }

        walk.TextNodes++;
        if (walk.Dates.Count >= MaxCandidates || span.Length is < 6 or > MaxHeaderText || !HasYear(span))
        {
            return;
        }

        if (text.ParentElement?.LocalName is "time" or "script" or "style" or "title" or "option")
        {
            return;
        }

        var s = Whitespace.Collapse(span.ToString());
        if (MetadataRules.RelativeTime().IsMatch(s) || DateParser.FindDate(s) is not { } found)
        {
            return;
        }

        // The label may sit in the same text ("Updated: May 2, 2024") or in the element just before ("Last updated:" | "May 2").
        var label = s[..found.Index];
        var previous = PreviousText(text);
        var modified = MetadataRules.ModifiedLabel().IsMatch(label) || (label.Trim().Length == 0 && previous is not null && MetadataRules.ModifiedLabel().IsMatch(previous));
        walk.Dates.Add((found.Date, walk.TextNodes, modified, MetadataSources.Byline, false));
    }

    private static string? PreviousText(HtmlNode node)
    {
        // The nearest non-blank text before this one, looking through at most a few ancestors' earlier siblings.
        var current = node;
        for (var up = 0; up < 3 && current is not null; up++)
        {
            for (var sibling = current.PreviousSibling; sibling is not null; sibling = sibling.PreviousSibling)
            {
                var t = sibling is HtmlText st ? st.Data : sibling is HtmlElement se ? BoundedText(se, 60) : null;
                if (!string.IsNullOrWhiteSpace(t))
                {
                    return t;
                }
            }

            current = current.ParentElement;
        }

        return null;
    }

    private static bool HasYear(ReadOnlySpan<char> s)
    {
        for (var i = 0; i + 3 < s.Length; i++)
        {
            if (((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    private static void OnTime(HtmlElement element, Walk walk)
    {
        var value = element.GetAttribute("datetime") ?? element.GetAttribute("content");
        var date = DateParser.NormalizeMetadata(value);
        if (date is null && BoundedText(element, 80) is { } visible && !MetadataRules.RelativeTime().IsMatch(visible))
        {
            date = DateParser.FindDate(visible)?.Date;
        }

        if (date is null || walk.Dates.Count >= MaxCandidates)
        {
            return;
        }

        var itemprop = element.GetAttribute("itemprop") ?? string.Empty;
        var cls = (element.GetAttribute("class") ?? string.Empty) + " " + itemprop;
        var label = (element.ParentElement is { } p ? BoundedText(p, MaxHeaderText) : null) ?? string.Empty;
        var modified = itemprop.Contains("dateModified", StringComparison.OrdinalIgnoreCase)
            || cls.Contains("updated", StringComparison.OrdinalIgnoreCase) || cls.Contains("modified", StringComparison.OrdinalIgnoreCase)
            || (!cls.Contains("publish", StringComparison.OrdinalIgnoreCase) && MetadataRules.ModifiedLabel().IsMatch(label));
        var strong = element.HasAttribute("pubdate") || itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("dateModified", StringComparison.OrdinalIgnoreCase);
        walk.Dates.Add((date, walk.TextNodes, modified, MetadataSources.TimeElement, strong));
    }

    private static void OnItemprop(HtmlElement element, Walk walk)
    {
        var prop = element.GetAttribute("itemprop")!;
        if (prop.Contains("datePublished", StringComparison.OrdinalIgnoreCase))
        {
            walk.MicrodataPublished ??= element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? BoundedText(element, 80);
        }
        else if (prop.Contains("dateModified", StringComparison.OrdinalIgnoreCase))
        {
            walk.MicrodataModified ??= element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? BoundedText(element, 80);
        }
        else if (prop.Contains("author", StringComparison.OrdinalIgnoreCase) || prop.Contains("creator", StringComparison.OrdinalIgnoreCase))
        {
            if (walk.MicrodataAuthors.Count >= 10)
            {
                return;
            }

            // An author item holds its name in itemprop=name; a plain author property is the name itself.
            var name = element.GetAttribute("content");
            if (name is null && element.HasAttribute("itemscope"))
            {
                var nameElement = FindItemprop(element, "name", 4);
                name = nameElement?.GetAttribute("content") ?? (nameElement is null ? null : BoundedText(nameElement, MaxAuthorChars * 2));
            }

            name ??= BoundedText(element, MaxAuthorChars * 2);
            if (!string.IsNullOrWhiteSpace(name))
            {
                walk.MicrodataAuthors.Add(name);
            }
        }
    }

    private static HtmlElement? FindItemprop(HtmlElement element, string prop, int depth)
    {
        for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (string.Equals(child.GetAttribute("itemprop"), prop, StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }

            if (depth > 0 && FindItemprop(child, prop, depth - 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static void OnBylineCandidate(HtmlElement element, string tag, Walk walk)
    {
        if (tag == "a")
        {
            var rel = element.GetAttribute("rel");
            var href = element.GetAttribute("href");
            var isAuthorLink = (rel is not null && rel.Contains("author", StringComparison.OrdinalIgnoreCase))
                || (href is not null && ExtractRules.ContainsAny(href, MetadataRules.AuthorPathMarks));
            if (isAuthorLink && BoundedText(element, MaxAuthorChars) is { Length: > 1 } name)
            {
                walk.Bylines.Add((name, walk.TextNodes, MetadataSources.AuthorLink));
            }

            return;
        }

        if ((HasMark(element, "class") || HasMark(element, "id") || HasMark(element, "rel")) && BoundedText(element, MaxHeaderText) is { Length: > 2 } byline)
        {
            walk.Bylines.Add((byline, walk.TextNodes, MetadataSources.Byline));
            return;
        }

        if (element.FirstChild is not HtmlText first)
        {
            return;
        }

        var start = first.Data.AsSpan().Trim();
        if (start.Length < 2 || start.Length > MaxHeaderText || !(start[0] is 'b' or 'B' or 'w' or 'W' or 'p' or 'P' or 'a' or 'A'))
        {
            return;
        }

        // "By Jane Doe" as the text of a small element; "By" or "Written by" followed by the element holding the name.
        if (MetadataRules.BylineLabels.Contains(start.ToString()) && element.FirstElementChild is null
            && element.NextElementSibling is { } next && BoundedText(next, MaxAuthorChars) is { Length: > 1 } n)
        {
            walk.Bylines.Add(("By " + n, walk.TextNodes, MetadataSources.Byline));
        }
        else if (BoundedText(element, MaxHeaderText) is { } t && MetadataRules.BylinePrefix().IsMatch(t))
        {
            walk.Bylines.Add((t, walk.TextNodes, MetadataSources.Byline));
        }
    }

    private static bool HasMark(HtmlElement element, string attribute) =>
        element.GetAttribute(attribute) is { Length: > 1 } value && ExtractRules.ContainsAny(value, MetadataRules.BylineClassMarks);

    /// <summary>The element's text with whitespace collapsed, or null when it is longer than <paramref name="max"/> (so a whole container is never copied).</summary>
    internal static string? BoundedText(HtmlElement element, int max)
    {
        var sb = new StringBuilder();
        var stack = new Stack<HtmlNode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is HtmlText t)
            {
                sb.Append(t.Data).Append(' ');
                if (sb.Length > max * 3)
                {
                    return null;
                }

                continue;
            }

            if (node is HtmlElement e && e.LocalName is "script" or "style" or "noscript" or "template" or "svg")
            {
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        var text = Whitespace.CollapseHtml(sb.ToString());
        return text.Length > max ? null : text;
    }

    private static void ChooseHeadline(HtmlMetadata meta, Walk walk)
    {
        var refs = new List<string>(3);
        foreach (var r in (string?[])[meta.Title, meta.OgTitle, meta.DocTitle])
        {
            if (r is { Length: > 0 } && !IsSiteName(meta, r))
            {
                refs.Add(r);
            }
        }

        string? best = null;
        var bestScore = 0.0;
        string? firstHeading = null;
        string? firstInArticle = null;
        foreach (var (raw, _, inArticle) in walk.H1s)
        {
            var text = Decode(raw)!;
            if (text.Length < 2 || MetadataRules.GenericHeadings.Contains(text.TrimEnd(':', '.')) || IsSiteName(meta, text) || text.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            firstHeading ??= raw;
            if (inArticle)
            {
                firstInArticle ??= raw;
            }

            foreach (var r in refs)
            {
                var score = Math.Max(Dice(text, r), Dice(text, StripSite(meta, r)));
                if (score > bestScore)
                {
                    (best, bestScore) = (raw, score);
                }
            }
        }

        meta.H1 = best ?? firstInArticle ?? firstHeading ?? (walk.H1s.Count > 0 ? walk.H1s[0].Text : null);
        if (best is not null && bestScore >= HeadlineAgreement)
        {
            (meta.Headline, meta.TitleSource) = (CutPipeTail(Decode(best)!), MetadataSources.H1);
        }
        else if (meta.OgTitle is { Length: > 0 } og && !IsSiteName(meta, og))
        {
            (meta.Headline, meta.TitleSource) = (StripSite(meta, og), MetadataSources.Meta);
        }
        else if (meta.Title is { Length: > 0 } ld)
        {
            (meta.Headline, meta.TitleSource) = (StripSite(meta, ld), MetadataSources.JsonLd);
        }
        else if (meta.DocTitle is { Length: > 0 } doc && !IsSiteName(meta, doc))
        {
            (meta.Headline, meta.TitleSource) = (StripSite(meta, doc), MetadataSources.DocumentTitle);
        }
        else if ((firstInArticle ?? firstHeading) is { } h)
        {
            (meta.Headline, meta.TitleSource) = (Decode(h), MetadataSources.H1);
        }
        else if (meta.DocTitle is { Length: > 0 } d)
        {
            (meta.Headline, meta.TitleSource) = (d, MetadataSources.DocumentTitle);
        }
    }

    /// <summary>A headline written like a title tag ("Best Movers in NYC | Top 19 Companies") keeps its part before the pipe.</summary>
    private static string CutPipeTail(string headline)
    {
        var bar = headline.LastIndexOf(" | ", StringComparison.Ordinal);
        return bar >= 10 && PlainTextExtractor.CountWords(headline[(bar + 3)..]) <= 4 ? headline[..bar].Trim() : headline;
    }

    private static bool IsSiteName(HtmlMetadata meta, string text)
    {
        foreach (var s in meta.SiteNames)
        {
            if (PlainTextExtractor.SameText(s, text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cuts a known site name off either end of a title; without one, cuts a short last part after a pipe or dash.</summary>
    internal static string StripSite(HtmlMetadata meta, string title)
    {
        title = Whitespace.Collapse(title);
        foreach (var site in meta.SiteNames)
        {
            foreach (var sep in MetadataRules.TitleSeparators)
            {
                var suffix = sep + site;
                if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
                {
                    return StripSite(meta, title[..^suffix.Length].Trim());
                }

                var prefix = site + sep;
                if (title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && title.Length > prefix.Length)
                {
                    return StripSite(meta, title[prefix.Length..].Trim());
                }
            }
        }

        // Without a known site name, a short last segment after a separator is the site (most titles end so).
        foreach (var sep in MetadataRules.TitleSeparators)
        {
            var cut = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (cut >= 10 && sep != " / " && PlainTextExtractor.CountWords(title[(cut + sep.Length)..]) <= 4 && PlainTextExtractor.CountWords(title[..cut]) >= 2)
            {
                return title[..cut].Trim();
            }
        }

        return title;
    }

    /// <summary>Token Dice coefficient over case-folded letter-or-digit words.</summary>
    internal static double Dice(string a, string b)
    {
        var ta = Tokens(a);
        var tb = Tokens(b);
        if (ta.Count == 0 || tb.Count == 0)
        {
            return 0;
        }

        var common = 0;
        var pool = new List<string>(tb);
        foreach (var t in ta)
        {
            var i = pool.IndexOf(t);
            if (i >= 0)
            {
                common++;
                pool.RemoveAt(i);
            }
        }

        return 2.0 * common / (ta.Count + tb.Count);
    }

    private static List<string> Tokens(string s)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
        }

        return tokens;
    }

    /// <summary>
    /// Turns a byline or author value into names: "By" and dates cut off, lists split, furniture and the site's own
    /// name dropped. Organisations and desks stay ("Reuters", "Metro Desk").
    /// </summary>
    internal static IEnumerable<string> CleanAuthor(string raw, HtmlMetadata meta, bool visible = false, bool declared = false)
    {
        var s = Decode(Whitespace.Collapse(raw)) ?? string.Empty;
        if (s.Length == 0 || LooksLikeUrl(s))
        {
            return [];
        }

        // A byline line holds segments ("Dec. 19, 2025 · Jane Doe", "Jane Doe | Senior Writer | July 2"): the first that yields a name counts.
        foreach (var segment in s.Split(BylineSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var names = SegmentNames(segment, meta, visible, declared);
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    private static readonly string[] BylineSeparators = ["|", "•", "·", " — ", " – ", " - ", "\n"];

    private static List<string> SegmentNames(string segment, HtmlMetadata meta, bool visible, bool declared)
    {
        var names = new List<string>();
        var s = segment;
        var by = MetadataRules.BylinePrefix().Match(s);
        if (by.Success)
        {
            s = by.Groups["who"].Value;
        }

        s = MetadataRules.BylineTail().Replace(s, string.Empty).Trim().TrimEnd(',', ';', ':', '-', '|').Trim();
        foreach (var part in PlainTextExtractor.SplitNames(s))
        {
            var name = part.Trim().Trim('"', '\'', '“', '”', '(', ')').Trim();
            if (name.StartsWith('@'))
            {
                continue;
            }

            if (name.Length < 2 || name.Length > MaxAuthorChars || PlainTextExtractor.CountWords(name) > MaxAuthorWords
                || MetadataRules.NotAuthors.Contains(name) || name.Contains('@', StringComparison.Ordinal) || LooksLikeUrl(name)
                || (!declared && IsSiteName(meta, name)) || !name.Any(char.IsLetter) || name.EndsWith(" says", StringComparison.OrdinalIgnoreCase)
                || (visible && !LooksLikeName(name)))
            {
                continue;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>Visible text taken as a name must read like one: every word capitalised but for particles ("Ludwig van Beethoven").</summary>
    private static bool LooksLikeName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxAuthorWords - 1)
        {
            return false;
        }

        var capitalised = 0;
        foreach (var w in words)
        {
            var first = w.TrimStart('(', '"', '“');
            if (first.Length == 0)
            {
                continue;
            }

            if (char.IsUpper(first[0]))
            {
                capitalised++;
            }
            else if (!MetadataRules.NameParticles.Contains(first) && char.IsLetter(first[0]))
            {
                return false;
            }
        }

        return capitalised > 0;
    }

    private static bool LooksLikeUrl(string s) =>
        s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || s.StartsWith('/');

    /// <summary>A login name rather than a display name (<c>jdoe</c>, <c>jane.doe</c>): trusted less than a visible byline.</summary>
    private static bool LooksLikeHandle(string s)
    {
        var t = s.Trim();
        return t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal) && (t.Any(char.IsDigit) || t.Contains('.', StringComparison.Ordinal) || t.Contains('_', StringComparison.Ordinal) || t.All(c => !char.IsUpper(c)));
    }

    /// <summary>Decodes character references left in metadata values (double-encoded <c>&amp;amp;#8217;</c>, JSON-LD with entities).</summary>
    internal static string? Decode(string? s)
    {
        if (s is null)
        {
            return null;
        }

        var t = s.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(s) : s;
        return Whitespace.CollapseHtml(t).Trim();
    }

    private static void ReadJsonLd(string json, HtmlMetadata meta)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var nodes = new List<JsonElement>();
            var pending = new Stack<JsonElement>();
            pending.Push(doc.RootElement);
            var visited = 0;
            while (pending.Count > 0 && visited++ < 2000)
            {
                var node = pending.Pop();
                if (node.ValueKind == JsonValueKind.Array)
                {
                    for (var i = node.GetArrayLength() - 1; i >= 0; i--)
                    {
                        pending.Push(node[i]);
                    }

                    continue;
                }

                if (node.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                nodes.Add(node);
                if (FirstString(node, "@id") is { } id && node.EnumerateObject().Count() > 1)
                {
                    byId.TryAdd(id, node);
                }

                foreach (var nested in (string[])["@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"])
                {
                    if (node.TryGetProperty(nested, out var inner) && inner.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        pending.Push(inner);
                    }
                }
            }

            foreach (var node in nodes)
            {
                if (node.TryGetProperty("publisher", out var publisher) || Strings(node, "@type").Any(t => t is "WebSite" or "NewsMediaOrganization"))
                {
                    foreach (var name in Names(publisher.ValueKind == JsonValueKind.Undefined ? node : publisher, byId, 0))
                    {
                        AddSiteName(meta, name);
                        meta.Outlet ??= Decode(name);
                        break;
                    }
                }
            }

            foreach (var node in nodes)
            {
                var isArticle = false;
                foreach (var type in Strings(node, "@type"))
                {
                    meta.Types.Add(type);
                    isArticle |= ExtractRules.ArticleTypes.Contains(type) || type.EndsWith("Article", StringComparison.OrdinalIgnoreCase);
                }

                if (isArticle)
                {
                    ReadJsonLdArticle(node, meta, byId);
                }
                else if (meta.OtherJsonLdPublished is null && FirstString(node, "datePublished") is { } published)
                {
                    meta.OtherJsonLdPublished = DateParser.NormalizeMetadata(published);
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the page's other metadata still counts.
        }
        catch (InvalidOperationException)
        {
            // A value of an unexpected kind where a string was expected.
        }
    }

    private static void ReadJsonLdArticle(JsonElement node, HtmlMetadata meta, Dictionary<string, JsonElement> byId)
    {
        meta.Title ??= Decode(FirstString(node, "headline") ?? FirstString(node, "name"));
        meta.Date(DateParser.NormalizeMetadata(FirstString(node, "datePublished") ?? FirstString(node, "dateCreated")), MetadataSources.JsonLd);
        meta.ModifiedDate(DateParser.NormalizeMetadata(FirstString(node, "dateModified")), MetadataSources.JsonLd);
        meta.Section ??= Decode(FirstString(node, "articleSection"));
        if (meta.Authors.Count == 0)
        {
            foreach (var property in (string[])["author", "creator"])
            {
                if (!node.TryGetProperty(property, out var author))
                {
                    continue;
                }

                if (IsOrganization(author, byId))
                {
                    meta.OrganizationAuthors.AddRange(Names(author, byId, 0));
                }
                else if (meta.TryAuthors(Names(author, byId, 0).ToList(), MetadataSources.JsonLd))
                {
                    break;
                }
                else
                {
                    meta.OrganizationAuthors.AddRange(Names(author, byId, 0));
                }
            }
        }

        meta.Url ??= AbsoluteHttp(FirstString(node, "url")) ?? AbsoluteHttp(FirstString(node, "mainEntityOfPage"));
        meta.JsonLdBody ??= FirstString(node, "articleBody");
    }

    /// <summary>Whether every author in the value is typed as an organisation (directly or through its <c>@id</c>).</summary>
    private static bool IsOrganization(JsonElement value, Dictionary<string, JsonElement> byId)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var any = false;
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var typed = item;
            if (!item.TryGetProperty("@type", out _) && FirstString(item, "@id") is { } id && byId.TryGetValue(id, out var target))
            {
                typed = target;
            }

            if (!Strings(typed, "@type").Any(t => t.Contains("Organization", StringComparison.OrdinalIgnoreCase) || t is "WebSite" or "Corporation" or "LocalBusiness"))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Names in an author or publisher value: strings, objects with a name, arrays, and <c>@id</c> references into the graph.</summary>
    private static IEnumerable<string> Names(JsonElement value, Dictionary<string, JsonElement> byId, int depth)
    {
        if (depth > 4)
        {
            yield break;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = Whitespace.CollapseHtml(value.GetString() ?? string.Empty);
                if (s.Length > 0 && !LooksLikeUrl(s))
                {
                    yield return s;
                }

                break;
            case JsonValueKind.Object:
                if (value.TryGetProperty("name", out var name))
                {
                    foreach (var n in Names(name, byId, depth + 1))
                    {
                        yield return n;
                    }
                }
                else if (FirstString(value, "@id") is { } id && byId.TryGetValue(id, out var target) && target.TryGetProperty("name", out var targetName))
                {
                    foreach (var n in Names(targetName, byId, depth + 1))
                    {
                        yield return n;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var inner in Names(item, byId, depth + 1))
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

    /// <summary>The page's title as <see cref="Read(HtmlDocument, string?)"/> chose it.</summary>
    public static string? ChooseTitle(HtmlMetadata meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var title = meta.Headline ?? meta.Title ?? meta.OgTitle ?? meta.H1 ?? meta.DocTitle;
        return string.IsNullOrWhiteSpace(title) ? null : Whitespace.CollapseHtml(title);
    }
}
