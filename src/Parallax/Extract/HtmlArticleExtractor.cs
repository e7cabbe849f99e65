using Parallax.Text;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Parallax.Extract.Html;

namespace Parallax.Extract;

/// <summary>
/// Extracts an article from an HTML page: metadata from JSON-LD, OpenGraph and meta tags; the body from
/// the best content container after boilerplate is removed; a page kind from both.
/// </summary>
/// <remarks>
/// The body cascade, in order:
/// <list type="number">
/// <item>Limits: byte/line scan before parsing, DOM depth and node count after, the time budget between steps.</item>
/// <item>Parse: no script, style or comment text and only the attributes read later (JSON-LD is cut from the source
/// string); one post-order walk then measures every element's text, link text and main-content markers, and enforces
/// the DOM limits. Every later step reads those figures instead of walking again.</item>
/// <item>Pruning (the DOM is not mutated: removed subtrees are recorded and their lengths taken off their ancestors;
/// the same walk gathers the surviving paragraph voters, <c>article</c> and <c>articleBody</c> candidates and the
/// forum/shop markers): scripts, styles, forms of input and small <c>noscript</c> go; on thread pages (forum URL or
/// JSON-LD forum type) comment-named elements are the posts and stay; hidden elements (except inside a main-content
/// marker, where they are the page's own tab panels and accordions), furniture tags
/// (<c>nav</c>, <c>header</c>, <c>footer</c>, <c>aside</c>...) and class/id matches from <see cref="ExtractRules"/> go
/// unless they hold <see cref="MaxBoilerplateShare"/> of the page's prose (measured before removal) or wrap a
/// main-content marker (<c>article</c>, <c>main</c>, <c>role=main</c>, <c>itemprop=articleBody</c>).</item>
/// <item>Container: <c>itemprop=articleBody</c> when it holds <see cref="MinContainerChars"/>; else the element
/// whose paragraphs score highest (paragraph text less link text, voted to parent and grandparent), replaced by the
/// <c>article</c> that holds it.</item>
/// <item>Widening: a container holding less than <see cref="MinContainerShare"/> of the page's content (prose plus
/// headline-length link text) is one section of many; its nearest ancestor holding that share is taken instead.</item>
/// <item>Paragraphs: block elements, headings, list items, cells and <c>br</c>-separated runs become paragraphs;
/// on article pages short link-dense ones are dropped as navigation unless they are most of the text (then they are
/// the items of a front page); the headline, bylines and date lines at the top are cut; a recommendation heading
/// ("Related", "Customers also viewed") drops its section up to the next heading; teaser blocks and share/tag lines at
/// the end are cut.</item>
/// <item>Fallback: when the JSON-LD <c>articleBody</c> is more than twice the text found, the page is
/// script-rendered and that text is the body.</item>
/// </list>
/// The page kind comes from JSON-LD types, then the amount and link density of body text, forum and shop markers
/// counted while measuring, and headline links for listings.
/// </remarks>
internal sealed class HtmlArticleExtractor(ExtractOptions options)
{

    /// <summary>A container with less paragraph text than this is not trusted as the article (a teaser card).</summary>
    private const int MinContainerChars = 200;

    /// <summary>Substantial body: at least this many paragraphs and characters, or this many characters alone (the brief's first cut; tune on WCXB).</summary>
    private const int ArticleMinParagraphs = 3;
    private const int ArticleMinCharsWithParagraphs = 250;
    private const int ArticleMinChars = 600;

    /// <summary>A body whose characters are more than this share link text is a list of links.</summary>
    private const double MaxArticleLinkDensity = 0.35;

    /// <summary>With JSON-LD saying article, a short body still counts (briefs, wire flashes).</summary>
    private const int JsonLdArticleMinChars = 150;

    /// <summary>Listing: this many headline-sized links (at least <see cref="HeadlineLinkChars"/> characters).</summary>
    private const int ListingMinLinks = 10;
    private const int HeadlineLinkChars = 15;

    /// <summary>A paragraph mostly made of link text and this short is navigation.</summary>
    private const double ParagraphMaxLinkDensity = 0.6;
    private const int ShortLinkParagraph = 200;

    /// <summary>A paragraph this long seen twice on one page is a copy; shorter ones ("Reply", "$20.00") repeat legitimately (40 and 80 tie on wcxb-dev overall; 40 keeps forum posts cleaner).</summary>
    private const int MinRepeatChars = 40;

    /// <summary>Link paragraphs holding at least this share of the body text are its items, not navigation (a majority; 0.3 and 0.5 tie on wcxb-dev overall, 0.5 keeps articles higher).</summary>
    private const double MaxLinkParagraphShare = 0.5;

    /// <summary>Share of the page text above which a class/id match is not trusted (Genesis' content-sidebar-wrap holds ~90%).</summary>
    private const double MaxBoilerplateShare = 0.4;

    /// <summary>The chosen container must hold this share of the page's prose, else it is widened (swept on wcxb-dev).</summary>
    private const double MinContainerShare = 0.5;

    /// <summary>A link with this much text (non-space characters) is an item of a listing (headline, teaser), not a menu entry.</summary>
    private const int ContentLinkChars = 30;

    /// <summary>
    /// A page (not a product) that yields less body text than this gets a second, lenient pruning pass, kept when
    /// it finds more than <see cref="LenientMinGain"/> times the text (on wcxb-dev, topic and category pages whose item
    /// cards carry furniture class names came out as a few menu words).
    /// </summary>
    private const int LenientBelowChars = 500;
    private const double LenientMinGain = 2.0;

    /// <summary>A &lt;noscript&gt; with less text than this is a fallback notice or a pixel, not a server-rendered page.</summary>
    private const int NoscriptMinChars = 200;

    /// <summary>Elements whose text is code or styling, never read; measuring skips them.</summary>
    private static readonly FrozenSet<string> SilentTags = new[] { "script", "style", "template", "svg" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements whose text flows inside a paragraph.</summary>
    private static readonly FrozenSet<string> InlineTags = new[]
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small",
        "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "br", "font", "label", "del", "ins", "img", "big", "tt", "nobr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The parser keeps only what the cascade reads: no script or style text but JSON-LD's, no comments, no source positions, and only the attributes in
    /// <see cref="ExtractRules.ReadAttributes"/>. Script text and unused attributes are most of the DOM's allocations.
    /// </summary>
    private readonly HtmlParser _parser = new(new HtmlParserOptions { KeepScriptText = false, KeepAttributes = ExtractRules.ReadAttributes });

    public readonly record struct Outcome(ExtractedParts? Parts, string? Reason, string? Detail);

    /// <summary>A paragraph of the body; <paramref name="Level"/> is 1-6 for headings, 0 otherwise.</summary>
    private sealed record Paragraph(string Text, int LinkChars, int Level)
    {
        public bool Heading => Level > 0;
    }

    private static int HeadingLevel(string tag) => ExtractRules.HeadingTags.Contains(tag) ? tag[1] - '0' : 0;

    public Outcome Extract(string html, string? pageUrl, Stopwatch clock)
    {
        var verdict = HtmlLimitScanner.Check(html, options, clock);
        if (verdict.Reason is not null)
        {
            return new(null, verdict.Reason, verdict.Detail);
        }

        HtmlDocument document;
        try
        {
            document = _parser.ParseDocument(html);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The parser is property-tested never to throw; should a bug make it throw, this page is rejected and the run goes on.
            return new(null, Model.RejectReasons.Unparseable, $"HTML parser failed: {ex.GetType().Name}: {ex.Message}");
        }

        using (document)
        {
            if (document.DocumentElement is not { } root)
            {
                return new(null, Model.RejectReasons.NoContent, "the page has no body element");
            }

            // One post-order walk measures every element and enforces the DOM limits; later steps read its figures.
            var (stats, limits) = Measure(root, clock);
            if (limits.Reason is not null)
            {
                return limits;
            }

            var meta = HtmlMetadataReader.Read(document, pageUrl);
            if (clock.Elapsed > options.TimeBudget)
            {
                return TimedOut("reading metadata");
            }

            var body = document.Body;
            if (body is null)
            {
                return new(null, Model.RejectReasons.NoContent, "the page has no body element");
            }

            var forum = LooksLikeForum(meta, pageUrl);
            RemoveBoilerplate(body, stats, forum);
            if (clock.Elapsed > options.TimeBudget)
            {
                return TimedOut("removing boilerplate");
            }

            var picked = PickContainer(body, stats);
            var container = Widen(picked, body, stats);
            var paragraphs = new List<Paragraph>();
            CollectParagraphs(container, stats, paragraphs, clock);
            if (clock.Elapsed > options.TimeBudget)
            {
                return TimedOut("collecting paragraphs");
            }

            var title = HtmlMetadataReader.ChooseTitle(meta);
            var chars = 0;
            var links = 0;
            var bodyParagraphs = 0;
            foreach (var p in paragraphs)
            {
                chars += p.Text.Length;
                links += p.LinkChars;
                bodyParagraphs += p.Heading ? 0 : 1;
            }

            var density = chars == 0 ? 1.0 : (double)links / chars;
            var (kind, evidence) = DecideKind(meta, body, stats, bodyParagraphs, chars, density);

            // Link items are the content of a listing; elsewhere short link-only paragraphs are navigation.
            var texts = CleanParagraphs(paragraphs, title, meta, dropLinkParagraphs: kind == Model.PageKinds.Article);
            if (kind is not Model.PageKinds.Product && TextLength(texts) < LenientBelowChars)
            {
                // Next to nothing survived: the page's items or sections were likely named like furniture ("teaser",
                // "promo", "related" cards of a topic page, a service page's "cta" blocks). A second pass trusts only tags
                // and roles. Not on product pages: there a short body is the item's own description, and the second pass
                // adds shop widgets.
                var (again, _) = Measure(root, clock);
                RemoveBoilerplate(body, again, forum, lenient: true);
                var more = new List<Paragraph>();
                CollectParagraphs(Widen(PickContainer(body, again), body, again), again, more, clock);
                var moreTexts = CleanParagraphs(more, title, meta, dropLinkParagraphs: false);
                if (TextLength(moreTexts) > LenientMinGain * TextLength(texts))
                {
                    texts = moreTexts;
                }
            }

            if (meta.JsonLdBody is { } ldBody && ldBody.Length > 2 * Math.Max(chars, 100))
            {
                // Script-rendered pages ship the text only in their metadata.
                texts = [.. SplitJsonLdBody(ldBody)];
                if (kind != Model.PageKinds.Article && meta.Types.Overlaps(ExtractRules.ArticleTypes))
                {
                    (kind, evidence) = (Model.PageKinds.Article, "JSON-LD articleBody");
                }
            }

            // Extraction above keys on the prose decision; the reported kind may still say the prose is not news.
            (kind, evidence) = RefineKind(kind, evidence, meta, stats, pageUrl);
            var bodyText = string.Join("\n\n", texts);
            if (bodyText.Length == 0)
            {
                return new(null, Model.RejectReasons.NoContent, $"no paragraph text found (page kind {kind})");
            }

            return new(new ExtractedParts
            {
                Title = title,
                Authors = meta.Authors,
                Outlet = meta.Outlet,
                TitleSource = meta.TitleSource,
                AuthorsSource = meta.AuthorsSource,
                Published = meta.Published,
                PublishedSource = meta.PublishedSource,
                Modified = meta.Modified,
                Section = meta.Section,
                Url = meta.Url,
                Language = meta.Language,
                Kind = kind,
                KindEvidence = evidence,
                Body = bodyText,
            }, null, null);
        }
    }

    private static int TextLength(List<string> texts)
    {
        var n = 0;
        foreach (var t in texts)
        {
            n += t.Length;
        }

        return n;
    }

    private Outcome TimedOut(string stage) =>
        new(null, Model.RejectReasons.TimedOut, $"time budget of {options.TimeBudget.TotalSeconds:0.#} s spent while {stage}");

    /// <summary>
    /// Removes what is not body. Hidden elements, furniture tags and class/id matches are removed only while
    /// they hold less than <see cref="MaxBoilerplateShare"/> of the page's prose (text outside links, measured
    /// before anything is removed): a layout column named <c>sidebar-first-only</c> or a hidden streaming
    /// container that holds the article must stay. Elements wrapping the article itself (<c>article</c>,
    /// <c>main</c>, <c>itemprop=articleBody</c>) are never removed for their class names.
    /// </summary>
    private static void RemoveBoilerplate(HtmlElement body, TextStats stats, bool forum, bool lenient = false)
    {
        var bodyProse = Math.Max(1, stats.Prose(body));
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var markerCache = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<HtmlElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element != body && IsDoomed(element, body, stats, bodyProse, verdicts, forum, lenient))
            {
                stats.Remove(element);
                continue;
            }

            // The rest of the cascade reads only what survives: its candidates and markers are gathered here, in document order.
            Survive(element, stats, markerCache);
            for (var child = element.LastElementChild; child is not null; child = child.PreviousElementSibling)
            {
                stack.Push(child);
            }
        }

        // The DOM is left as parsed; the removed subtrees' lengths are taken off their ancestors instead.
        foreach (var element in stats.Removed)
        {
            var removed = stats.Length(element);
            for (var up = element.ParentElement; up is not null; up = up.ParentElement)
            {
                if (stats.TryLength(up, out var l))
                {
                    stats.SetLength(up, (l.Text - removed.Text, l.Link - removed.Link, l.LongLink - removed.LongLink));
                }

                if (up == body)
                {
                    break;
                }
            }
        }
    }

    private static void Survive(HtmlElement element, TextStats stats, Dictionary<string, int> markerCache)
    {
        switch (element.LocalName)
        {
            case "p" or "pre" or "blockquote" or "td":
                stats.Voters.Add(element);
                break;
            case "article":
                stats.Articles.Add(element);
                break;
            case "a" when stats.Length(element).Text >= HeadlineLinkChars:
                stats.HeadlineLinks++;
                break;
            default:
                break;
        }

        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Equals("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            stats.ArticleBodies.Add(element);
        }

        var marks = MarkerKind(element.ClassName, markerCache) | MarkerKind(element.Id, markerCache);
        stats.ForumMarks += marks & 1;
        stats.ProductMarks += marks >> 1;
    }

    private static bool IsDoomed(HtmlElement element, HtmlElement body, TextStats stats, int bodyProse, Dictionary<string, bool> verdicts, bool forum, bool lenient)
    {
        var tag = element.LocalName;
        if (tag == "noscript")
        {
            // Server-rendered fallbacks (Discourse posts) live in <noscript>; a tracking pixel or "enable JavaScript" does not.
            return stats.Length(element).Text < NoscriptMinChars;
        }

        if (ExtractRules.NonContentTags.Contains(tag))
        {
            return true;
        }

        var small = stats.Prose(element) < bodyProse * MaxBoilerplateShare;
        if (IsHidden(element))
        {
            // Inside the main content a hidden block is a closed tab panel or accordion of the page's own text, unless named as furniture.
            return small && (!InsideMain(element, body) || IsFurniture(element, stats, verdicts, forum, lenient));
        }

        return small && IsFurniture(element, stats, verdicts, forum, lenient);
    }

    private static bool IsLinkParagraph(Paragraph p) => p.Text.Length < ShortLinkParagraph && p.LinkChars > p.Text.Length * ParagraphMaxLinkDensity;

    private static bool InsideMain(HtmlElement e, HtmlElement body)
    {
        for (var up = e.ParentElement; up is not null && up != body; up = up.ParentElement)
        {
            if (IsMainMarker(up))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHidden(HtmlElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is null)
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Navigation, headers, footers, share bars, sidebars: by tag, role, class or id. The caller guards against wrappers of the whole page.</summary>
    private static bool IsFurniture(HtmlElement element, TextStats stats, Dictionary<string, bool> verdicts, bool forum, bool lenient)
    {
        var tag = element.LocalName;
        if (ExtractRules.StructuralBoilerplateTags.Contains(tag))
        {
            return true;
        }

        // The article, and layout columns around it, are never furniture whatever their classes say ("post has-sidebar").
        if (stats.HoldsMain(element))
        {
            return false;
        }

        var role = element.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "menu" or "dialog")
        {
            return true;
        }

        // The second, lenient pass trusts tags and roles only: class names such as "teaser" or "promo" name a listing's items.
        if (lenient)
        {
            return false;
        }

        return Matches(element.ClassName) || Matches(element.Id);

        // Pages repeat the same class lists on hundreds of elements; each list is matched once per page.
        bool Matches(string? names)
        {
            if (string.IsNullOrEmpty(names))
            {
                return false;
            }

            if (!verdicts.TryGetValue(names, out var verdict))
            {
                verdict = MatchesBoilerplate(names, forum);
                verdicts[names] = verdict;
            }

            return verdict;
        }
    }

    internal static bool MatchesBoilerplate(string? names, bool forum = false)
    {
        if (string.IsNullOrEmpty(names) || names.Length > 500)
        {
            return false;
        }

        var postClass = false;
        foreach (var signature in ExtractRules.PostClassSignature)
        {
            postClass |= names.Contains(signature, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var tokenRange in names.AsSpan().SplitAny(" \t\n"))
        {
            var token = names.AsSpan(tokenRange);
            if (token.IsEmpty || (postClass && IsTaxonomyClass(token)))
            {
                continue;
            }

            if (ExtractRules.BoilerplateWholeTokens.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token))
            {
                return true;
            }

            foreach (var partRange in token.SplitAny("-_"))
            {
                var part = token[partRange];
                if (part.IsEmpty)
                {
                    continue;
                }

                if (ExtractRules.BoilerplateParts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(part))
                {
                    return true;
                }

                var prefixes = ExtractRules.BoilerplatePrefixSet.GetAlternateLookup<ReadOnlySpan<char>>();
                foreach (var length in ExtractRules.BoilerplatePrefixLengths)
                {
                    if (part.Length >= length && prefixes.Contains(part[..length]) && !(forum && ExtractRules.ForumPostPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(part[..length])))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A thread page, known before anything is removed: its posts are named like comments (<c>comment-724096_wrap</c>,
    /// <c>comment-body</c>), so comment class names must not remove them.
    /// </summary>
    private static bool LooksLikeForum(HtmlMetadata meta, string? pageUrl)
    {
        foreach (var t in meta.Types)
        {
            if (ExtractRules.ForumTypes.Contains(t))
            {
                return !meta.Types.Overlaps(ExtractRules.ArticleTypes);
            }
        }

        var url = meta.Url ?? pageUrl;
        return url is not null && ExtractRules.ForumUrl().IsMatch(url);
    }

    private static bool IsTaxonomyClass(ReadOnlySpan<char> token)
    {
        foreach (var prefix in ExtractRules.TaxonomyClassPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text and link-text lengths of every element, in one post-order pass.</summary>
    /// <remarks>Per-element data sits in arrays indexed by <see cref="HtmlElement.Index"/>: the cascade reads it for
    /// every element several times, and reference-keyed hash maps were a measurable share of extraction time.</remarks>
    private sealed class TextStats
    {
        private Entry[] _entries = new Entry[256];

        private struct Entry
        {
            public bool Measured;
            public bool Removed;
            public bool HoldsMain;
            public (int Text, int Link, int LongLink) Length;
        }

        /// <summary>Roots of the subtrees found to be boilerplate, in the order found; the walks after removal skip them.</summary>
        public List<HtmlElement> Removed { get; } = [];

        /// <summary>Surviving paragraph-like elements that vote for their parents, in document order.</summary>
        public List<HtmlElement> Voters { get; } = [];

        public List<HtmlElement> Articles { get; } = [];

        public List<HtmlElement> ArticleBodies { get; } = [];

        /// <summary>Surviving links with headline-length text.</summary>
        public int HeadlineLinks { get; set; }

        /// <summary>Elements whose class or id names forum software parts, and shop parts.</summary>
        public int ForumMarks { get; set; }
        public int ProductMarks { get; set; }

        private ref Entry At(HtmlElement e)
        {
            if (e.Index >= _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(_entries.Length * 2, e.Index + 1));
            }

            return ref _entries[e.Index];
        }

        public bool TryLength(HtmlElement e, out (int Text, int Link, int LongLink) length)
        {
            if (e.Index < _entries.Length && _entries[e.Index].Measured)
            {
                length = _entries[e.Index].Length;
                return true;
            }

            length = default;
            return false;
        }

        public (int Text, int Link, int LongLink) Length(HtmlElement e) => TryLength(e, out var l) ? l : default;

        public void SetLength(HtmlElement e, (int Text, int Link, int LongLink) length)
        {
            ref var entry = ref At(e);
            entry.Measured = true;
            entry.Length = length;
        }

        public void Remove(HtmlElement e)
        {
            ref var entry = ref At(e);
            if (!entry.Removed)
            {
                entry.Removed = true;
                Removed.Add(e);
            }
        }

        public bool IsRemoved(HtmlElement e) => e.Index < _entries.Length && _entries[e.Index].Removed;

        /// <summary>Whether the element is or contains a main-content marker (<c>article</c>, <c>main</c>, <c>role=main</c>, <c>itemprop=articleBody</c>).</summary>
        public bool HoldsMain(HtmlElement e) => e.Index < _entries.Length && _entries[e.Index].HoldsMain;

        public void MarkHoldsMain(HtmlElement e) => At(e).HoldsMain = true;

        public int Prose(HtmlElement e) => TryLength(e, out var l) ? l.Text - l.Link : 0;

        /// <summary>Prose plus headline-length link text: the items of a listing count, menu links do not.</summary>
        public int Content(HtmlElement e) => TryLength(e, out var l) ? l.Text - l.Link + l.LongLink : 0;
    }

    private static bool IsMainMarker(HtmlElement e) =>
        e.LocalName is "main" or "article"
        || string.Equals(e.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)
        || e.GetAttribute("itemprop")?.Contains("articleBody", StringComparison.OrdinalIgnoreCase) == true;

    private (TextStats Stats, Outcome Limits) Measure(HtmlElement root, Stopwatch clock)
    {
        var stats = new TextStats();
        var order = new List<HtmlElement>();
        var stack = new Stack<(HtmlElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (e, depth) = stack.Pop();
            if (depth > options.MaxDomDepth)
            {
                return (stats, new(null, Model.RejectReasons.Unparseable, $"DOM nests deeper than {options.MaxDomDepth} levels (limit MaxDomDepth)"));
            }

            order.Add(e);
            if (order.Count > options.MaxNodes)
            {
                return (stats, new(null, Model.RejectReasons.Unparseable, $"DOM has more than {options.MaxNodes:N0} elements (limit MaxNodes)"));
            }

            if ((order.Count & 1023) == 0 && clock.Elapsed > options.TimeBudget)
            {
                return (stats, TimedOut("walking the DOM"));
            }

            for (var child = e.FirstElementChild; child is not null; child = child.NextElementSibling)
            {
                stack.Push((child, depth + 1));
            }
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var e = order[i];
            var text = 0;
            var link = 0;
            var longLink = 0;
            var main = IsMainMarker(e);
            if (!SilentTags.Contains(e.LocalName))
            {
                for (var node = e.FirstChild; node is not null; node = node.NextSibling)
                {
                    if (node is HtmlText t)
                    {
                        text += CountNonSpace(t.Span);
                    }
                    else if (node is HtmlElement child && stats.TryLength(child, out var c))
                    {
                        text += c.Text;
                        link += c.Link;
                        longLink += c.LongLink;
                        main |= stats.HoldsMain(child);
                    }
                }
            }

            if (main)
            {
                stats.MarkHoldsMain(e);
            }

            if (e.LocalName == "a")
            {
                link = text;
                longLink = text >= ContentLinkChars ? text : 0;
            }

            stats.SetLength(e, (text, link, longLink));
        }

        return (stats, default);
    }

    private static int CountNonSpace(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return n;
    }

    private static HtmlElement PickContainer(HtmlElement body, TextStats stats)
    {
        int NonLink(HtmlElement e) => stats.Prose(e);

        HtmlElement? best = null;
        foreach (var e in stats.ArticleBodies)
        {
            if (best is null || NonLink(e) > NonLink(best))
            {
                best = e;
            }
        }

        if (best is not null && NonLink(best) >= MinContainerChars)
        {
            return best;
        }

        // Score parents by the paragraph text they hold (a readability-style vote).
        var scores = new Dictionary<HtmlElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var p in stats.Voters)
        {
            if (!stats.TryLength(p, out var l) || l.Text - l.Link < 25)
            {
                continue;
            }

            double vote = l.Text - l.Link;
            // Voters come from the walk under body, so their parents are in it; a grandparent may be <html>.
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + vote;
                if (parent != body && parent.ParentElement is { } grand)
                {
                    scores[grand] = scores.GetValueOrDefault(grand) + vote / 2;
                }
            }
        }

        HtmlElement? scored = null;
        var bestScore = 0.0;
        foreach (var (e, score) in scores)
        {
            var l = stats.Length(e);
            var s = score * (1 - (l.Text == 0 ? 0 : (double)l.Link / l.Text));
            if (s > bestScore)
            {
                bestScore = s;
                scored = e;
            }
        }

        HtmlElement? article = null;
        foreach (var e in stats.Articles)
        {
            if (article is null || NonLink(e) > NonLink(article))
            {
                article = e;
            }
        }

        // Prefer <article> when it holds the best-scored block: it also keeps the subheadings around it.
        if (article is not null && NonLink(article) >= MinContainerChars && (scored is null || article.Contains(scored)))
        {
            return article;
        }

        if (scored is not null)
        {
            // Paragraphs split over sibling sections vote for the grandparent too; climb when the parent holds much more.
            if (scored.ParentElement is { } up && up != body.ParentElement && stats.TryLength(up, out var ul) && scores.GetValueOrDefault(up) > bestScore * 0.75 && ul.Link < ul.Text * MaxArticleLinkDensity)
            {
                return up;
            }

            return scored;
        }

        return article ?? body;
    }

    /// <summary>
    /// Step 3 of the cascade: a container holding less than <see cref="MinContainerShare"/> of the page's prose is
    /// one section of a page made of many (landing pages, product pages, threads); climb to the nearest
    /// ancestor that holds that share.
    /// </summary>
    private static HtmlElement Widen(HtmlElement container, HtmlElement body, TextStats stats)
    {
        var pageProse = stats.Content(body);
        var e = container;
        while (e != body && stats.Content(e) < pageProse * MinContainerShare && e.ParentElement is { } parent)
        {
            e = parent;
        }

        return e;
    }

    private void CollectParagraphs(HtmlElement container, TextStats stats, List<Paragraph> output, Stopwatch clock)
    {
        var buffer = new StringBuilder();
        var linkChars = 0;
        var visited = 0;
        Emit(container, false);
        Flush(0);

        void Flush(int heading)
        {
            if (buffer.Length == 0)
            {
                return;
            }

            var raw = buffer.ToString();
            buffer.Clear();
            var parts = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
            {
                var text = Whitespace.CollapseHtml(part);
                if (text.Length > 0)
                {
                    output.Add(new Paragraph(text, parts.Length == 1 ? Math.Min(linkChars, text.Length) : 0, heading));
                }
            }

            linkChars = 0;
        }

        void Emit(HtmlElement element, bool inLink)
        {
            if ((++visited & 1023) == 0 && clock.Elapsed > options.TimeBudget)
            {
                return;
            }

            var isParagraph = ExtractRules.ParagraphTags.Contains(element.LocalName);
            var heading = HeadingLevel(element.LocalName);
            if (isParagraph)
            {
                Flush(0);
            }

            for (var node = element.FirstChild; node is not null; node = node.NextSibling)
            {
                if (node is HtmlText textNode)
                {
                    var t = textNode.Span;
                    buffer.Append(t);
                    if (inLink)
                    {
                        linkChars += CountNonSpace(t);
                    }

                    continue;
                }

                if (node is not HtmlElement child || stats.IsRemoved(child))
                {
                    continue;
                }

                var name = child.LocalName;
                if (name == "br")
                {
                    buffer.Append('\n');
                    continue;
                }

                if (InlineTags.Contains(name))
                {
                    Emit(child, inLink || name == "a");
                    continue;
                }

                Flush(heading);
                Emit(child, inLink);
                Flush(HeadingLevel(name));
            }

            if (isParagraph)
            {
                Flush(heading);
            }
        }
    }

    private static List<string> CleanParagraphs(List<Paragraph> paragraphs, string? title, HtmlMetadata meta, bool dropLinkParagraphs)
    {
        var isArticle = dropLinkParagraphs;
        // Navigation that slipped through: short paragraphs that are mostly link text. When such paragraphs are
        // most of the text, they are the page's items (a front page read as an article), not navigation.
        if (dropLinkParagraphs)
        {
            int total = 0, linky = 0;
            foreach (var p in paragraphs)
            {
                total += p.Text.Length;
                linky += IsLinkParagraph(p) ? p.Text.Length : 0;
            }

            dropLinkParagraphs = linky < total * MaxLinkParagraphShare;
        }

        paragraphs.RemoveAll(p => dropLinkParagraphs && IsLinkParagraph(p));

        // The headline, a byline or a date widget at the top are header, not body.
        var head = 0;
        while (head < paragraphs.Count && head < 4)
        {
            var text = paragraphs[head].Text;
            if ((title is not null && PlainTextExtractor.SameText(text, title)) || (meta.H1 is not null && PlainTextExtractor.SameText(text, meta.H1)))
            {
                paragraphs.RemoveAt(head);
                continue;
            }

            if (DateParser.ParseDateLine(text) is { } date)
            {
                meta.Date(date, Model.DateSources.Byline);
                paragraphs.RemoveAt(head);
                continue;
            }

            var by = ExtractRules.BylineLine().Match(text);
            if (by.Success && PlainTextExtractor.CountWords(by.Groups["who"].Value) <= 8)
            {
                meta.TryAuthors([by.Groups["who"].Value], MetadataSources.Byline, visible: true);

                paragraphs.RemoveAt(head);
                continue;
            }

            if (IsAuthorAndDateLine(text, meta))
            {
                paragraphs.RemoveAt(head);
                continue;
            }

            head++;
        }

        // A recommendation heading ("Related", "Customers also viewed") opens a block of other pages' teasers that ends
        // at the next heading; the page's own sections after it stay (documentation, shop pages, long reads).
        {
            var skipping = int.MaxValue;
            var kept = paragraphs.FindAll(p =>
            {
                if (p.Heading || p.Text.Length < 80)
                {
                    // A shop block ("Customers also viewed") ends at a heading of the same or a higher rank: its items have
                    // headings of their own. A teaser marker ("Related", "Latest") ends at any heading.
                    var t = p.Text.TrimEnd(':', '：', ' ', '»', '›', '>');
                    if (ExtractRules.ContainsAny(t, ExtractRules.RecommendationPhrases))
                    {
                        skipping = p.Heading ? p.Level : 6;
                        return false;
                    }

                    if (ExtractRules.TeaserMarkers.Contains(t))
                    {
                        skipping = 6;
                        return false;
                    }
                }

                if (p.Heading && p.Level <= skipping)
                {
                    skipping = int.MaxValue;
                }

                return skipping == int.MaxValue;
            });

            // A page that is nothing but such a block keeps it: it is all there is.
            if (kept.Count > 0)
            {
                paragraphs = kept;
            }
        }

        // Responsive themes print the same block twice (a mobile and a desktop copy); the reader sees it once. Off
        // articles every repeat goes, short ones too: a shop grid's "Add to cart", a thread's "Reply" and "Quote" lines
        // are widgets, not items (wcxb-dev, non-article pages only: all 0.850 -> see commit; articles unchanged).
        var texts = new List<string>(paragraphs.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            if ((isArticle && p.Text.Length < MinRepeatChars) || seen.Add(p.Text))
            {
                texts.Add(p.Text);
            }
        }

        PlainTextExtractor.CutTeasersAndShareBars(texts);
        return texts;
    }

    /// <summary>
    /// A meta line with no "By": an author already read from the page followed by nothing or by a date
    /// ("Lena Marsh Thursday, 9 July 2026 - 11:05", "Lena Marsh | 9 July 2026"), as Drupal and WordPress themes print it.
    /// </summary>
    private static bool IsAuthorAndDateLine(string text, HtmlMetadata meta)
    {
        foreach (var author in meta.Authors)
        {
            if (author.Length == 0 || !text.StartsWith(author, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text.AsSpan(author.Length).TrimStart(" \u00a0|·•—–-,:".AsSpan());
            return rest.IsEmpty || DateParser.ParseDateLine(rest.ToString()) is not null;
        }

        return false;
    }

    private static IEnumerable<string> SplitJsonLdBody(string body)
    {
        foreach (var line in body.Split('\n'))
        {
            var t = Whitespace.CollapseHtml(line);
            if (t.Length > 0)
            {
                yield return t;
            }
        }
    }

    private static (string Kind, string Evidence) DecideKind(HtmlMetadata meta, HtmlElement body, TextStats stats, int paragraphs, int chars, double density)
    {
        var ldArticle = false;
        var ldProduct = false;
        var ldForum = false;
        var ldListing = false;
        foreach (var t in meta.Types)
        {
            ldArticle |= ExtractRules.ArticleTypes.Contains(t);
            ldProduct |= ExtractRules.ProductTypes.Contains(t);
            ldForum |= ExtractRules.ForumTypes.Contains(t);
            ldListing |= ExtractRules.ListingTypes.Contains(t);
        }

        var numbers = $"{paragraphs} paragraphs, {chars} characters, link density {density:0.00}";
        if (ldProduct && !ldArticle)
        {
            return (Model.PageKinds.Product, "JSON-LD type Product");
        }

        if (ldForum && !ldArticle)
        {
            return (Model.PageKinds.Forum, "JSON-LD type " + string.Join('/', meta.Types));
        }

        var substantial = ((paragraphs >= ArticleMinParagraphs && chars >= ArticleMinCharsWithParagraphs) || chars >= ArticleMinChars) && density < MaxArticleLinkDensity;
        var forumMarks = stats.ForumMarks;
        var productMarks = stats.ProductMarks;
        if (substantial && !ldArticle && forumMarks >= 3)
        {
            return (Model.PageKinds.Forum, $"{forumMarks} forum post markers");
        }

        if (substantial && !ldArticle && productMarks >= 1 && meta.OgType?.Contains("product", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (Model.PageKinds.Product, "og:type product and shop markers");
        }

        if (substantial && !(ldListing && !ldArticle))
        {
            return (Model.PageKinds.Article, numbers);
        }

        if (ldArticle && chars >= JsonLdArticleMinChars)
        {
            return (Model.PageKinds.Article, "JSON-LD article type; " + numbers);
        }

        if (string.Equals(meta.OgType, "article", StringComparison.OrdinalIgnoreCase) && chars >= ArticleMinCharsWithParagraphs && density < MaxArticleLinkDensity)
        {
            return (Model.PageKinds.Article, "og:type article; " + numbers);
        }

        var bodyLengths = stats.Length(body);
        var bodyDensity = bodyLengths.Text == 0 ? 0 : (double)bodyLengths.Link / bodyLengths.Text;
        if (ldListing || (stats.HeadlineLinks >= ListingMinLinks && bodyDensity > MaxArticleLinkDensity))
        {
            return (Model.PageKinds.Listing, $"{stats.HeadlineLinks} headline links, page link density {bodyDensity:0.00}");
        }

        if (forumMarks >= 3)
        {
            return (Model.PageKinds.Forum, $"{forumMarks} forum post markers");
        }

        if (productMarks >= 1 || meta.OgType?.Contains("product", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (Model.PageKinds.Product, "shop markers");
        }

        return (Model.PageKinds.Other, "too little article text: " + numbers);
    }

    /// <summary>
    /// A page with enough prose reads as an article to <see cref="DecideKind"/>; this asks whether the prose is news:
    /// pages with no article type, no og:type article, no date and no author are docs, services, shops or lists, told
    /// apart by shop markers, URL shape and headline links. Never turns an article-typed page into anything else.
    /// </summary>
    private static (string Kind, string Evidence) RefineKind(string kind, string evidence, HtmlMetadata meta, TextStats stats, string? pageUrl)
    {
        if (kind != Model.PageKinds.Article || meta.Types.Overlaps(ExtractRules.ArticleTypes))
        {
            return (kind, evidence);
        }

        var url = meta.Url ?? pageUrl ?? "";
        var ogType = meta.OgType ?? "";
        if (ogType.Contains("product", StringComparison.OrdinalIgnoreCase) || meta.Types.Overlaps(ExtractRules.ProductTypes))
        {
            return (Model.PageKinds.Product, "product type; " + evidence);
        }

        var dated = meta.Published is not null || meta.Authors.Count > 0 || string.Equals(ogType, "article", StringComparison.OrdinalIgnoreCase);
        if (dated)
        {
            return (kind, evidence);
        }

        if (stats.ProductMarks >= 1 || ExtractRules.ProductUrl().IsMatch(url))
        {
            return (Model.PageKinds.Product, "undated, shop markers or product URL; " + evidence);
        }

        if (ExtractRules.ForumUrl().IsMatch(url) || stats.ForumMarks >= 3)
        {
            return (Model.PageKinds.Forum, "undated, forum URL or markers; " + evidence);
        }

        if (meta.Types.Overlaps(ExtractRules.ListingTypes) || ExtractRules.ListingUrl().IsMatch(url))
        {
            return (Model.PageKinds.Listing, "undated, listing type or URL; " + evidence);
        }

        // Undated prose alone is too weak: evergreen guides and wire copy without metadata are articles to ingest.
        return ExtractRules.OtherUrl().IsMatch(url)
            ? (Model.PageKinds.Other, "undated, documentation or service URL; " + evidence)
            : (kind, evidence);
    }

    /// <summary>Whether a class or id names forum (1) or shop (2) parts; cached per distinct string.</summary>
    private static int MarkerKind(string? names, Dictionary<string, int> cache)
    {
        if (string.IsNullOrEmpty(names))
        {
            return 0;
        }

        if (cache.TryGetValue(names, out var kind))
        {
            return kind;
        }

        kind = (ExtractRules.ContainsAny(names, ExtractRules.ForumMarkers) ? 1 : 0) | (ExtractRules.ContainsAny(names, ExtractRules.ProductMarkers) ? 2 : 0);

        cache[names] = kind;
        return kind;
    }

}
