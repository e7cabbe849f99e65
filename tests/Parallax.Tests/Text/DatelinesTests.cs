using Parallax.Text;

namespace Parallax.Tests.Text;

public sealed class DatelinesTests
{
    [Theory]
    [InlineData("TEHRAN: The defense cooperation", "TEHRAN: ")]
    [InlineData("WASHINGTON (Reuters) - The president said", "WASHINGTON (Reuters) - ")]
    [InlineData("LONDON, March 3 (AP) \u2014 Police said", "LONDON, March 3 (AP) \u2014 ")]
    [InlineData("NEW YORK \u2014 Stocks fell", "NEW YORK \u2014 ")]
    [InlineData("BEIRUT, Lebanon (AP) \u2014 A blast", "BEIRUT, Lebanon (AP) \u2014 ")]
    public void Datelines_are_matched_through_their_separator(string text, string dateline)
    {
        var span = Datelines.Match(text, 0);
        Assert.NotNull(span);
        Assert.Equal(dateline, span.Value.Of(text));
    }

    [Theory]
    [InlineData("The defense cooperation between Iran and Russia")]
    [InlineData("US police on alert ahead of possible arrest")]
    [InlineData("Kanaani: Iran-Russia defense cooperation")]
    [InlineData("NATO")]
    public void Ordinary_openings_are_not_datelines(string text)
    {
        Assert.Null(Datelines.Match(text, 0));
    }

    [Fact]
    public void Dateline_is_found_at_a_paragraph_inside_the_body()
    {
        var text = "Intro paragraph.\n\nMOSCOW: Second paragraph.";
        var start = text.IndexOf("MOSCOW", StringComparison.Ordinal);
        Assert.Equal("MOSCOW: ", Datelines.Match(text, start)!.Value.Of(text));
        Assert.Null(Datelines.Match(text, text.Length));
    }
}
