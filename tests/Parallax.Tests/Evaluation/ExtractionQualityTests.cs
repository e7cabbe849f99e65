using Parallax.Evaluation;
using Parallax.Extract;
using Parallax.Model;
using Xunit.Abstractions;

namespace Parallax.Tests.Evaluation;

/// <summary>
/// The extraction quality gate: the whole of WCXB dev, scored as its README defines, must stay at or above the
/// floors recorded here (docs/quality.md has the measured figures). Floors only go up.
/// </summary>
public sealed class ExtractionQualityTests(ITestOutputHelper output)
{
    // Measured at commit time on wcxb-dev (1,497 pages), body and metadata work of issue 3 together: articles F1
    // 0.945, all 0.833, title 0.758, author 0.779, date 0.812. Floors sit about 0.01 below to absorb nothing but
    // rounding and intended trade-offs. Session 3 (forum posts kept on thread pages, JSON-LD cut from the source):
    // all 0.835, date 0.815; the all-pages and date floors rose with them. Page sections (recommendation headings drop
    // only their section, hidden tab panels inside main stay, link items that are most of the text stay): articles
    // 0.949, all 0.846. Repeated paragraphs (mobile and desktop copies) kept once: articles 0.951, all 0.850.
    // Session 5 (every repeat kept once off articles, a lenient second pruning pass for pages yielding almost nothing):
    // articles 0.954, all 0.858, title 0.759, date 0.816.
    private const double ArticleF1Floor = 0.95;
    private const double AllF1Floor = 0.855;
    private const double TitleFloor = 0.755;
    private const double AuthorFloor = 0.77;
    private const double DateFloor = 0.81;

    // Page-kind accuracy measured 0.700 on wcxb-dev (gold types mapped by ExtractionEvaluation.ExpectedKind); articles
    // kept as article 0.968. Ingest rejects non-articles, so losing articles matters more than the overall figure.
    private const double KindAccuracyFloor = 0.69;
    private const double ArticleKindFloor = 0.96;

    [Fact]
    public void Wcxb_dev_scores_stay_above_their_floors()
    {
        if (TestPaths.Shared is not { } shared)
        {
            output.WriteLine(TestPaths.SharedMissing);
            return;
        }

        var gold = ExtractionEvaluation.LoadGold(Path.Combine(shared, "bench", "extraction", "wcxb-dev"));
        var report = ExtractionEvaluation.Run(gold, new ExtractOptions(), Environment.ProcessorCount);
        var all = report.Overall;
        var articles = report.ByPageType["article"];
        output.WriteLine($"wcxb-dev {all.Pages} pages: F1 all {all.F1:0.000}, articles {articles.F1:0.000}; " +
            $"title {all.TitleAccuracy:0.000}, author {all.AuthorAccuracy:0.000}, date {all.DateAccuracy:0.000}");

        Assert.Equal(1497, all.Pages);
        Assert.True(articles.F1 >= ArticleF1Floor, $"article F1 {articles.F1:0.000} < {ArticleF1Floor}");
        Assert.True(all.F1 >= AllF1Floor, $"all-pages F1 {all.F1:0.000} < {AllF1Floor}");
        Assert.True(all.TitleAccuracy >= TitleFloor, $"title accuracy {all.TitleAccuracy:0.000} < {TitleFloor}");
        Assert.True(all.AuthorAccuracy >= AuthorFloor, $"author accuracy {all.AuthorAccuracy:0.000} < {AuthorFloor}");
        Assert.True(all.DateAccuracy >= DateFloor, $"date accuracy {all.DateAccuracy:0.000} < {DateFloor}");
        var kinds = report.Kinds;
        Assert.True(kinds.Accuracy >= KindAccuracyFloor, $"page-kind accuracy {kinds.Accuracy:0.000} < {KindAccuracyFloor}");
        var articleKinds = kinds.Counts["article"];
        var articleKind = articleKinds.GetValueOrDefault(PageKinds.Article) / (double)articleKinds.Values.Sum();
        Assert.True(articleKind >= ArticleKindFloor, $"articles kept as article {articleKind:0.000} < {ArticleKindFloor}");
    }
}
