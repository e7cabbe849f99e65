using Parallax.Text;

namespace Parallax.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();

    [Fact]
    public void Plain_sentences_are_split_at_terminators()
    {
        Assert.Equal(["It rained.", "We stayed in!", "Did you?"], Sentences("It rained. We stayed in! Did you?"));
    }

    [Theory]
    [InlineData("The U.S. Army left. It was late.", 2)]
    [InlineData("Mr. Smith met Mrs. Jones and Dr. Brown.", 1)]
    [InlineData("Gen. Lee and Sen. Warren spoke to Rep. King on Feb. 3 at St. Paul's.", 1)]
    [InlineData("Acme Inc. and Widget Corp. merged on Friday.", 1)]
    [InlineData("He lives at No. 10 Downing Street.", 1)]
    [InlineData("J. R. R. Tolkien wrote it.", 1)]
    [InlineData("George W. Bush was president.", 1)]
    [InlineData("Growth was 3.5 percent. Prices rose.", 2)]
    [InlineData("We waited... and waited. Then it came.", 2)]
    [InlineData("Apples, pears, etc. were sold.", 1)]
    [InlineData("He works for Acme Inc. The company is small.", 2)]
    public void Abbreviations_initials_decimals_and_ellipses_do_not_end_sentences(string text, int expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void Closing_quote_stays_with_the_sentence_it_closes()
    {
        var text = "\"We will go.\" He left.";
        Assert.Equal(["\"We will go.\"", "He left."], Sentences(text));
    }

    [Fact]
    public void Curly_closing_quote_stays_with_the_sentence_it_closes()
    {
        var text = "\u201CWe will go.\u201D He left.";
        Assert.Equal(["\u201CWe will go.\u201D", "He left."], Sentences(text));
    }

    [Fact]
    public void Lowercase_attribution_after_a_quoted_terminator_continues_the_sentence()
    {
        var text = "\"We will go. We will win!\" he said. Then he left.";
        Assert.Equal(["\"We will go.", "We will win!\" he said.", "Then he left."], Sentences(text));
    }

    [Fact]
    public void Blank_line_always_ends_a_sentence()
    {
        var text = "A heading without a period\n\nThe body starts here. It goes on";
        Assert.Equal(["A heading without a period", "The body starts here.", "It goes on"], Sentences(text));
    }

    [Fact]
    public void Em_dashes_do_not_end_sentences()
    {
        Assert.Single(SentenceSplitter.Split("The plan \u2014 drafted in March \u2014 failed."));
    }

    [Fact]
    public void Range_overload_splits_only_the_range_with_body_offsets()
    {
        var text = "Skip this. Keep one. Keep two.";
        var spans = SentenceSplitter.Split(text, 11, text.Length);
        Assert.Equal(["Keep one.", "Keep two."], spans.Select(s => s.Of(text)));
        Assert.Equal(11, spans[0].Start);
    }

    [Fact]
    public void Spans_are_trimmed_increasing_and_inside_the_text()
    {
        var text = "  First one.   Second \u201Cquoted.\u201D\n\n\n  Third?  ";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(3, spans.Count);
        var previousEnd = 0;
        foreach (var span in spans)
        {
            Assert.True(span.Start >= previousEnd && span.End <= text.Length && span.Length > 0);
            Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]));
            previousEnd = span.End;
        }
    }
}
