using Parallax.Model;
using Parallax.Quotes;
using Xunit.Abstractions;

namespace Parallax.Tests.Quotes;

public sealed class SeedQuoteTests(ITestOutputHelper output)
{
    private static readonly QuoteExtractor Extractor = new();

    [Fact]
    public void Dump_seed_quotes()
    {
        foreach (var prefix in new[] { "000", "001" })
        {
            var body = SeedArticles.Body(prefix);
            if (body is null)
            {
                output.WriteLine("../shared/seeds is absent: seed tests skipped");
                return;
            }

            var result = Extractor.Extract(SeedArticles.Article(prefix, body));
            foreach (var s in result.Speakers)
            {
                output.WriteLine(ReportJson.SerializeLine(s));
            }

            foreach (var q in result.Quotes)
            {
                output.WriteLine($"{q.Id} [{q.Kind}] {q.Speaker} '{q.SpeakerMention}' cue={q.Cue} via=[{string.Join(",", q.Via)}]\n    {q.Text}");
            }
        }
    }
}
