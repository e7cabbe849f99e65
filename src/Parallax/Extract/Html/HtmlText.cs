using System.Text;

namespace Parallax.Extract.Html;

/// <summary>
/// A run of text. Text without character references stays a slice of the page's string until someone reads
/// <see cref="Data"/>, so whitespace between tags that nobody reads costs no string.
/// </summary>
internal sealed class HtmlText : HtmlNode
{
    private string? _data;
    private readonly string? _source;
    private readonly int _start;
    private readonly int _length;

    internal HtmlText(string data) => _data = data;

    internal HtmlText(string source, int start, int length)
    {
        _source = source;
        _start = start;
        _length = length;
    }

    public override HtmlNodeType NodeType => HtmlNodeType.Text;

    /// <summary>The decoded text (AngleSharp's <c>ICharacterData.Data</c>).</summary>
    public string Data => _data ??= _source!.Substring(_start, _length);

    /// <summary>The text as a span, without creating a string for an unread slice.</summary>
    public ReadOnlySpan<char> Span => _data is { } d ? d.AsSpan() : _source.AsSpan(_start, _length);

    public int Length => _data?.Length ?? _length;

    public override string TextContent => Data;

    internal void AppendTo(StringBuilder sb) => sb.Append(Span);

    /// <summary>This text followed by more: adjacent runs (split by a skipped comment or a stray '&lt;') are one node, as in a browser.</summary>
    internal void Append(ReadOnlySpan<char> more) => _data = string.Concat(Span, more);

    /// <summary>Whether the slice continues exactly at <paramref name="start"/> of the same source.</summary>
    internal bool EndsAt(string source, int start) => _data is null && ReferenceEquals(_source, source) && _start + _length == start;
}
