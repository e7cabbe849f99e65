using System.Text;

namespace Parallax.Extract.Html;

/// <summary>The kinds of node the parser builds; values as in the DOM standard's <c>nodeType</c>.</summary>
internal enum HtmlNodeType
{
    Element = 1,
    Text = 3,
    Document = 9,
}

/// <summary>
/// A node of the lightweight DOM <see cref="HtmlParser"/> builds. Member names are AngleSharp's (<c>INode</c>), so
/// code written against AngleSharp switches by changing type names only. The tree is built once and never edited:
/// links are plain fields set by the parser.
/// </summary>
internal abstract class HtmlNode
{
    public HtmlNode? Parent { get; internal set; }

    public HtmlNode? FirstChild { get; internal set; }

    public HtmlNode? LastChild { get; internal set; }

    public HtmlNode? NextSibling { get; internal set; }

    public HtmlNode? PreviousSibling { get; internal set; }

    public abstract HtmlNodeType NodeType { get; }

    /// <summary>The parent when it is an element (not for <c>html</c>, whose parent is the document).</summary>
    public HtmlElement? ParentElement => Parent as HtmlElement;

    /// <summary>The text of this node and all its descendants, in document order.</summary>
    public virtual string TextContent
    {
        get
        {
            var sb = new StringBuilder();
            AppendText(this, sb);
            return sb.ToString();
        }
    }

    public bool HasChildNodes => FirstChild is not null;

    /// <summary>Whether <paramref name="other"/> is this node or one of its descendants (AngleSharp's <c>Contains</c>).</summary>
    public bool Contains(HtmlNode? other)
    {
        for (var n = other; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, this))
            {
                return true;
            }
        }

        return false;
    }

    internal void AppendChild(HtmlNode child)
    {
        child.Parent = this;
        if (LastChild is { } last)
        {
            last.NextSibling = child;
            child.PreviousSibling = last;
        }
        else
        {
            FirstChild = child;
        }

        LastChild = child;
    }

    /// <summary>Appends the text under <paramref name="root"/> without recursion, so depth costs no stack.</summary>
    internal static void AppendText(HtmlNode root, StringBuilder sb)
    {
        if (root is HtmlText t)
        {
            t.AppendTo(sb);
            return;
        }

        var node = root.FirstChild;
        while (node is not null)
        {
            if (node is HtmlText text)
            {
                text.AppendTo(sb);
            }
            else if (node.FirstChild is { } down)
            {
                node = down;
                continue;
            }

            while (node is not null && node.NextSibling is null)
            {
                node = node.Parent;
                if (ReferenceEquals(node, root))
                {
                    return;
                }
            }

            node = node?.NextSibling;
        }
    }
}
