using Parallax.Stories;

namespace Parallax.Tests.Stories;

public sealed class TimeAgreementTests
{
    [Theory]
    [InlineData("Posted Feb. 04, 2009. The lineman was arrested.", 2009)]
    [InlineData("2 / 3 / 2009 5:59 PM\n\nThe lineman was arrested.", 2009)]
    [InlineData("9 September 2013, 14:08\n\nFour men rammed a jewellery store.", 2013)]
    [InlineData("Updated 2013-09-09. Four men rammed a jewellery store.", 2013)]
    [InlineData("November 12, 2011\n\nThe navy foiled a piracy attempt.", 2011)]
    public void A_year_written_in_a_date_is_the_content_year(string text, int year) =>
        Assert.Equal(year, TimeAgreement.ContentYear(text));

    [Theory]
    [InlineData("Somalia has had no functioning government since 1991.")]
    [InlineData("He was driving a 2008 GMC Sierra when police stopped him.")]
    [InlineData("The team started the 2008-09 season badly.")]
    public void A_bare_year_is_background_not_the_event_year(string text) =>
        Assert.Null(TimeAgreement.ContentYear(text));

    [Fact]
    public void A_dateline_year_outweighs_a_later_dated_mention()
    {
        var text = "February 5, 2009\n\nThe receiver was arrested." + new string(' ', 400) + "He was signed on May 23, 2005.";
        Assert.Equal(2009, TimeAgreement.ContentYear(text));
    }

    [Fact]
    public void The_most_named_weekday_is_the_event_weekday()
    {
        var text = "Robbers stole jewels on Thursday. Police said on Friday that the Thursday raid took minutes.";
        Assert.Equal(DayOfWeek.Thursday, TimeAgreement.EventWeekday(text));
    }

    [Fact]
    public void A_weekday_tie_goes_to_the_first_named()
    {
        Assert.Equal(DayOfWeek.Monday, TimeAgreement.EventWeekday("Four men rammed a store on Monday; it reopened Tuesday."));
    }

    [Theory]
    [InlineData("The storm hit the coast today and the birthday party was cancelled.")]
    [InlineData("Sundays are quiet; mondays are not names.")]
    public void Text_without_a_weekday_name_has_no_event_weekday(string text) =>
        Assert.Null(TimeAgreement.EventWeekday(text));
}
