using Parallax.Stories;

namespace Parallax.Tests.Stories;

public sealed class TermTableTests
{
    [Theory]
    [InlineData("85")]
    [InlineData("2.6")]
    [InlineData("1,300")]
    [InlineData("137")]
    [InlineData("1800")]
    public void Tolls_sums_and_scores_are_signature_numbers(string term) =>
        Assert.True(TermTable.IsSignatureNumber(term));

    [Theory]
    [InlineData("7")]
    [InlineData("31")]
    [InlineData("2008")]
    [InlineData("seventh")]
    [InlineData("4x4")]
    [InlineData("")]
    public void Days_small_counts_years_and_words_are_not_signature_numbers(string term) =>
        Assert.False(TermTable.IsSignatureNumber(term));
}
