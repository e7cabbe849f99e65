using FsCheck;
using FsCheck.Fluent;
using Parallax.Text;

namespace Parallax.Tests.Text;

public sealed class QuotationScannerTests
{
    private static List<string> Inner(string text) => QuotationScanner.Scan(text).Select(q => q.Inner.Of(text)).ToList();

    [Fact]
    public void Curly_and_straight_pairs_are_found_without_their_marks()
    {
        var text = "He said \u201Cyes\u201D and she said \"no\".";
        Assert.Equal(["yes", "no"], Inner(text));
        var first = QuotationScanner.Scan(text)[0];
        Assert.Equal("\u201Cyes\u201D", first.Outer.Of(text));
        Assert.True(first.HasClosingMark);
    }

    [Fact]
    public void Quote_running_over_several_sentences_is_one_span()
    {
        var text = "\"We will go. We will win,\" he said.";
        Assert.Equal(["We will go. We will win,"], Inner(text));
    }

    [Fact]
    public void Multi_paragraph_quote_opens_each_paragraph_and_closes_on_the_last()
    {
        var text = "\u201CFirst part of it.\n\n\u201CSecond part of it,\u201D he said.\n\nAfter.";
        var quotes = QuotationScanner.Scan(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("First part of it.", quotes[0].Inner.Of(text));
        Assert.False(quotes[0].HasClosingMark);
        Assert.True(quotes[0].ContinuesInNextParagraph);
        Assert.Equal("Second part of it,", quotes[1].Inner.Of(text));
        Assert.Equal(quotes[0].Group, quotes[1].Group);
    }

    [Fact]
    public void Unclosed_quote_is_capped_at_its_paragraph()
    {
        var text = "He said \u201Cthis never closes.\n\nThe next paragraph \u201Cis fine\u201D here.";
        var quotes = QuotationScanner.Scan(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("this never closes.", quotes[0].Inner.Of(text));
        Assert.False(quotes[0].ContinuesInNextParagraph);
        Assert.Equal("is fine", quotes[1].Inner.Of(text));
        Assert.NotEqual(quotes[0].Group, quotes[1].Group);
    }

    [Fact]
    public void Stray_closing_marks_and_inch_marks_are_ignored()
    {
        var text = "A 5\" screen\u201D and \"real\" words.";
        Assert.Equal(["real"], Inner(text));
    }

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        Assert.Empty(QuotationScanner.Scan("Kiev\u2019s and the countries\u2019 interests, it's 'fine'."));
    }

    [Fact]
    public void Spans_are_increasing_inside_the_text_and_do_not_overlap()
    {
        var text = "\u201CA,\u201D he said. \"B \"C\" D\" and \u201CE\n\n\u201CF\u201D \u201D \"G";
        AssertInvariants(text, QuotationScanner.Scan(text));
    }

    [Fact]
    public void Random_strings_never_throw_and_keep_the_invariants()
    {
        var alphabet = Gen.Elements('a', 'B', ' ', '.', ',', '"', '\u201C', '\u201D', '\n', '\u00AB', '\u00BB', '?', 'x');
        var strings = Gen.ArrayOf(alphabet).Select(chars => new string(chars)).ToArbitrary();
        Prop.ForAll(strings, text =>
        {
            AssertInvariants(text, QuotationScanner.Scan(text));
            var sentences = SentenceSplitter.Split(text);
            for (var i = 1; i < sentences.Count; i++)
            {
                Assert.True(sentences[i].Start >= sentences[i - 1].End);
            }

            Assert.All(sentences, s => Assert.True(s.Length > 0 && s.End <= text.Length));
            _ = Datelines.Match(text, 0);
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertInvariants(string text, List<Quotation> quotes)
    {
        var previousEnd = 0;
        foreach (var q in quotes)
        {
            Assert.True(q.Outer.Start >= previousEnd, "spans increase and do not overlap");
            Assert.True(q.Outer.Start <= q.Inner.Start && q.Inner.End <= q.Outer.End && q.Inner.Length > 0);
            Assert.True(q.Outer.End <= text.Length);
            previousEnd = q.Outer.End;
        }
    }
}
