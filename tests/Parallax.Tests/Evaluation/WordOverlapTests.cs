using Parallax.Evaluation;
using Parallax.Model;
using Parallax.Text;

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

public sealed class QuoteScoringTests
{
    [Fact]
    public void A_prediction_matches_when_it_covers_enough_of_the_gold_content()
    {
        const string text = "The plan will fail, the senator said on Monday.";
        var article = new Article { Id = "a", Source = "a", Body = text };
        var gold = new GoldQuoteArticle(article, [new GoldAttribution([new(0, 18)], [new(20, 31)], [new(32, 36)], Quoted: false)]);
        Quote Predicted(int start, int end, int? speakerStart) => new()
        {
            Id = "q", Article = "a", Kind = QuoteKinds.Indirect, Text = text[start..end], Start = start, End = end,
            SpeakerStart = speakerStart, SpeakerEnd = speakerStart is null ? null : speakerStart + 11,
        };

        var covered = QuoteEvaluation.Score([gold], [[Predicted(0, 18, 20)]], 0.8);
        Assert.Equal((1, 1, 1.0), (covered.MatchedPredictions, covered.MatchedGold, covered.SpeakerAccuracy));

        var partial = QuoteEvaluation.Score([gold], [[Predicted(0, 8, null)]], 0.3); // 8 of 18 characters: 44%
        Assert.Equal(1, partial.MatchedGold);
        Assert.Equal(0.0, partial.SpeakerAccuracy);
        Assert.Equal(0, QuoteEvaluation.Score([gold], [[Predicted(0, 8, null)]], 0.8).MatchedGold);
    }
}
