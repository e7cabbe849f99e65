using Parallax.Text;

namespace Parallax.Extract.Html;

/// <summary>
/// A parsed page. It always has <c>html</c>, <c>head</c> and <c>body</c> elements, as a browser's document does.
/// Disposing does nothing; it exists so code written against AngleSharp's <c>IDocument</c> compiles unchanged.
/// </summary>
internal sealed class HtmlDocument : HtmlNode, IDisposable
{
    public override HtmlNodeType NodeType => HtmlNodeType.Document;

    public HtmlElement? DocumentElement { get; internal set; }

    public HtmlElement? Head { get; internal set; }

    public HtmlElement? Body { get; internal set; }

    /// <summary>Elements created by the parser (text nodes not counted).</summary>
    public int ElementCount { get; internal set; }

    /// <summary>The deepest nesting of open elements seen while parsing (html is 1).</summary>
    public int MaxDepth { get; internal set; }

    /// <summary>Whether nesting beyond <see cref="HtmlParserOptions.MaxDepth"/> was flattened.</summary>
    public bool DepthLimited { get; internal set; }

    /// <summary>The text of the first <c>title</c> outside SVG, whitespace collapsed, or empty (as the DOM's <c>document.title</c>).</summary>
    public string Title
    {
        get
        {
            var root = DocumentElement;
            if (root is null)
            {
                return string.Empty;
            }

            // Titles live in the head; a page that puts one in the body is rare, so a full walk only runs then.
            for (var n = Head?.FirstChild; n is not null; n = n.NextSibling)
            {
                if (n is HtmlElement { LocalName: "title" } t)
                {
                    return Whitespace.CollapseHtml(t.TextContent);
                }
            }

            foreach (var e in Descendants(root))
            {
                if (e.LocalName == "title" && !e.IsForeign)
                {
                    return Whitespace.CollapseHtml(e.TextContent);
                }
            }

            return string.Empty;
        }
    }

    /// <summary>Every element under <paramref name="root"/> in document order, without recursion.</summary>
    public static IEnumerable<HtmlElement> Descendants(HtmlElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node is HtmlElement e)
            {
                yield return e;
                if (e.FirstChild is { } down)
                {
                    node = down;
                    continue;
                }
            }

            while (node is not null && node.NextSibling is null)
            {
                node = node.Parent;
                if (ReferenceEquals(node, root))
                {
                    yield break;
                }
            }

            node = node?.NextSibling;
        }
    }

    public void Dispose()
    {
    }
}
