using Parallax.Evaluation;
using Parallax.Model;
using Xunit;

namespace Parallax.Tests.Extract;

public sealed class KindConfusionTests
{
    private static PageScore Page(string id, string goldType, string kind) =>
        new(id, goldType, new Prf(1, 1, 1), null, null, null, 0, 0, 0, 0, null) { Kind = kind };

    [Fact]
    public void Gold_types_map_onto_our_kinds()
    {
        Assert.Equal(PageKinds.Listing, ExtractionEvaluation.ExpectedKind("collection"));
        Assert.Equal(PageKinds.Other, ExtractionEvaluation.ExpectedKind("service"));
        Assert.Equal(PageKinds.Other, ExtractionEvaluation.ExpectedKind("documentation"));
        Assert.Equal(PageKinds.Article, ExtractionEvaluation.ExpectedKind("article"));
        Assert.Equal(PageKinds.Other, ExtractionEvaluation.ExpectedKind("never-seen"));
    }

    [Fact]
    public void Confusion_counts_gold_type_against_our_kind_and_scores_accuracy()
    {
        PageScore[] pages =
        [
            Page("1", "article", PageKinds.Article),
            Page("2", "article", PageKinds.Listing),
            Page("3", "collection", PageKinds.Listing),
            Page("4", "service", PageKinds.Article),
        ];

        var confusion = ExtractionEvaluation.Confusion(pages);

        Assert.Equal(1, confusion.Counts["article"][PageKinds.Listing]);
        Assert.Equal(2, confusion.Correct);
        Assert.Equal(0.5, confusion.Accuracy, 3);
        var rows = confusion.Rows();
        Assert.Equal(["article", "article", "1", "1", "0", "0", "0", "0", "0.500"], rows[0]);
        Assert.Equal(["service", "other", "1", "0", "0", "0", "0", "0", "0.000"], rows[2]);
        Assert.Equal("all", rows[^1][0]);
        Assert.Equal("0.500", rows[^1][^1]);
        Assert.Equal(KindConfusion.Header.Count, rows[^1].Count);
    }

    [Fact]
    public void Rejected_pages_count_as_rejected_and_as_wrong()
    {
        var confusion = ExtractionEvaluation.Confusion([Page("1", "forum", ExtractionEvaluation.RejectedKind)]);

        Assert.Equal(1, confusion.Counts["forum"][ExtractionEvaluation.RejectedKind]);
        Assert.Equal(0, confusion.Accuracy);
    }
}
