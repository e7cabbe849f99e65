namespace Parallax.Extract.Html;

/// <summary>
/// An element. Attribute names are lower-case and interned; names and values sit in one small array
/// (name, value, name, value, ...) because elements have few attributes and a dictionary costs more than a scan.
/// </summary>
internal sealed class HtmlElement : HtmlNode
{
    private static readonly string[] NoAttributes = [];
    private string[] _attributes;

    internal HtmlElement(string localName, TagFlags flags, string[]? attributes)
    {
        LocalName = localName;
        Flags = flags;
        _attributes = attributes ?? NoAttributes;
    }

    public override HtmlNodeType NodeType => HtmlNodeType.Element;

    /// <summary>The lower-case element name (<c>div</c>, <c>svg</c>, <c>path</c>).</summary>
    public string LocalName { get; }

    /// <summary>The upper-case name, as the DOM's <c>tagName</c> gives it for HTML elements.</summary>
    public string TagName => LocalName.ToUpperInvariant();

    internal TagFlags Flags { get; }

    /// <summary>Set by the parser for elements inside <c>svg</c> or <c>math</c>.</summary>
    internal bool IsForeign { get; init; }

    /// <summary>Creation order in its document, from 0: callers keep per-element data in arrays instead of hash maps.</summary>
    internal int Index { get; init; }

    public int AttributeCount => _attributes.Length / 2;

    public string? ClassName => GetAttribute("class");

    public string? Id => GetAttribute("id");

    public HtmlElement? FirstElementChild => FirstElement(FirstChild, forward: true);

    public HtmlElement? LastElementChild => FirstElement(LastChild, forward: false);

    public HtmlElement? NextElementSibling => FirstElement(NextSibling, forward: true);

    public HtmlElement? PreviousElementSibling => FirstElement(PreviousSibling, forward: false);

    /// <summary>The first element at or after <paramref name="start"/> among its siblings, walking forward or backward.</summary>
    private static HtmlElement? FirstElement(HtmlNode? start, bool forward)
    {
        for (var n = start; n is not null; n = forward ? n.NextSibling : n.PreviousSibling)
        {
            if (n is HtmlElement e)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The child elements, in order.</summary>
    public IEnumerable<HtmlElement> Children
    {
        get
        {
            for (var e = FirstElementChild; e is not null; e = e.NextElementSibling)
            {
                yield return e;
            }
        }
    }

    /// <summary>The attribute's value, or null when absent; <paramref name="name"/> is matched case-insensitively.</summary>
    public string? GetAttribute(string name)
    {
        var a = _attributes;
        for (var i = 0; i < a.Length; i += 2)
        {
            if (ReferenceEquals(a[i], name) || string.Equals(a[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return a[i + 1];
            }
        }

        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>The attributes as (name, value) pairs, in source order.</summary>
    public IEnumerable<(string Name, string Value)> Attributes
    {
        get
        {
            for (var i = 0; i < _attributes.Length; i += 2)
            {
                yield return (_attributes[i], _attributes[i + 1]);
            }
        }
    }

    /// <summary>Adds the attributes this element lacks (a second <c>&lt;body&gt;</c> or <c>&lt;html&gt;</c> tag does this in browsers).</summary>
    internal void MergeAttributes(string[]? more)
    {
        if (more is null)
        {
            return;
        }

        var merged = new List<string>(_attributes);
        for (var i = 0; i < more.Length; i += 2)
        {
            if (GetAttribute(more[i]) is null)
            {
                merged.Add(more[i]);
                merged.Add(more[i + 1]);
            }
        }

        _attributes = [.. merged];
    }
}
