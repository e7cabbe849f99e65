namespace Parallax.Text;

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Quote,
    Symbol,
}

/// <summary>A token with exact offsets into the text it came from.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}
