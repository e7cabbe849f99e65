using System.IO.Compression;
using System.Text;
using FsCheck.Xunit;
using Parallax.Extract;
using Parallax.Model;

namespace Parallax.Tests.Extract;

public sealed class RobustnessTests
{
    static RobustnessTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(new byte[0], "0 bytes")]
    [InlineData(new byte[] { 32, 10, 13, 9, 32 }, "whitespace")]
    public void Empty_content_is_rejected_as_empty(byte[] content, string detail)
    {
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/a.txt", content), RejectReasons.Empty);
        Assert.Contains(detail, r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_over_the_limit_is_too_large_with_sizes()
    {
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/a.txt", new byte[2000].Select(_ => (byte)'a').ToArray(), new ExtractOptions { MaxBytes = 1000 }), RejectReasons.TooLarge);
        Assert.Contains("2,000", r.Detail, StringComparison.Ordinal);
        Assert.Contains("1,000", r.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj", "PDF")]
    [InlineData("PK\u0003\u0004content", "ZIP")]
    [InlineData("\u0089PNG\r\n\u001a\n", "PNG")]
    public void Known_binary_signatures_are_binary(string start, string name)
    {
        var bytes = Encoding.Latin1.GetBytes(start + new string('x', 100));
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/a.html", bytes), RejectReasons.Binary);
        Assert.Contains(name, r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_binary_is_binary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        ExtractTestData.Rejection(ExtractTestData.Extract("/a.bin", bytes), RejectReasons.Binary);
    }

    [Fact]
    public void Gzipped_html_is_inflated_and_extracted()
    {
        var a = ExtractTestData.Article(ExtractTestData.Extract("/a.html.gz", Gzip(Encoding.UTF8.GetBytes(HtmlExtractionTests.ArticlePage))));
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
    }

    [Fact]
    public void Decompression_bomb_is_too_large()
    {
        var bomb = Gzip(Encoding.ASCII.GetBytes(new string('a', 5_000_000)));
        Assert.True(bomb.Length < 100_000);
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/a.html.gz", bomb, new ExtractOptions { MaxBytes = 1_000_000 }), RejectReasons.TooLarge);
        Assert.Contains("gzip", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_page_declaring_utf8_is_invalid_encoding()
    {
        var bytes = Encoding.ASCII.GetBytes("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><p>caf")
            .Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes(" au lait</p></body></html>")).ToArray();
        ExtractTestData.Rejection(ExtractTestData.Extract("/a.html", bytes), RejectReasons.InvalidEncoding);
    }

    [Fact]
    public void Text_mixing_valid_and_invalid_utf8_is_refused_not_repaired()
    {
        var bytes = Encoding.UTF8.GetBytes("Le café est fermé aujourd'hui pour travaux.\n\nMais le ")
            .Concat(new byte[] { 0xE9, 0xE8 }).Concat(Encoding.UTF8.GetBytes(" reste ouvert.")).ToArray();
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/a.txt", bytes), RejectReasons.InvalidEncoding);
        Assert.Contains("UTF-8", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_latin_text_is_read_as_windows_1252()
    {
        var text = "Réunion du café des élèves à Genève\n\nLes élèves se sont réunis au café de la gare pour préparer la fête de l’école, a déclaré le directeur.\n\nLa fête aura lieu en juin.";
        var a = ExtractTestData.Article(ExtractTestData.Extract("/a.txt", Encoding.GetEncoding(1252).GetBytes(text)));
        Assert.Equal("Réunion du café des élèves à Genève", a.Title);
        Assert.Contains("l’école", a.Body, StringComparison.Ordinal);
        Assert.Equal("fr", a.Language);
    }

    [Fact]
    public void Windows_1256_arabic_page_with_meta_charset_decodes()
    {
        const string body = "قال المتحدث باسم وزارة الخارجية إن التعاون بين البلدين لا يستهدف أي دولة ثالثة وإن العلاقات بين البلدين تقوم على الإرادة السياسية";
        var html = "<!doctype html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"><title>التعاون لا يستهدف أحدا</title></head><body><article>" +
            string.Concat(Enumerable.Repeat("<p>" + body + ".</p>", 5)) + "</article></body></html>";
        var bytes = Encoding.GetEncoding(1256).GetBytes(html);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
        var a = ExtractTestData.Article(ExtractTestData.Extract("/ar.html", bytes));
        Assert.Equal("التعاون لا يستهدف أحدا", a.Title);
        Assert.StartsWith(body, a.Body, StringComparison.Ordinal);
        Assert.Equal("ar", a.Language);
    }

    [Fact]
    public void Declared_charset_from_transport_wins_over_guessing()
    {
        var text = "Новости дня: переговоры продолжаются\n\nМинистр заявил, что переговоры не направлены против третьих стран и что это сотрудничество продолжается уже много лет.";
        var a = ExtractTestData.Article(ExtractTestData.Extract("/ru.txt", Encoding.GetEncoding(1251).GetBytes(text), charset: "windows-1251"));
        Assert.Equal("Новости дня: переговоры продолжаются", a.Title);
        Assert.Equal("ru", a.Language);
    }

    [Fact]
    public void Hundred_thousand_nested_divs_are_unparseable_not_a_crash()
    {
        var html = "<!doctype html><html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + "</body></html>";
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/deep.html", Encoding.ASCII.GetBytes(html)), RejectReasons.Unparseable);
        Assert.Contains("MaxDomDepth", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_elements_are_unparseable()
    {
        var html = "<!doctype html><html><body>" + string.Concat(Enumerable.Repeat("<span>x</span>", 5_000)) + "</body></html>";
        var r = ExtractTestData.Rejection(ExtractTestData.Extract("/many.html", Encoding.ASCII.GetBytes(html), new ExtractOptions { MaxNodes = 1_000 }), RejectReasons.Unparseable);
        Assert.Contains("MaxNodes", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Spent_time_budget_is_timed_out()
    {
        var r = ExtractTestData.Extract("/a.html", Encoding.UTF8.GetBytes(HtmlExtractionTests.ArticlePage), new ExtractOptions { TimeBudget = TimeSpan.Zero });
        ExtractTestData.Rejection(r, RejectReasons.TimedOut);
    }

    [Fact]
    public void Ten_megabyte_single_line_page_is_extracted()
    {
        var sb = new StringBuilder("<!doctype html><html><body><p>", 10_000_100);
        while (sb.Length < 9_999_000)
        {
            sb.Append("the port reopened today and ships moved again ");
        }

        sb.Append("</p></body></html>");
        var a = ExtractTestData.Article(ExtractTestData.Extract("/big.html", Encoding.ASCII.GetBytes(sb.ToString())));
        Assert.True(a.Body.Length > 9_000_000);
        Assert.DoesNotContain('\n', a.Body);
    }

    [Fact]
    public void Truncated_html_never_throws()
    {
        var page = HtmlExtractionTests.ArticlePage;
        for (var cut = 0; cut < page.Length; cut += 37)
        {
            var r = ExtractTestData.Extract("/t.html", Encoding.UTF8.GetBytes(page[..cut]));
            Assert.True(r.Article is not null ^ r.Rejection is not null);
        }

        var half = ExtractTestData.Article(ExtractTestData.Extract("/t.html", Encoding.UTF8.GetBytes(page[..(page.Length * 3 / 4)])));
        Assert.StartsWith("PORT ALDER", half.Body, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public bool Random_bytes_give_an_article_or_a_rejection(byte[] bytes, bool asHtml)
    {
        var r = ExtractTestData.Extract(asHtml ? "/r.html" : "/r.txt", bytes ?? []);
        return (r.Article is not null) != (r.Rejection is not null)
            && (r.Rejection is null || !string.IsNullOrEmpty(r.Rejection.Detail))
            && (r.Article is null || r.Article.Body.Length > 0);
    }

    [Property(MaxTest = 200)]
    public bool Random_text_inside_markup_gives_an_article_or_a_rejection(string text)
    {
        var r = ExtractTestData.Extract("/r.html", Encoding.UTF8.GetBytes("<html><body><p>" + text + "</p><div>" + text + "</body>"));
        return (r.Article is not null) != (r.Rejection is not null);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }
}
