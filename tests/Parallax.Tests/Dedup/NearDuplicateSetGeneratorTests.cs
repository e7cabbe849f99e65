using Parallax.Dedup;
using Parallax.Model;

namespace Parallax.Tests.Dedup;

public sealed class NearDuplicateSetGeneratorTests
{
    private static readonly (Article, string?)[] Corpus = Enumerable.Range(0, 12).Select(i => (new Article
    {
        Id = $"a{i}",
        Source = $"a{i}",
        Title = $"Council number {i} votes on the harbour bridge",
        Body = string.Join("\n\n", Enumerable.Range(0, 5).Select(p =>
            $"Paragraph {p} of article {i} says that council {i} met about bridge {i * 7} and café déjà vu \"quoted {p}\" in district {i + p} " +
            $"where {i * 13 + p} residents and the mayor number {i} discussed repairs worth {i * 1000 + p} euros for the year {2000 + i}.")),
    }, (string?)(i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    [Fact]
    public void Same_seed_gives_the_same_stream()
    {
        var a = NearDuplicateSetGenerator.Generate(Corpus, seed: 7);
        var b = NearDuplicateSetGenerator.Generate(Corpus, seed: 7);
        Assert.Equal(a.Select(c => c.Article.Id + c.Article.Body), b.Select(c => c.Article.Id + c.Article.Body));
        Assert.NotEqual(a.Select(c => c.Article.Id), NearDuplicateSetGenerator.Generate(Corpus, seed: 8).Select(c => c.Article.Id));
    }

    [Fact]
    public void Every_copy_arrives_after_its_original()
    {
        var stream = NearDuplicateSetGenerator.Generate(Corpus, seed: 3);
        var seen = new HashSet<string>();
        foreach (var item in stream)
        {
            if (item.CopyOf is { } original)
            {
                Assert.Contains(original, seen);
            }

            seen.Add(item.Article.Id);
        }

        Assert.Contains(stream, c => c.CopyOf is not null);
    }

    [Theory]
    [InlineData(NearDuplicateSetGenerator.ParagraphAdded)]
    [InlineData(NearDuplicateSetGenerator.ParagraphRemoved)]
    [InlineData(NearDuplicateSetGenerator.HeadlineRewritten)]
    [InlineData(NearDuplicateSetGenerator.BoilerplateSwapped)]
    [InlineData(NearDuplicateSetGenerator.Truncated)]
    [InlineData(NearDuplicateSetGenerator.Reencoded)]
    [InlineData(NearDuplicateSetGenerator.Combined)]
    public void Each_kind_changes_the_text_and_the_copy_is_still_found(string kind)
    {
        var original = Corpus[0].Item1;
        var copy = NearDuplicateSetGenerator.Copy(original, kind, Corpus[5].Item1, new Random(1)) with { Id = "copy" };
        Assert.False(copy.Body == original.Body && copy.Title == original.Title, "the copy should differ");

        var index = new NearDuplicateIndex();
        index.Add(original);
        Assert.Equal(original.Id, index.FindDuplicateOf(copy));
    }

    [Fact]
    public void Reencoding_uses_curly_or_straight_quotes_nbsp_and_decomposed_accents()
    {
        var bodies = Enumerable.Range(0, 8).Select(s => NearDuplicateSetGenerator.Copy(Corpus[0].Item1, NearDuplicateSetGenerator.Reencoded, Corpus[1].Item1, new Random(s)).Body).ToList();
        Assert.Contains(bodies, b => b.Contains('\u201C', StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains('\u00A0', StringComparison.Ordinal));
        Assert.All(bodies, b => Assert.Contains("e\u0301", b, StringComparison.Ordinal));
    }
}
