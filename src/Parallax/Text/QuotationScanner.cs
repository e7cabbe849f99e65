namespace Parallax.Text;

/// <summary>
/// One quotation-mark span. <see cref="Outer"/> includes the marks, <see cref="Inner"/> excludes them.
/// A quote that runs over several paragraphs (an opening mark at each paragraph, a closing mark only on the
/// last) yields one segment per paragraph; segments of one quote share <see cref="Group"/>.
/// </summary>
public readonly record struct Quotation(TextSpan Outer, TextSpan Inner, int Group, bool HasClosingMark)
{
    /// <summary>True when the quote goes on in the next paragraph.</summary>
    public bool ContinuesInNextParagraph { get; init; }
}

/// <summary>
/// Finds double quotation marks across a body: curly, straight, guillemets, low-9 openers and the doubled
/// apostrophe (<c>''</c>) some archives use for a straight double quote. Never throws on
/// unbalanced marks: a stray closing mark is ignored, and an unclosed quote is capped at its paragraph's end
/// unless the next paragraph opens with a quote mark (the multi-paragraph convention).
/// </summary>
public static class QuotationScanner
{
    private enum Mark
    {
        None,
        Open,
        Close,
        Either,
    }

    public static List<Quotation> Scan(string text) => Scan(text, 0, text?.Length ?? 0);

    public static List<Quotation> Scan(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        Paragraphs.CheckRange(text, start, end);
        var result = new List<Quotation>();
        var paragraphs = Paragraphs.Split(text, start, end);
        var group = 0;
        var continuing = false;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            var open = -1;
            var openWidth = 1;
            var i = para.Start;
            var firstInParagraph = true;
            while (i < para.End)
            {
                var mark = Classify(text, i, para.Start, para.End, out var width);
                if (mark == Mark.None)
                {
                    i++;
                    continue;
                }

                if (open < 0)
                {
                    if (mark is Mark.Open or Mark.Either)
                    {
                        open = i;
                        openWidth = width;
                        if (!(continuing && firstInParagraph && i == para.Start))
                        {
                            group++;
                            continuing = false;
                        }
                    }
                }
                else if (mark is Mark.Close or Mark.Either)
                {
                    if (i > open + openWidth)
                    {
                        result.Add(new Quotation(new TextSpan(open, i + width), new TextSpan(open + openWidth, i), group, true));
                    }

                    open = -1;
                    continuing = false;
                }
                else
                {
                    // A second opener while a quote is open: the first one was stray.
                    open = i;
                    openWidth = width;
                    group++;
                    continuing = false;
                }

                firstInParagraph = false;
                i += width;
            }

            continuing = false;
            if (open >= 0)
            {
                var inner = Paragraphs.Trim(text, open + openWidth, para.End);
                if (inner.Length > 0)
                {
                    var next = p + 1 < paragraphs.Count ? paragraphs[p + 1] : default;
                    continuing = next.Length > 0 && Classify(text, next.Start, next.Start, next.End, out _) is Mark.Open or Mark.Either;
                    result.Add(new Quotation(new TextSpan(open, inner.End), inner, group, false) { ContinuesInNextParagraph = continuing });
                }
            }
        }

        return result;
    }

    private static Mark Classify(string text, int i, int paragraphStart, int paragraphEnd, out int width)
    {
        width = 1;
        if (text[i] == '\'' && i + 1 < paragraphEnd && text[i + 1] == '\'' && !(i + 2 < paragraphEnd && text[i + 2] == '\''))
        {
            width = 2;
            return Around(text, i, i + 2, paragraphStart, paragraphEnd);
        }

        switch (text[i])
        {
            case '\u201C' or '\u201E' or '\u00AB':
                return Mark.Open;
            case '\u201D' or '\u00BB':
                // A right mark typed as an opener (`\u201DMr. Trump embodies ...`) opens when nothing closes around it.
                return Around(text, i, i + 1, paragraphStart, paragraphEnd) == Mark.Open ? Mark.Open : Mark.Close;
            case '"':
                break;
            default:
                return Mark.None;
        }

        return Around(text, i, i + 1, paragraphStart, paragraphEnd);
    }

    /// <summary>A symmetric mark opens after a blank or an opening bracket and closes before a blank or punctuation.</summary>
    private static Mark Around(string text, int i, int after, int paragraphStart, int paragraphEnd)
    {
        var before = i > paragraphStart ? text[i - 1] : ' ';
        var next = after < paragraphEnd ? text[after] : ' ';
        var opensLike = char.IsWhiteSpace(before) || before is '(' or '[' or '\u2014' or '\u2013' or '-' or '/' or ':';
        var closesLike = char.IsWhiteSpace(next) || (char.IsPunctuation(next) && next is not ('(' or '[')) || char.IsSymbol(next);
        return opensLike == closesLike ? Mark.Either : opensLike ? Mark.Open : Mark.Close;
    }
}
