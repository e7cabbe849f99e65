using FsCheck;
using FsCheck.Fluent;
using Parallax.Extract.Html;

namespace Parallax.Tests.Extract.Html;

public sealed class HtmlParserPropertyTests
{
    /// <summary>Pieces of markup that stress the tree builder: implied ends, tables, foreign content, raw text, broken tags.</summary>
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<div class=a>", "</div>", "<li>", "</li>", "<ul>", "</ul>", "<table>", "</table>", "<tr>", "<td>", "</td>",
        "<th>", "<tbody>", "<b>", "</b>", "<i>", "</i>", "<a href='x'>", "</a>", "<span>", "</span>", "<h2>", "</h3>",
        "<svg>", "<path/>", "</svg>", "<math>", "<script>", "</script>", "<style>", "<title>", "</title>", "<textarea>",
        "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<br>", "<img src=x>", "<html lang=en>", "<head>", "</head>",
        "<body>", "</body>", "</html>", "<select>", "<option>", "<dd>", "<dt>", "<button>", "<plaintext>", "<", ">", "</",
        "&amp;", "&#x41;", "&#", "&", "\"", "'", "=", " ", "text", "\n", "<p id=\"", "<x-y>", "</x-y>", "<noscript>", "<template>",
    ];

    private static readonly HtmlParser Parser = new();

    private static bool WellFormed(HtmlDocument document)
    {
        if (document.DocumentElement is not { } root || document.Body is null || document.Head is null || !ReferenceEquals(root.Parent, document))
        {
            return false;
        }

        // Every node's parent chain reaches the document, and sibling links agree with each other.
        var elements = 0;
        foreach (var e in HtmlDocument.Descendants(root))
        {
            elements++;
            var up = (HtmlNode)e;
            var steps = 0;
            while (up.Parent is { } parent && steps++ < 100_000)
            {
                up = parent;
            }

            if (!ReferenceEquals(up, document))
            {
                return false;
            }

            for (var child = e.FirstChild; child is not null; child = child.NextSibling)
            {
                if (!ReferenceEquals(child.Parent, e) || (child.NextSibling is { } next && !ReferenceEquals(next.PreviousSibling, child)))
                {
                    return false;
                }
            }
        }

        return elements + 1 == document.ElementCount;
    }

    [Fact]
    public void Random_tag_soup_never_throws_and_every_node_reaches_the_document()
    {
        var soup = Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts));
        Prop.ForAll(soup.ToArbitrary(), html => WellFormed(Parser.ParseDocument(html))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_strings_never_throw_and_every_node_reaches_the_document()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => WellFormed(Parser.ParseDocument(s ?? string.Empty))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_prefix_of_a_page_parses()
    {
        const string Page = "<!DOCTYPE html><html lang=\"en\"><head><title>A &amp; B</title><script>var x = '<p>';</script></head>"
            + "<body class=\"home\"><div id=main><h1>Head</h1><p>One <a href=\"/x?a=1&amp;b=2\">link</a><p>Two<table><tr><td>c</table>"
            + "<svg><path d=\"M0\"/></svg><!-- note --><ul><li>x<li>y</ul></div></body></html>";
        for (var cut = 0; cut <= Page.Length; cut++)
        {
            Assert.True(WellFormed(Parser.ParseDocument(Page[..cut])), $"prefix of {cut} characters");
        }
    }
}
