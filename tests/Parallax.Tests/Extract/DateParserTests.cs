using Parallax.Extract;

namespace Parallax.Tests.Extract;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("Published December 2, 2025", "2025-12-02")]
    [InlineData("Dec. 23, 2024, 1:24 PM EST", "2024-12-23")]
    [InlineData("Sat, 20 Dec 2025 - 06:36", "2025-12-20")]
    [InlineData("Updated: 2024-03-05", "2024-03-05")]
    [InlineData("on 3rd of March 2024", "2024-03-03")]
    [InlineData("23.07.2025", "2025-07-23")]
    [InlineData("09/28/2025", "2025-09-28")]
    [InlineData("28/09/2025", "2025-09-28")]
    [InlineData("September 17, 2025 at 6:26 pm", "2025-09-17")]
    public void Dates_in_text_are_found(string text, string expected)
    {
        Assert.Equal(expected, DateParser.FindDate(text)?.Date);
    }

    [Theory]
    [InlineData("Call 555-1234 today")]
    [InlineData("February 30, 2024")]
    [InlineData("Version 2.4.1 released")]
    public void Non_dates_are_not_found(string text)
    {
        Assert.Null(DateParser.FindDate(text));
    }

    [Theory]
    [InlineData("https://blog.rust-lang.org/2025/12/19/what-do-people-love", "2025-12-19")]
    [InlineData("https://example.com/news/2024-05-01-strike-ends", "2024-05-01")]
    [InlineData("https://example.com/archive/20230115/story.html", "2023-01-15")]
    public void Url_dates_are_read(string url, string expected)
    {
        Assert.Equal(expected, DateParser.FromUrl(url));
    }

    [Theory]
    [InlineData("https://example.com/products/2024/model-x")]
    [InlineData("https://example.com/2024/13/45/x")]
    public void Urls_without_a_full_date_give_none(string url)
    {
        Assert.Null(DateParser.FromUrl(url));
    }
}
