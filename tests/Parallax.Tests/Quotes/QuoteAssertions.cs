using Parallax.Model;
using Parallax.Quotes;

namespace Parallax.Tests.Quotes;

internal static class QuoteAssertions
{
    /// <summary>The contract's invariants: exact offsets, ids in order, speakers that exist.</summary>
    public static void Invariants(Article article, ArticleQuotes result)
    {
        var previousStart = -1;
        for (var i = 0; i < result.Quotes.Count; i++)
        {
            var q = result.Quotes[i];
            Assert.Equal($"{article.Id}:q{i + 1}", q.Id);
            Assert.Equal(article.Id, q.Article);
            Assert.Equal(q.Text, article.Body[q.Start..q.End]);
            Assert.True(q.Start >= previousStart, "quotes are ordered by start");
            previousStart = q.Start;
            if (q.SpeakerMention is not null)
            {
                Assert.Equal(q.SpeakerMention, article.Body[q.SpeakerStart!.Value..q.SpeakerEnd!.Value]);
            }

            if (q.Speaker is not null)
            {
                Assert.Contains(result.Speakers, s => s.Id == q.Speaker);
            }

            Assert.Contains(q.Kind, new[] { QuoteKinds.Direct, QuoteKinds.Mixed, QuoteKinds.Indirect });
        }
    }
}
