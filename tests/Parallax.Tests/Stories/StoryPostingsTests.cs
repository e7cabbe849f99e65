using Parallax.Stories;

namespace Parallax.Tests.Stories;

public sealed class StoryPostingsTests
{
    [Fact]
    public void Postings_keep_listing_order_across_growth()
    {
        var postings = new StoryPostings();
        for (var ordinal = 0; ordinal < 1000; ordinal++)
        {
            postings.Add(5, ordinal);
        }

        var list = postings.Of(5).ToArray();
        Assert.Equal(Enumerable.Range(0, 1000), list);
    }

    [Fact]
    public void Story_listed_last_under_a_term_is_not_listed_again()
    {
        var postings = new StoryPostings();
        postings.Add(3, 7);
        postings.Add(3, 7);
        postings.Add(3, 8);
        postings.Add(3, 7);

        Assert.Equal([7, 8, 7], postings.Of(3).ToArray());
    }

    [Fact]
    public void Unknown_term_has_no_postings_even_past_the_table()
    {
        var postings = new StoryPostings();
        postings.Add(2000, 1);

        Assert.True(postings.Of(1999).IsEmpty);
        Assert.True(postings.Of(1_000_000).IsEmpty);
        Assert.Equal([1], postings.Of(2000).ToArray());
    }

    [Fact]
    public void Postings_bytes_stay_within_a_third_of_the_slots_listed()
    {
        var postings = new StoryPostings();
        var empty = postings.ApproximateBytes;
        for (var ordinal = 0; ordinal < 100_000; ordinal++)
        {
            postings.Add(0, ordinal);
        }

        // Quarter growth: the array is at most a quarter (plus rounding) above what it holds.
        Assert.InRange(postings.ApproximateBytes - empty, 400_000, 400_000 * 4 / 3);
    }
}
