using FsCheck;
using FsCheck.Fluent;
using Parallax.Compare;
using Parallax.Model;

namespace Parallax.Tests.Compare;

public sealed class WordDiffTests
{
    [Fact]
    public void Equal_texts_are_one_same_run()
    {
        var diff = WordDiff.Diff("Iran and Russia agree.", "iran and RUSSIA agree");
        Assert.Equal([new DiffRun(DiffOps.Same, "Iran and Russia agree")], diff);
    }

    [Fact]
    public void Added_article_is_one_insert_run()
    {
        var diff = WordDiff.Diff("Relations between Iran and Russia", "The relations between Iran and Russia");
        Assert.Equal([new DiffRun(DiffOps.Insert, "The"), new DiffRun(DiffOps.Same, "Relations between Iran and Russia")], diff);
    }

    [Fact]
    public void Replaced_words_are_deleted_then_inserted()
    {
        var diff = WordDiff.Diff("Iran and Russian enjoy great, joint, and complementary capacities",
            "Iran and Russia have great, common and complementary capacities");
        Assert.Equal(
            [
                new DiffRun(DiffOps.Same, "Iran and"),
                new DiffRun(DiffOps.Delete, "Russian enjoy"),
                new DiffRun(DiffOps.Insert, "Russia have"),
                new DiffRun(DiffOps.Same, "great"),
                new DiffRun(DiffOps.Delete, "joint"),
                new DiffRun(DiffOps.Insert, "common"),
                new DiffRun(DiffOps.Same, "and complementary capacities"),
            ],
            diff);
    }

    [Fact]
    public void Empty_side_is_all_insert_or_all_delete()
    {
        Assert.Equal([new DiffRun(DiffOps.Insert, "a b")], WordDiff.Diff("", "a b"));
        Assert.Equal([new DiffRun(DiffOps.Delete, "a b")], WordDiff.Diff("a, b", "..."));
        Assert.Empty(WordDiff.Diff("", ""));
    }

    [Fact]
    public void Diff_reconstructs_both_word_sequences()
    {
        var words = new[] { "the", "war", "Iran", "Russia", "arms", "end", "of", "and" };
        var text = Gen.ListOf(Gen.Elements(words)).Select(ws => string.Join(' ', ws));
        Prop.ForAll(Arb.From(text), Arb.From(text), (a, b) =>
        {
            var diff = WordDiff.Diff(a, b);
            var fromA = Join(diff, DiffOps.Delete);
            var fromB = Join(diff, DiffOps.Insert);
            var consecutiveSame = diff.Zip(diff.Skip(1)).Any(p => p.First.Op == p.Second.Op);
            return fromA.Equals(Normalise(a), StringComparison.OrdinalIgnoreCase)
                && fromB.Equals(Normalise(b), StringComparison.OrdinalIgnoreCase)
                && !consecutiveSame;
        }).QuickCheckThrowOnFailure();
    }

    private static string Join(IReadOnlyList<DiffRun> diff, string other) =>
        string.Join(' ', diff.Where(r => r.Op == DiffOps.Same || r.Op == other).Select(r => r.Text));

    private static string Normalise(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
