using System.Collections.Frozen;
using System.Diagnostics;

namespace Parallax.Extract;

/// <summary>
/// Estimates element count and nesting depth from the raw markup before a DOM is built, so a hostile
/// page (100,000 nested divs) is refused before any recursive code sees it. The estimate follows the
/// HTML rules that matter for depth: void elements, self-closing paragraphs and list items, raw text.
/// </summary>
internal static class HtmlLimitScanner
{
    /// <summary>How many characters between clock reads; a clock read costs ~20 ns, a character ~1 ns.</summary>
    private const int ClockStride = 1 << 16;

    private static readonly FrozenSet<string> VoidElements = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "command", "basefont", "bgsound", "frame",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements an opening sibling closes implicitly (<c>&lt;p&gt;a&lt;p&gt;b</c> is two siblings).</summary>
    private static readonly FrozenSet<string> SelfClosingSiblings = new[]
    {
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "thead", "tbody", "tfoot", "rt", "rp", "optgroup",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RawText = new[] { "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public readonly record struct Verdict(string? Reason, string? Detail);

    public static Verdict Check(string html, ExtractOptions options, Stopwatch clock)
    {
        var stack = new List<string>();

        // Tag names are interned per page, so the scan allocates once per distinct name, not once per tag, and the
        // open-element stack compares references.
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var elements = 0;
        var maxDepth = 0;
        var nextClock = ClockStride;
        var i = 0;
        while (i < html.Length)
        {
            if (i >= nextClock)
            {
                nextClock = i + ClockStride;
                if (clock.Elapsed > options.TimeBudget)
                {
                    return new(Model.RejectReasons.TimedOut, $"time budget of {options.TimeBudget.TotalSeconds:0.#} s spent scanning markup at offset {i:N0}");
                }
            }

            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var c = html[lt + 1];
            if (c == '!')
            {
                var end = html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }

            var closing = c == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }

            var span = html.AsSpan(nameStart, Math.Min(nameEnd - nameStart, 32));
            if (!lookup.TryGetValue(span, out var name))
            {
                name = span.ToString().ToLowerInvariant();
                names[name] = name;
            }

            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0)
            {
                gt = html.Length - 1;
            }

            i = gt + 1;
            if (closing)
            {
                // Pop to the matching element when it is open near the top; stray end tags are ignored.
                var at = LastIndexOf(stack, name);
                if (at >= 0 && stack.Count - at <= 64)
                {
                    stack.RemoveRange(at, stack.Count - at);
                }

                continue;
            }

            elements++;
            if (elements > options.MaxNodes)
            {
                return new(Model.RejectReasons.Unparseable, $"more than {options.MaxNodes:N0} elements (limit MaxNodes)");
            }

            if (VoidElements.Contains(name) || html[gt - 1] == '/')
            {
                continue;
            }

            if (RawText.Contains(name))
            {
                i = RawTextEnd(html, i, name);
                continue;
            }

            if (SelfClosingSiblings.Contains(name) && stack.Count > 0 && ReferenceEquals(stack[^1], name))
            {
                stack.RemoveAt(stack.Count - 1);
            }

            stack.Add(name);
            if (stack.Count > maxDepth)
            {
                maxDepth = stack.Count;
                if (maxDepth > options.MaxDomDepth)
                {
                    return new(Model.RejectReasons.Unparseable, $"elements nest deeper than {options.MaxDomDepth} levels (limit MaxDomDepth), near offset {lt:N0}");
                }
            }
        }

        return default;
    }

    private static int LastIndexOf(List<string> stack, string name)
    {
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (ReferenceEquals(stack[k], name))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Where the end tag of a raw-text element (<c>&lt;/script</c>) starts, or the end of the text.</summary>
    private static int RawTextEnd(string html, int from, string name)
    {
        var i = from;
        while ((i = html.IndexOf("</", i, StringComparison.Ordinal)) >= 0)
        {
            if (html.AsSpan(i + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            i += 2;
        }

        return html.Length;
    }
}
