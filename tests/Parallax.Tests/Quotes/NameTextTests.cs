using Parallax.Quotes;

namespace Parallax.Tests.Quotes;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("José  Núñez", "jose nunez")]
    [InlineData("Nasser\u00A0Kanaani", "nasser kanaani")]
    [InlineData("Kiev\u2019s", "kiev's")]
    public void Fold_ignores_case_diacritics_and_spacing(string name, string folded)
    {
        Assert.Equal(folded, NameText.Fold(name));
    }

    [Fact]
    public void Slug_is_ascii_words_joined_by_hyphens()
    {
        Assert.Equal("nasser-kanaani", NameText.Slug("Nasser Kanaani"));
        Assert.Equal("hossein-amir-abdollahian", NameText.Slug("Hossein Amir-Abdollahian"));
        Assert.Equal("jose-nunez", NameText.Slug("José Núñez"));
    }
}
