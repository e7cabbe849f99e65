using Parallax.Evaluation;
using Parallax.Model;

namespace Parallax.Tests.Evaluation;

public sealed class WordOverlapTests
{
    [Fact]
    public void Words_are_counted_as_lowercased_multisets()
    {
        var s = WordOverlap.Score("The the cat sat", "the cat sat on the mat");
        Assert.Equal(1.0, s.Precision, 3);          // the×2, cat, sat all in gold
        Assert.Equal(4.0 / 6, s.Recall, 3);
        Assert.Equal(0.8, s.F1, 3);
    }

    [Fact]
    public void Punctuation_is_not_a_word_and_empty_extraction_scores_zero()
    {
        Assert.Equal(1.0, WordOverlap.Score("Hello, world!", "hello world").F1, 3);
        Assert.Equal(0.0, WordOverlap.Score("", "hello world").F1);
        Assert.Equal(1.0, WordOverlap.Score("", "").F1);
    }

    [Fact]
    public void Title_author_and_date_matching_follow_the_benchmark_rules()
    {
        var gold = new GoldPage("1", "x", null, "article", "Big  News Today", "Jane Doe", "2024-05-01", "a b c", ["b c"], ["zzz"]);
        var article = new Article { Id = "1", Source = "x", Title = "big news today", Authors = ["By Jane Doe"], Published = "2024-05-01T10:00:00+02:00", Body = "a b c" };
        var score = ExtractionEvaluation.Score(gold, article, null);
        Assert.True(score.TitleOk);
        Assert.True(score.AuthorOk);
        Assert.True(score.DateOk);
        Assert.Equal((1, 1, 1, 1), (score.WithFound, score.WithTotal, score.WithoutAbsent, score.WithoutTotal));

        var wrong = ExtractionEvaluation.Score(gold, article with { Title = "Other", Authors = [], Published = "2024-05-02" }, null);
        Assert.False(wrong.TitleOk);
        Assert.False(wrong.AuthorOk);
        Assert.False(wrong.DateOk);
    }
}
