namespace Parallax.Extract.Html;

/// <summary>
/// Builds the tree from the tokens <see cref="HtmlParser"/> reads: a simplified form of the HTML standard's tree
/// construction that gives the same shape on the pages that matter for text extraction.
/// <list type="bullet">
/// <item><c>html</c>, <c>head</c> and <c>body</c> are created when missing; head content before the body goes to the head.</item>
/// <item>Void elements never open; <c>p</c> is closed by block starts; <c>li</c>, <c>dd</c>/<c>dt</c>, <c>option</c>,
/// <c>tr</c>, <c>td</c>/<c>th</c> and table sections close their open sibling; a row or cell directly in a table gets
/// its implied <c>tbody</c>/<c>tr</c>; table parts outside any table are ignored.</item>
/// <item>An end tag closes the nearest open element of its name unless a scope boundary (<c>table</c>, <c>td</c>,
/// <c>object</c>, ...) lies between; stray end tags are ignored. A formatting end tag (<c>&lt;/b&gt;</c>, <c>&lt;/a&gt;</c>)
/// never closes a block opened inside it: the standard's adoption agency would re-parent, and leaving the block
/// open keeps its text where a reader sees it.</item>
/// <item>Inside <c>svg</c>/<c>math</c>, self-closing tags count and nothing is raw text; an HTML block start leaves foreign content.</item>
/// </list>
/// Not done (no effect on extracted text): foster parenting of text inside tables, reconstruction of formatting
/// elements after misnesting, the <c>form</c> pointer, frameset, quirks mode.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The document is handed to the caller by Finish; its Dispose does nothing.")]
internal sealed class HtmlTreeBuilder
{
    private enum Phase
    {
        Initial,
        BeforeHead,
        InHead,
        AfterHead,
        InBody,
    }

    /// <summary>Elements whose open count the builder keeps, so scope searches are skipped when none is open.</summary>
    private enum Track : byte
    {
        None,
        P,
        Li,
        DdDt,
        A,
        Button,
        Table,
        Cell,
        Row,
        Section,
        Select,
        Count,
    }

    private readonly HtmlDocument _document = new();
    private readonly string _source;
    private readonly int _maxDepth;
    private HtmlElement[] _stack = new HtmlElement[64];
    private Track[] _tracks = new Track[64];
    private readonly int[] _open = new int[(int)Track.Count];
    private int _count;
    private Phase _phase;
    private HtmlElement? _html;
    private HtmlElement? _head;
    private HtmlElement? _body;

    public HtmlTreeBuilder(string source, int maxDepth)
    {
        _source = source;
        _maxDepth = Math.Max(4, maxDepth);
    }

    private HtmlElement Current => _stack[_count - 1];

    /// <summary>Whether the current node is SVG or MathML (where <c>&lt;![CDATA[</c> is text).</summary>
    public bool InForeign => _count > 0 && Current.IsForeign;

    public HtmlDocument Finish()
    {
        EnsureBody();
        return _document;
    }

    /// <summary>Text from the source, <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/>; <paramref name="decoded"/> when it held character references.</summary>
    public void Text(int start, int length, string? decoded)
    {
        if (_phase != Phase.InBody)
        {
            var span = decoded is null ? _source.AsSpan(start, length) : decoded.AsSpan();
            var blank = span.IsWhiteSpace();
            if (_phase == Phase.InHead && blank)
            {
                AppendText(Current, start, length, decoded);
                return;
            }

            if (blank)
            {
                return;
            }

            EnsureBody();
        }

        AppendText(Current, start, length, decoded);
    }

    /// <summary>The text of a raw-text element (script, style, title), straight into that element.</summary>
    public void RawText(HtmlElement element, int start, int length, string? decoded)
    {
        if (length > 0)
        {
            AppendText(element, start, length, decoded);
        }
    }

    /// <summary>The end tag of a raw-text element was read: close it if it is the current node.</summary>
    public void EndRawText(HtmlElement element)
    {
        if (_count > 0 && ReferenceEquals(Current, element))
        {
            Pop();
        }
    }

    private void AppendText(HtmlNode parent, int start, int length, string? decoded)
    {
        if (parent.LastChild is HtmlText last)
        {
            // Two runs in a row (split by a skipped comment or tag) are one text node, as in a browser.
            last.Append(decoded is null ? _source.AsSpan(start, length) : decoded.AsSpan());
            return;
        }

        parent.AppendChild(decoded is null ? new HtmlText(_source, start, length) : new HtmlText(decoded));
    }

    /// <summary>
    /// A start tag. Returns the element when its content is raw text the tokenizer must read (script, style, title,
    /// textarea...), else null.
    /// </summary>
    public HtmlElement? StartTag(string name, TagFlags flags, string[]? attributes, bool selfClosing)
    {
        switch (_phase)
        {
            case Phase.Initial:
                if (name == "html")
                {
                    CreateHtml(attributes);
                    return null;
                }

                CreateHtml(null);
                goto case Phase.BeforeHead;
            case Phase.BeforeHead:
                if (name == "head")
                {
                    CreateHead(attributes);
                    return null;
                }

                CreateHead(null);
                goto case Phase.InHead;
            case Phase.InHead:
                if (name == "html")
                {
                    _html!.MergeAttributes(attributes);
                    return null;
                }

                if (name == "head")
                {
                    return null;
                }

                if ((flags & TagFlags.HeadContent) != 0)
                {
                    return Insert(Current, name, flags, attributes, selfClosing, foreign: false);
                }

                CloseHead();
                goto case Phase.AfterHead;
            case Phase.AfterHead:
                if (name == "body")
                {
                    CreateBody(attributes);
                    return null;
                }

                if (name == "html")
                {
                    _html!.MergeAttributes(attributes);
                    return null;
                }

                if ((flags & TagFlags.HeadContent) != 0 && name != "noscript")
                {
                    // Head content between </head> and the body still belongs to the head; it does not stay open.
                    var e = NewElement(_head!, name, flags, attributes, foreign: false);
                    return IsRawText(flags) ? e : null;
                }

                CreateBody(null);
                break;
            default:
                break;
        }

        return StartInBody(name, flags, attributes, selfClosing);
    }

    private HtmlElement? StartInBody(string name, TagFlags flags, string[]? attributes, bool selfClosing)
    {
        if (Current.IsForeign)
        {
            if ((flags & TagFlags.BreaksForeign) == 0 && !(name == "font" && FontBreaksForeign(attributes)))
            {
                return Insert(Current, name, flags, attributes, selfClosing, foreign: true);
            }

            while (_count > 1 && Current.IsForeign)
            {
                Pop();
            }
        }

        switch (name)
        {
            case "html":
                _html!.MergeAttributes(attributes);
                return null;
            case "body":
                _body!.MergeAttributes(attributes);
                return null;
            case "head" or "frameset":
                return null;
            case "image":
                name = "img";
                flags = HtmlTags.Flags["img"];
                break;
            default:
                break;
        }

        if ((flags & TagFlags.TablePart) != 0 && _open[(int)Track.Table] == 0)
        {
            return null;
        }

        if ((flags & TagFlags.ClosesP) != 0 && _open[(int)Track.P] > 0)
        {
            CloseInScope(Track.P, name: null, Scope.Button);
        }

        switch (name)
        {
            case "li":
                CloseListItem(Track.Li);
                break;
            case "dd" or "dt":
                CloseListItem(Track.DdDt);
                break;
            case "option":
                if (Current.LocalName == "option")
                {
                    Pop();
                }

                break;
            case "optgroup":
                if (Current.LocalName == "option")
                {
                    Pop();
                }

                if (Current.LocalName == "optgroup")
                {
                    Pop();
                }

                break;
            case "a":
                if (_open[(int)Track.A] > 0)
                {
                    // A link never holds another: an open one is closed when only inline elements lie above it.
                    for (var k = _count - 1; k > 0; k--)
                    {
                        if (_tracks[k] == Track.A)
                        {
                            PopTo(k);
                            break;
                        }

                        if ((_stack[k].Flags & TagFlags.Special) != 0)
                        {
                            break;
                        }
                    }
                }

                break;
            case "button":
                if (_open[(int)Track.Button] > 0)
                {
                    CloseInScope(Track.Button, name: null, Scope.Default);
                }

                break;
            case "select":
                if (_open[(int)Track.Select] > 0)
                {
                    // A select inside a select closes the first, as browsers do.
                    CloseInScope(Track.Select, name: null, Scope.Default);
                    return null;
                }

                break;
            case "tr":
                CloseInScope(Track.Row, name: null, Scope.Table);
                CloseInScope(Track.Cell, name: null, Scope.Table);
                if (Current.LocalName == "table")
                {
                    Insert(Current, "tbody", HtmlTags.Flags["tbody"], null, false, false);
                }

                break;
            case "td" or "th":
                CloseInScope(Track.Cell, name: null, Scope.Table);
                if (Current.LocalName == "table")
                {
                    Insert(Current, "tbody", HtmlTags.Flags["tbody"], null, false, false);
                }

                if (Current.LocalName is "tbody" or "thead" or "tfoot")
                {
                    Insert(Current, "tr", HtmlTags.Flags["tr"], null, false, false);
                }

                break;
            case "tbody" or "thead" or "tfoot":
                CloseInScope(Track.Section, name: null, Scope.Table);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if ((Current.Flags & TagFlags.Heading) != 0)
                {
                    Pop();
                }

                break;
            default:
                break;
        }

        return Insert(Current, name, flags, attributes, selfClosing, foreign: (flags & TagFlags.Foreign) != 0);
    }

    private static bool FontBreaksForeign(string[]? attributes)
    {
        if (attributes is null)
        {
            return false;
        }

        for (var i = 0; i < attributes.Length; i += 2)
        {
            if (attributes[i] is "color" or "face" or "size")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRawText(TagFlags flags) => (flags & (TagFlags.RawText | TagFlags.EscapableRawText)) != 0;

    /// <summary>An <c>li</c> closes the open <c>li</c> unless a block other than address/div/p lies between (the standard's rule).</summary>
    private void CloseListItem(Track track)
    {
        if (_open[(int)track] == 0)
        {
            return;
        }

        for (var k = _count - 1; k > 0; k--)
        {
            if (_tracks[k] == track)
            {
                PopTo(k);
                return;
            }

            var e = _stack[k];
            if ((e.Flags & TagFlags.Special) != 0 && e.LocalName is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    public void EndTag(string name, TagFlags flags)
    {
        if (_phase != Phase.InBody)
        {
            EndBeforeBody(name);
            return;
        }

        if (Current.IsForeign)
        {
            for (var k = _count - 1; k > 0 && _stack[k].IsForeign; k--)
            {
                if (_stack[k].LocalName == name)
                {
                    PopTo(k);
                    return;
                }
            }
        }

        switch (name)
        {
            case "body" or "html":
                // Content after </body> still goes into the body in browsers; keep everything open.
                return;
            case "p":
                CloseInScope(Track.P, name: null, Scope.Button);
                return;
            case "br":
                StartInBody("br", flags, null, false);
                return;
            case "li":
                CloseInScope(Track.Li, name: null, Scope.ListItem);
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                for (var k = _count - 1; k > 0; k--)
                {
                    if ((_stack[k].Flags & TagFlags.Heading) != 0)
                    {
                        PopTo(k);
                        return;
                    }

                    if (IsBoundary(_stack[k], Scope.Default))
                    {
                        return;
                    }
                }

                return;
            case "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "table" or "caption" or "colgroup":
                CloseInScope(Track.None, name, Scope.Table);
                return;
            default:
                break;
        }

        if ((flags & TagFlags.BlockEnd) != 0)
        {
            CloseInScope(Track.None, name, Scope.Default);
            return;
        }

        // Formatting and any other end tag: the nearest open element of that name, unless a block lies between.
        for (var k = _count - 1; k > 0; k--)
        {
            var e = _stack[k];
            if (e.LocalName == name)
            {
                PopTo(k);
                return;
            }

            if ((e.Flags & TagFlags.Special) != 0)
            {
                return;
            }
        }
    }

    private void EndBeforeBody(string name)
    {
        if (_phase != Phase.InHead)
        {
            return;
        }

        if (name is "head" or "body" or "html" or "br")
        {
            CloseHead();
            return;
        }

        for (var k = _count - 1; k > 0 && !ReferenceEquals(_stack[k], _head); k--)
        {
            if (_stack[k].LocalName == name)
            {
                PopTo(k);
                return;
            }
        }
    }

    private enum Scope
    {
        Default,
        Button,
        ListItem,
        Table,
    }

    private static bool IsBoundary(HtmlElement e, Scope scope)
    {
        if (scope == Scope.Table)
        {
            return e.LocalName is "table" or "html" or "template";
        }

        if ((e.Flags & TagFlags.ScopeBoundary) != 0)
        {
            return true;
        }

        return scope switch
        {
            Scope.Button => e.LocalName == "button",
            Scope.ListItem => e.LocalName is "ol" or "ul",
            _ => false,
        };
    }

    /// <summary>Closes the nearest open element matching <paramref name="track"/> (or named <paramref name="name"/>) when it is in scope.</summary>
    private void CloseInScope(Track track, string? name, Scope scope)
    {
        if (track != Track.None && _open[(int)track] == 0)
        {
            return;
        }

        for (var k = _count - 1; k > 0; k--)
        {
            var e = _stack[k];
            if (track != Track.None ? _tracks[k] == track : e.LocalName == name)
            {
                PopTo(k);
                return;
            }

            if (IsBoundary(e, scope))
            {
                return;
            }
        }
    }

    private HtmlElement? Insert(HtmlElement parent, string name, TagFlags flags, string[]? attributes, bool selfClosing, bool foreign)
    {
        foreign |= parent.IsForeign && parent.LocalName is not ("foreignObject" or "foreignobject" or "desc" or "title" or "mi" or "mo" or "mn" or "ms" or "mtext" or "annotation-xml");
        var element = NewElement(parent, name, flags, attributes, foreign);
        if (foreign ? selfClosing : (flags & TagFlags.Void) != 0)
        {
            return null;
        }

        if (_count >= _maxDepth)
        {
            // Deeper than the limit: the element stays, as a leaf at this depth, and its content goes beside it.
            _document.DepthLimited = true;
            return !foreign && IsRawText(flags) ? element : null;
        }

        Push(element);
        return !foreign && IsRawText(flags) ? element : null;
    }

    private HtmlElement NewElement(HtmlNode parent, string name, TagFlags flags, string[]? attributes, bool foreign)
    {
        var element = new HtmlElement(name, foreign ? TagFlags.None : flags, attributes) { IsForeign = foreign, Index = _document.ElementCount };
        parent.AppendChild(element);
        _document.ElementCount++;
        return element;
    }

    private void Push(HtmlElement element)
    {
        if (_count == _stack.Length)
        {
            Array.Resize(ref _stack, _count * 2);
            Array.Resize(ref _tracks, _count * 2);
        }

        var track = element.IsForeign ? Track.None : TrackOf(element.LocalName);
        _stack[_count] = element;
        _tracks[_count] = track;
        _open[(int)track]++;
        _count++;
        if (_count > _document.MaxDepth)
        {
            _document.MaxDepth = _count;
        }
    }

    private static Track TrackOf(string name) => name switch
    {
        "p" => Track.P,
        "li" => Track.Li,
        "dd" or "dt" => Track.DdDt,
        "a" => Track.A,
        "button" => Track.Button,
        "table" => Track.Table,
        "td" or "th" => Track.Cell,
        "tr" => Track.Row,
        "tbody" or "thead" or "tfoot" => Track.Section,
        "select" => Track.Select,
        _ => Track.None,
    };

    private void Pop()
    {
        _count--;
        _open[(int)_tracks[_count]]--;
        _stack[_count] = null!;
    }

    /// <summary>Pops the elements above index <paramref name="k"/> and the element at <paramref name="k"/>; the root stays.</summary>
    private void PopTo(int k)
    {
        while (_count > Math.Max(k, 1))
        {
            Pop();
        }
    }

    private void CreateHtml(string[]? attributes)
    {
        _html = NewElement(_document, "html", HtmlTags.Flags["html"], attributes, foreign: false);
        _document.DocumentElement = _html;
        Push(_html);
        _phase = Phase.BeforeHead;
    }

    private void CreateHead(string[]? attributes)
    {
        _head = NewElement(_html!, "head", HtmlTags.Flags["head"], attributes, foreign: false);
        _document.Head = _head;
        Push(_head);
        _phase = Phase.InHead;
    }

    private void CloseHead()
    {
        for (var k = _count - 1; k > 0; k--)
        {
            if (ReferenceEquals(_stack[k], _head))
            {
                PopTo(k);
                break;
            }
        }

        _phase = Phase.AfterHead;
    }

    private void CreateBody(string[]? attributes)
    {
        _body = NewElement(_html!, "body", HtmlTags.Flags["body"], attributes, foreign: false);
        _document.Body = _body;
        Push(_body);
        _phase = Phase.InBody;
    }

    private void EnsureBody()
    {
        if (_phase == Phase.Initial)
        {
            CreateHtml(null);
        }

        if (_phase == Phase.BeforeHead)
        {
            CreateHead(null);
        }

        if (_phase == Phase.InHead)
        {
            CloseHead();
        }

        if (_phase == Phase.AfterHead)
        {
            CreateBody(null);
        }
    }
}
