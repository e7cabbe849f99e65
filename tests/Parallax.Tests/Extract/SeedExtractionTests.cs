using Parallax.Extract;
using Parallax.Model;
using Xunit.Abstractions;

namespace Parallax.Tests.Extract;

public sealed class SeedExtractionTests(ITestOutputHelper output)
{
    private Article? Seed(string prefix)
    {
        var shared = ExtractTestData.SharedDir();
        if (shared is null)
        {
            output.WriteLine("../shared is absent: seed extraction tests are skipped.");
            return null;
        }

        var path = Directory.GetFiles(Path.Combine(shared, "seeds"), prefix + "_*.txt").Single();
        var result = new ArticleExtractor(new ExtractOptions()).Extract(new RawDocument { Source = path, Content = File.ReadAllBytes(path) });
        return ExtractTestData.Article(result);
    }

    [Fact]
    public void Seed_000_header_date_headline_and_desk_credit_are_metadata_not_body()
    {
        var a = Seed("000");
        if (a is null)
        {
            return;
        }

        Assert.Equal("Interaction with Russia not against others: Iran", a.Title);
        Assert.Equal("2023-03-22", a.Published);
        Assert.Equal(["Int’l Monitoring Desk"], a.Authors);
        Assert.StartsWith("TEHRAN: The defense cooperation", a.Body, StringComparison.Ordinal);
        Assert.EndsWith("for the benefit of the two nations.", a.Body, StringComparison.Ordinal);
        Assert.Equal("000_6b52e77a5b6936bc.txt", a.Id);
        Assert.Equal("en", a.Language);
        Assert.Equal(PageKinds.Article, a.Kind);
    }

    [Fact]
    public void Seed_000_teaser_after_check_also_is_not_body()
    {
        var a = Seed("000");
        if (a is null)
        {
            return;
        }

        Assert.DoesNotContain("Check Also", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Trump", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Monitoring Desk", a.Body, StringComparison.Ordinal);
        Assert.Equal(11, a.Body.Split("\n\n").Length); // the seed's 11 body paragraphs, TEHRAN: ... to the desk credit
    }

    [Fact]
    public void Seed_001_byline_outlet_becomes_outlet_and_author()
    {
        var a = Seed("001");
        if (a is null)
        {
            return;
        }

        Assert.Equal("Kanaani: Iran-Russia defense cooperation not hostile to third country", a.Title);
        Assert.Equal("2023-02-24", a.Published);
        Assert.Equal(["Al Mayadeen English"], a.Authors);
        Assert.Equal("Al Mayadeen English", a.Outlet);
        Assert.StartsWith("The Iranian Foreign Ministry Spokesperson says", a.Body, StringComparison.Ordinal);
        Assert.EndsWith("and the safeguards agreements.", a.Body, StringComparison.Ordinal);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void Seed_001_keeps_subheading_and_non_breaking_spaces()
    {
        var a = Seed("001");
        if (a is null)
        {
            return;
        }

        var paragraphs = a.Body.Split("\n\n");
        Assert.Contains("MSC held in the name of security to charm war-mongers", paragraphs);
        Assert.Contains("The spokesperson of the\u00A0Iranian Foreign Ministry", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("By Al Mayadeen", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("February 24, 2023\n", a.Body, StringComparison.Ordinal);
        Assert.All(paragraphs, p => Assert.Equal(p.Trim(), p));
        Assert.DoesNotContain("\n\n\n", a.Body, StringComparison.Ordinal);
    }
}
