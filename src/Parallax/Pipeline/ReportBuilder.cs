using Parallax.Model;
using Parallax.Store;

namespace Parallax.Pipeline;

/// <summary>Reads a store into the report contract. Speakers are those that some quote refers to.</summary>
public static class ReportBuilder
{
    public static async Task<Report> BuildAsync(IArticleStore store, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var articles = new List<Article>();
        await foreach (var article in store.GetArticlesAsync(cancellationToken).ConfigureAwait(false))
        {
            articles.Add(article);
        }

        var quotes = await store.GetQuotesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var speakers = await QuotedSpeakersAsync(store, quotes, cancellationToken).ConfigureAwait(false);

        return new Report
        {
            Parallax = version,
            Articles = articles,
            Stories = await store.GetStoriesAsync(cancellationToken).ConfigureAwait(false),
            Speakers = speakers,
            Quotes = quotes,
            Alignments = await store.GetAlignmentsAsync(cancellationToken: cancellationToken).ConfigureAwait(false),
            Rejected = await store.GetRejectionsAsync(cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The report restricted to one story, or null when there is no such story.</summary>
    public static async Task<Report?> BuildStoryAsync(IArticleStore store, string storyId, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var story = await store.GetStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            return null;
        }

        var articles = await store.GetStoryArticlesAsync(storyId, cancellationToken).ConfigureAwait(false);
        var quotes = new List<Quote>();
        foreach (var article in articles)
        {
            quotes.AddRange(await store.GetQuotesAsync(article.Id, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        return new Report
        {
            Parallax = version,
            Articles = articles,
            Stories = [story],
            Speakers = await QuotedSpeakersAsync(store, quotes, cancellationToken).ConfigureAwait(false),
            Quotes = quotes,
            Alignments = await store.GetAlignmentsAsync(storyId, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The stored speakers that some of <paramref name="quotes"/> refer to, by id.</summary>
    private static async Task<List<Speaker>> QuotedSpeakersAsync(IArticleStore store, IReadOnlyList<Quote> quotes, CancellationToken cancellationToken)
    {
        var quoted = quotes.Select(q => q.Speaker).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return (await store.GetSpeakersAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => quoted.Contains(s.Id))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }
}
