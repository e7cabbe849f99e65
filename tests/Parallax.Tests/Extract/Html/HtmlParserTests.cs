using System.Text;
using Parallax.Extract;
using Parallax.Extract.Html;

namespace Parallax.Tests.Extract.Html;

public sealed class HtmlParserTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The body as compact markup: elements with their children, text as is, no attributes.</summary>
    internal static string Shape(HtmlNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();

        static void Write(HtmlNode node, StringBuilder sb)
        {
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is HtmlText t)
                {
                    sb.Append(t.Data);
                }
                else if (child is HtmlElement e)
                {
                    sb.Append('<').Append(e.LocalName).Append('>');
                    Write(e, sb);
                    sb.Append("</").Append(e.LocalName).Append('>');
                }
            }
        }
    }

    private static string Body(string html) => Shape(Parser.ParseDocument(html).Body!);

    [Fact]
    public void Missing_html_head_and_body_are_created()
    {
        var document = Parser.ParseDocument("<title>T</title><p>Hello");
        Assert.Equal("html", document.DocumentElement!.LocalName);
        Assert.Equal("<title>T</title>", Shape(document.Head!));
        Assert.Equal("<p>Hello</p>", Shape(document.Body!));
        Assert.Equal("T", document.Title);
    }

    [Fact]
    public void Empty_input_still_has_a_body()
    {
        var document = Parser.ParseDocument("");
        Assert.NotNull(document.Body);
        Assert.Same(document.DocumentElement, document.Body!.ParentElement);
    }

    [Fact]
    public void Head_content_after_the_head_closes_goes_to_the_head()
    {
        var document = Parser.ParseDocument("<html><head></head><meta name=a content=b><body><p>x</p></body></html>");
        Assert.Equal("<meta></meta>", Shape(document.Head!));
        Assert.Equal("<p>x</p>", Shape(document.Body!));
    }

    [Fact]
    public void Body_content_in_the_head_starts_the_body()
    {
        var document = Parser.ParseDocument("<head><title>T</title><div>x</div><meta charset=utf-8></head><p>y</p>");
        Assert.Equal("<title>T</title>", Shape(document.Head!));
        Assert.Equal("<div>x</div><meta></meta><p>y</p>", Shape(document.Body!));
    }

    [Theory]
    [InlineData("<p>a<p>b", "<p>a</p><p>b</p>")]
    [InlineData("<p>a<div>b</div>c", "<p>a</p><div>b</div>c")]
    [InlineData("<p>a<h2>b</h2>", "<p>a</p><h2>b</h2>")]
    [InlineData("<p>a<span>b<ul><li>c</ul>", "<p>a<span>b</span></p><ul><li>c</li></ul>")]
    [InlineData("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>")]
    [InlineData("<ul><li>a<ul><li>b</ul><li>c</ul>", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>")]
    [InlineData("<dl><dt>a<dd>b<dt>c</dl>", "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>")]
    [InlineData("<select><option>a<option>b</select>", "<select><option>a</option><option>b</option></select>")]
    [InlineData("<h1>a<h2>b</h2>", "<h1>a</h1><h2>b</h2>")]
    [InlineData("<h2>a</h3>b", "<h2>a</h2>b")]
    public void Implied_end_tags_close_open_siblings(string html, string expected) => Assert.Equal(expected, Body(html));

    [Theory]
    [InlineData("<table><tr><td>a<td>b<tr><td>c</table>", "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>")]
    [InlineData("<table><td>a</table>", "<table><tbody><tr><td>a</td></tr></tbody></table>")]
    [InlineData("<table><thead><tr><th>h<tbody><tr><td>a</table>", "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>a</td></tr></tbody></table>")]
    [InlineData("<td>a</td><tr>b", "ab")]
    [InlineData("<table><tr><td><table><tr><td>in</table>out</table>", "<table><tbody><tr><td><table><tbody><tr><td>in</td></tr></tbody></table>out</td></tr></tbody></table>")]
    public void Tables_get_their_implied_parts_and_parts_outside_tables_are_ignored(string html, string expected) => Assert.Equal(expected, Body(html));

    [Theory]
    [InlineData("<div>a</span>b</div>", "<div>ab</div>")]
    [InlineData("<div><span>a</div>b", "<div><span>a</span></div>b")]
    [InlineData("<b><i>a</b>c</i>", "<b><i>a</i></b>c")]
    [InlineData("<td>x</td></p>y", "xy")]
    [InlineData("<table><tr><td><div>a</td><td>b</table>", "<table><tbody><tr><td><div>a</div></td><td>b</td></tr></tbody></table>")]
    [InlineData("<div><table><tr><td>a</div>b</table>", "<div><table><tbody><tr><td>ab</td></tr></tbody></table></div>")]
    [InlineData("<a href=x>one<a href=y>two</a>", "<a>one</a><a>two</a>")]
    [InlineData("<b><p>a</b>c</p>", "<b><p>ac</p></b>")]
    [InlineData("</div></body>x</html>y", "xy")]
    public void Misnested_and_stray_end_tags_are_handled_like_a_browser_would_for_text(string html, string expected) => Assert.Equal(expected, Body(html));

    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&lt;p&gt;", "<p>")]
    [InlineData("&#8217;&#x2019;&#X2019;", "\u2019\u2019\u2019")]
    [InlineData("&#150;", "\u2013")]
    [InlineData("&#0;&#xD800;&#x110000;", "\ufffd\ufffd\ufffd")]
    [InlineData("&eacute;t&eacute;", "\u00e9t\u00e9")]
    [InlineData("&nbsp;x&copy 2024", "\u00a0x\u00a9 2024")]
    [InlineData("AT&T &unknown; & ;", "AT&T &unknown; & ;")]
    [InlineData("&#128512;", "\U0001F600")]
    [InlineData("a &bullet; b&colon;", "a \u2022 b:")]
    public void Character_references_are_decoded_in_text(string html, string expected) => Assert.Equal(expected, Body(html));

    [Fact]
    public void Character_references_in_attributes_follow_the_stricter_rule()
    {
        var a = Parser.ParseDocument("<a href=\"/q?a=1&copy=2&amp;b=3\" title='x &quot;y&quot;'>l</a>").Body!.FirstElementChild!;
        Assert.Equal("/q?a=1&copy=2&b=3", a.GetAttribute("href"));
        Assert.Equal("x \"y\"", a.GetAttribute("title"));
    }

    [Fact]
    public void Attributes_are_read_in_every_quoting_form()
    {
        var e = Parser.ParseDocument("<div CLASS=\"a b\" id='main' data-x=plain hidden Role = menu data-y=\"a>b\" data-z=last/>t").Body!.FirstElementChild!;
        Assert.Equal("a b", e.ClassName);
        Assert.Equal("main", e.Id);
        Assert.Equal("plain", e.GetAttribute("data-x"));
        Assert.True(e.HasAttribute("hidden"));
        Assert.Equal(string.Empty, e.GetAttribute("hidden"));
        Assert.Equal("menu", e.GetAttribute("role"));
        Assert.Equal("a>b", e.GetAttribute("data-y"));
        Assert.Equal("last/", e.GetAttribute("data-z"));
        Assert.Equal("t", e.TextContent);
    }

    [Fact]
    public void Attribute_names_are_lower_case_and_the_first_of_a_repeat_counts()
    {
        var e = Parser.ParseDocument("<p ID=one id=two DATA-Thing=x>t</p>").Body!.FirstElementChild!;
        Assert.Equal("one", e.GetAttribute("id"));
        Assert.Equal("x", e.GetAttribute("data-thing"));
        Assert.Equal([("id", "one"), ("data-thing", "x")], e.Attributes);
    }

    [Fact]
    public void Only_the_kept_attributes_are_stored_when_a_filter_is_set()
    {
        var parser = new HtmlParser(new HtmlParserOptions { KeepAttributes = ExtractRules.ReadAttributes });
        var e = parser.ParseDocument("<div class=c srcset=big onclick=x ITEMPROP=articleBody>t</div>").Body!.FirstElementChild!;
        Assert.Equal([("class", "c"), ("itemprop", "articleBody")], e.Attributes);
    }

    [Fact]
    public void Raw_text_elements_hold_their_markup_as_text()
    {
        var document = Parser.ParseDocument("<script>if (a<b) { x = '</div>'; }</script><style>p>a{}</style><p>after</p><textarea>a <b>&amp;</b></textarea><xmp><i>x</i></xmp>");
        var script = document.Head!.FirstElementChild!;
        Assert.Equal("script", script.LocalName);
        Assert.Equal("if (a<b) { x = '</div>'; }", script.TextContent);
        Assert.Equal("p>a{}", script.NextElementSibling!.TextContent);
        Assert.Equal("<p>after</p><textarea>a <b>&</b></textarea><xmp><i>x</i></xmp>", Shape(document.Body!));
    }

    [Fact]
    public void Script_text_can_be_dropped()
    {
        var parser = new HtmlParser(new HtmlParserOptions { KeepScriptText = false });
        var document = parser.ParseDocument("<body><script>var a = '<p>no</p>';</script><p>yes</p><title>kept &amp; decoded</title>");
        Assert.Equal("<script></script><p>yes</p><title>kept & decoded</title>", Shape(document.Body!));
    }

    [Fact]
    public void An_unclosed_raw_text_element_runs_to_the_end()
    {
        Assert.Equal("<p>a<script>b <p>c</script></p>", Body("<p>a<script>b <p>c"));
        Assert.Equal("<plaintext>x</plaintext> <b>y</b></plaintext>", Body("<plaintext>x</plaintext> <b>y</b>"));
    }

    [Theory]
    [InlineData("a<!-- <p>hidden</p> -->b", "ab")]
    [InlineData("a<!-->b", "ab")]
    [InlineData("a<!--->b", "ab")]
    [InlineData("a<!DOCTYPE html>b", "ab")]
    [InlineData("a<?xml version='1.0'?>b", "ab")]
    [InlineData("a<![CDATA[x]]>b", "ab")]
    [InlineData("a</3>b", "ab")]
    [InlineData("a</>b", "ab")]
    [InlineData("a<!-- never closed <p>x", "a")]
    public void Comments_doctype_and_bogus_markup_are_dropped(string html, string expected) =>
        Assert.Equal(expected, Body(html));

    [Theory]
    [InlineData("1 < 2 and 3 <4", "1 < 2 and 3 <4")]
    [InlineData("a <3 b", "a <3 b")]
    [InlineData("x<", "x<")]
    public void A_less_than_sign_that_opens_no_tag_is_text(string html, string expected) => Assert.Equal(expected, Body(html));

    [Fact]
    public void A_tag_cut_off_by_the_end_of_input_is_dropped()
    {
        Assert.Equal("<p>a</p>", Body("<p>a<div class=\"never"));
        Assert.Equal("<p>a</p>", Body("<p>a<img src=x"));
    }

    [Fact]
    public void Void_elements_never_hold_content_and_self_closing_html_tags_still_open()
    {
        Assert.Equal("a<br></br>b<img></img>c<hr></hr>", Body("a<br>b<img src=x>c<hr>"));
        Assert.Equal("<div>x</div>", Body("<div/>x"));
    }

    [Fact]
    public void Svg_honours_self_closing_tags_and_keeps_its_title_as_an_element()
    {
        var document = Parser.ParseDocument("<title>Page</title><svg><title>icon</title><path d=\"x\"/><g/></svg><p>text</p>");
        Assert.Equal("<svg><title>icon</title><path></path><g></g></svg><p>text</p>", Shape(document.Body!));
        Assert.True(document.Body!.FirstElementChild!.FirstElementChild!.IsForeign);
        Assert.Equal("Page", document.Title);
    }

    [Fact]
    public void An_html_block_inside_svg_leaves_foreign_content()
    {
        Assert.Equal("<svg><g></g></svg><p>x</p>", Body("<svg><g><p>x</p>"));
        Assert.Equal("<svg>cdata <b></svg>", Body("<svg><![CDATA[cdata <b>]]></svg>"));
    }

    [Fact]
    public void Second_body_and_html_tags_add_missing_attributes()
    {
        var document = Parser.ParseDocument("<html lang=en><body class=a><p>x<body class=b id=i><html lang=fr dir=rtl>");
        Assert.Equal("a", document.Body!.ClassName);
        Assert.Equal("i", document.Body.Id);
        Assert.Equal("en", document.DocumentElement!.GetAttribute("lang"));
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public void Carriage_returns_are_read_as_line_feeds()
    {
        Assert.Equal("<p>a\n\nb\nc &</p>", Body("<p>a\r\n\r\nb\rc &amp;</p>"));
        Assert.Equal("x\ny", Parser.ParseDocument("<title>x\r\ny</title>").Head!.FirstElementChild!.TextContent);
    }

    [Fact]
    public void Adjacent_text_split_by_a_comment_is_one_node()
    {
        var p = Parser.ParseDocument("<p>one <!-- c --> two &amp; three</p>").Body!.FirstElementChild!;
        var text = Assert.IsType<HtmlText>(p.FirstChild);
        Assert.Null(text.NextSibling);
        Assert.Equal("one  two & three", text.Data);
    }

    [Fact]
    public void Navigation_members_agree_with_each_other()
    {
        var body = Parser.ParseDocument("<div id=a>x<p>1</p>y<p>2</p>z</div>").Body!;
        var div = body.FirstElementChild!;
        var first = div.FirstElementChild!;
        var last = div.LastElementChild!;
        Assert.Equal("1", first.TextContent);
        Assert.Equal("2", last.TextContent);
        Assert.Same(last, first.NextElementSibling);
        Assert.Same(first, last.PreviousElementSibling);
        Assert.Equal("y", Assert.IsType<HtmlText>(first.NextSibling).Data);
        Assert.Same(div, first.ParentElement);
        Assert.Equal("x1y2z", div.TextContent);
        Assert.True(div.Contains(first.FirstChild));
        Assert.False(first.Contains(div));
        Assert.Equal(2, div.Children.Count());
        Assert.Equal(HtmlNodeType.Element, div.NodeType);
        Assert.Equal(HtmlNodeType.Text, div.FirstChild!.NodeType);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_flattened_without_recursion()
    {
        var parser = new HtmlParser(new HtmlParserOptions { MaxDepth = 100 });
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var document = parser.ParseDocument(html);
        Assert.True(document.DepthLimited);
        Assert.Equal(100, document.MaxDepth);
        Assert.Equal(100_003, document.ElementCount);
        Assert.Contains("deep", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_junk_parses_to_a_document()
    {
        var random = new Random(7);
        var chars = new char[200_000];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0x3000);
        }

        var document = Parser.ParseDocument(new string(chars));
        Assert.NotNull(document.Body);
    }
}
