using System.Buffers;
using System.Collections.Frozen;

namespace Parallax.Extract.Html;

/// <summary>
/// An HTML parser for extraction: reads the decoded page in one forward pass over spans (no regex, no token
/// objects) and hands tags and text to <see cref="HtmlTreeBuilder"/>. It reads start and end tags with attributes in
/// every quoting form, comments (dropped), doctype, CDATA (text inside SVG/MathML, else a comment), raw-text
/// elements (<c>script</c>, <c>style</c>, <c>textarea</c>, <c>title</c>, <c>xmp</c>, <c>iframe</c>, <c>noembed</c>,
/// <c>noframes</c>, <c>plaintext</c>) and character references. Work is linear in the input: every scan moves
/// forward, and a tag cut off by the end of the input is dropped, as browsers do. Thread-safe: all state is per call.
/// </summary>
internal sealed class HtmlParser(HtmlParserOptions options)
{
    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create(" \t\n\f\r/>");
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create(" \t\n\f\r/>=");
    private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create(" \t\n\f\r>");

    public HtmlParser()
        : this(new HtmlParserOptions())
    {
    }

    public HtmlParserOptions Options => options;

    public HtmlDocument ParseDocument(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new Run(html, options).Parse();
    }

    /// <summary>The state of one parse.</summary>
    private sealed class Run(string html, HtmlParserOptions options)
    {
        private readonly HtmlTreeBuilder _builder = new(html, options.MaxDepth);
        private readonly List<string> _attributes = [];
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? _keep = options.KeepAttributes?.GetAlternateLookup<ReadOnlySpan<char>>();
        private Dictionary<string, string>? _names;

        public HtmlDocument Parse()
        {
            var n = html.Length;
            var textStart = 0;
            var i = 0;
            while (i < n)
            {
                var next = html.AsSpan(i).IndexOf('<');
                if (next < 0)
                {
                    break;
                }

                var lt = i + next;
                if (lt + 1 >= n)
                {
                    break;
                }

                var c = html[lt + 1];
                if (char.IsAsciiLetter(c))
                {
                    FlushText(textStart, lt);
                    i = StartTag(lt);
                }
                else if (c == '/')
                {
                    FlushText(textStart, lt);
                    i = EndTag(lt);
                }
                else if (c == '!')
                {
                    FlushText(textStart, lt);
                    i = Declaration(lt);
                }
                else if (c == '?')
                {
                    FlushText(textStart, lt);
                    i = SkipTo('>', lt + 2);
                }
                else
                {
                    // A '<' that opens nothing is text ("a < b").
                    i = lt + 1;
                    continue;
                }

                textStart = i;
            }

            FlushText(textStart, n);
            return _builder.Finish();
        }

        private void FlushText(int start, int end)
        {
            if (end <= start)
            {
                return;
            }

            var span = html.AsSpan(start, end - start);
            _builder.Text(start, end - start, span.ContainsAny('&', '\r') ? Normalize(span, decode: true) : null);
        }

        /// <summary>
        /// Text with its references decoded and CR LF / CR read as LF, as the standard's input preprocessing does:
        /// the extractor splits paragraphs at "\n\n", which a page saved with CR LF line ends would never contain.
        /// </summary>
        private static string Normalize(ReadOnlySpan<char> span, bool decode)
        {
            var text = decode && span.Contains('&') ? HtmlEntities.Decode(span, inAttribute: false) : span.ToString();
            return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
        }

        /// <summary>Index after the next <paramref name="c"/> from <paramref name="from"/>, or the end of the input.</summary>
        private int SkipTo(char c, int from)
        {
            if (from >= html.Length)
            {
                return html.Length;
            }

            var k = html.AsSpan(from).IndexOf(c);
            return k < 0 ? html.Length : from + k + 1;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

        private int SkipSpace(int j)
        {
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            return j;
        }

        private int NameEnd(int from, SearchValues<char> ends)
        {
            var k = html.AsSpan(from).IndexOfAny(ends);
            return k < 0 ? html.Length : from + k;
        }

        private (string Name, TagFlags Flags) TagName(ReadOnlySpan<char> raw)
        {
            Span<char> buffer = stackalloc char[64];
            scoped var lower = raw;
            if (raw.Length <= buffer.Length)
            {
                if (raw.ContainsAnyInRange('A', 'Z'))
                {
                    raw.ToLowerInvariant(buffer);
                    lower = buffer[..raw.Length];
                }

                if (HtmlTags.TryGet(lower, out var known, out var flags))
                {
                    return (known, flags);
                }
            }
            else
            {
                lower = raw.ToString().ToLowerInvariant();
            }

            return (Intern(lower), TagFlags.None);
        }

        private string Intern(ReadOnlySpan<char> lower)
        {
            _names ??= new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(lower, out var name))
            {
                name = lower.ToString();
                _names[name] = name;
            }

            return name;
        }

        private int StartTag(int lt)
        {
            var nameEnd = NameEnd(lt + 1, TagNameEnd);
            var (name, flags) = TagName(html.AsSpan(lt + 1, nameEnd - lt - 1));
            _attributes.Clear();
            var end = Attributes(nameEnd, keep: true, out var selfClosing);
            if (end < 0)
            {
                // Cut off by the end of the input: browsers drop such a tag.
                return html.Length;
            }

            var attributes = _attributes.Count == 0 ? null : _attributes.ToArray();
            var raw = _builder.StartTag(name, flags, attributes, selfClosing);
            return raw is null ? end : RawTextContent(raw, end);
        }

        /// <summary>Reads attributes from <paramref name="j"/> to the tag's '&gt;'; returns the index after it, or -1 at the end of the input.</summary>
        private int Attributes(int j, bool keep, out bool selfClosing)
        {
            selfClosing = false;
            var n = html.Length;
            while (true)
            {
                j = SkipSpace(j);
                if (j >= n)
                {
                    return -1;
                }

                var c = html[j];
                if (c == '>')
                {
                    return j + 1;
                }

                if (c == '/')
                {
                    if (j + 1 < n && html[j + 1] == '>')
                    {
                        selfClosing = true;
                        return j + 2;
                    }

                    j++;
                    continue;
                }

                // The first character of a name may be '=' (a parse error browsers read as part of the name).
                var nameStart = j;
                var nameEnd = NameEnd(j + 1, AttributeNameEnd);
                j = SkipSpace(nameEnd);
                int valueStart = 0, valueEnd = 0;
                if (j < n && html[j] == '=')
                {
                    j = SkipSpace(j + 1);
                    if (j >= n)
                    {
                        return -1;
                    }

                    var q = html[j];
                    if (q is '"' or '\'')
                    {
                        var close = html.AsSpan(j + 1).IndexOf(q);
                        if (close < 0)
                        {
                            return -1;
                        }

                        valueStart = j + 1;
                        valueEnd = j + 1 + close;
                        j = valueEnd + 1;
                    }
                    else if (q != '>')
                    {
                        valueStart = j;
                        valueEnd = NameEnd(j, UnquotedValueEnd);
                        j = valueEnd;
                    }
                }

                if (keep)
                {
                    AddAttribute(html.AsSpan(nameStart, nameEnd - nameStart), valueStart, valueEnd);
                }
            }
        }

        private void AddAttribute(ReadOnlySpan<char> rawName, int valueStart, int valueEnd)
        {
            string name;
            if (_keep is { } keep)
            {
                if (!keep.TryGetValue(rawName, out var kept))
                {
                    return;
                }

                // The set holds lower-case names; its match is the interned name.
                name = kept;
            }
            else
            {
                Span<char> buffer = stackalloc char[64];
                scoped var lower = rawName;
                if (rawName.Length <= buffer.Length && rawName.ContainsAnyInRange('A', 'Z'))
                {
                    rawName.ToLowerInvariant(buffer);
                    lower = buffer[..rawName.Length];
                }

                name = lower.Length <= buffer.Length ? Intern(lower) : lower.ToString().ToLowerInvariant();
            }

            for (var i = 0; i < _attributes.Count; i += 2)
            {
                if (ReferenceEquals(_attributes[i], name))
                {
                    // A repeated attribute: the first one counts.
                    return;
                }
            }

            var value = valueEnd <= valueStart ? string.Empty : html.AsSpan(valueStart, valueEnd - valueStart) is var v && v.Contains('&')
                ? HtmlEntities.Decode(v, inAttribute: true)
                : v.ToString();
            _attributes.Add(name);
            _attributes.Add(value);
        }

        private int EndTag(int lt)
        {
            var n = html.Length;
            if (lt + 2 >= n)
            {
                return n;
            }

            var c = html[lt + 2];
            if (c == '>')
            {
                // "</>" is nothing.
                return lt + 3;
            }

            if (!char.IsAsciiLetter(c))
            {
                // "</3" and the like are comments to browsers.
                return SkipTo('>', lt + 2);
            }

            var nameEnd = NameEnd(lt + 2, TagNameEnd);
            var (name, flags) = TagName(html.AsSpan(lt + 2, nameEnd - lt - 2));
            var end = Attributes(nameEnd, keep: false, out _);
            if (end < 0)
            {
                return n;
            }

            _builder.EndTag(name, flags);
            return end;
        }

        /// <summary>Comments, doctype, CDATA and other "&lt;!" markup; returns the index after it.</summary>
        private int Declaration(int lt)
        {
            var rest = html.AsSpan(lt);
            if (rest.StartsWith("<!--"))
            {
                var body = lt + 4;
                if (body < html.Length && html[body] == '>')
                {
                    return body + 1;
                }

                if (html.AsSpan(body).StartsWith("->"))
                {
                    return body + 2;
                }

                var close = html.AsSpan(body).IndexOf("-->");
                return close < 0 ? html.Length : body + close + 3;
            }

            if (rest.StartsWith("<![CDATA[") && _builder.InForeign)
            {
                var start = lt + 9;
                var close = html.AsSpan(start).IndexOf("]]>");
                var end = close < 0 ? html.Length : start + close;
                if (end > start)
                {
                    _builder.Text(start, end - start, null);
                }

                return close < 0 ? html.Length : end + 3;
            }

            // Doctype, and bogus comments ("<!x>", CDATA outside SVG) end at the first '>'.
            return SkipTo('>', lt + 2);
        }

        /// <summary>Reads the content of a raw-text element up to its end tag; returns the index after that tag.</summary>
        private int RawTextContent(HtmlElement element, int from)
        {
            var name = element.LocalName;
            var n = html.Length;
            var end = n;
            var after = n;
            if (name != "plaintext")
            {
                var j = from;
                while (j < n)
                {
                    var k = html.AsSpan(j).IndexOf("</");
                    if (k < 0)
                    {
                        break;
                    }

                    var at = j + k;
                    var nameAt = at + 2;
                    if (nameAt + name.Length <= n && html.AsSpan(nameAt, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                        && (nameAt + name.Length == n || TagNameEnd.Contains(html[nameAt + name.Length])))
                    {
                        end = at;
                        var close = Attributes(nameAt + name.Length, keep: false, out _);
                        after = close < 0 ? n : close;
                        break;
                    }

                    j = at + 2;
                }
            }

            // JSON-LD is metadata, not script: its text stays even when script text is dropped.
            var keepText = options.KeepScriptText || name is not ("script" or "style") || (name == "script" && IsJsonLd(element));
            if (keepText && end > from)
            {
                var span = html.AsSpan(from, end - from);
                var decode = (element.Flags & TagFlags.EscapableRawText) != 0;
                _builder.RawText(element, from, end - from, (decode && span.Contains('&')) || span.Contains('\r') ? Normalize(span, decode) : null);
            }

            _builder.EndRawText(element);
            return after;
        }
    }

    private static bool IsJsonLd(HtmlElement script) =>
        script.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase);
}
