using Parallax.Model;
using Parallax.Store;

namespace Parallax.Pipeline;

/// <summary>A quote with the records it refers to, for listing.</summary>
public sealed record QuoteRow(Quote Quote, Speaker? Speaker, Article? Article);

/// <summary>Selects quotes by speaker (name or alias) and story.</summary>
public static class QuoteQuery
{
    public static async Task<IReadOnlyList<QuoteRow>> RunAsync(IArticleStore store, string? speakerName, string? storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var speakers = (await store.GetSpeakersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        HashSet<string>? wanted = null;
        if (speakerName is not null)
        {
            wanted = speakers.Values.Where(s => Matches(s, speakerName)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        }

        HashSet<string>? storyArticles = null;
        if (storyId is not null)
        {
            var story = await store.GetStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
            storyArticles = (story?.Articles ?? []).ToHashSet(StringComparer.Ordinal);
        }

        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        await foreach (var article in store.GetArticlesAsync(cancellationToken).ConfigureAwait(false))
        {
            articles[article.Id] = article;
        }

        var rows = new List<QuoteRow>();
        foreach (var quote in await store.GetQuotesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (wanted is not null && (quote.Speaker is null || !wanted.Contains(quote.Speaker)))
            {
                continue;
            }

            if (storyArticles is not null && !storyArticles.Contains(quote.Article))
            {
                continue;
            }

            rows.Add(new QuoteRow(
                quote,
                quote.Speaker is { } sid ? speakers.GetValueOrDefault(sid) : null,
                articles.GetValueOrDefault(quote.Article)));
        }

        return rows;
    }

    private static bool Matches(Speaker speaker, string name) =>
        speaker.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
        || speaker.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase))
        || speaker.Id.Equals(name, StringComparison.OrdinalIgnoreCase);
}
