using System.Threading.Channels;
using Parallax.Compare;
using Parallax.Dedup;
using Parallax.Extract;
using Parallax.Ingest;
using Parallax.Model;
using Parallax.Quotes;
using Parallax.Store;
using Parallax.Stories;

namespace Parallax.Pipeline;

/// <summary>
/// The incremental engine: each input flows Source → Extractor → Quotes → Dedup → Stories → Compare → Store,
/// and adding one article updates only its own story. In-memory indexes (near-duplicates, story centroids,
/// canonical speakers) are warmed from the store on open; assignments already stored never change.
/// </summary>
public sealed class Engine
{
    private readonly IArticleStore _store;
    private readonly ArticleExtractor _extractor;
    private readonly QuoteExtractor _quotes = new();
    private readonly NearDuplicateIndex _duplicates = new();
    private readonly StoryClusterer _stories;
    private readonly CoverageComparer _comparer = new();
    private readonly SpeakerDirectory _speakers;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Extractions started ahead of the sequential stages, per extraction thread: enough to keep them busy.</summary>
    private const int LookaheadPerThread = 4;

    /// <summary>
    /// Byte-identical payloads remembered per run, first in first out: 100,000 hashes and verdicts take ~20 MB, so a
    /// CC-NEWS-sized run keeps flat memory while repeats within a day's archive are still caught.
    /// </summary>
    private const int MaxRememberedPayloads = 100_000;

    /// <summary>A source item with its extraction done (or skipped as a byte-identical repeat).</summary>
    private sealed record Prepared(SourceItem Item, ExtractionResult? Extracted, string? PayloadHash, bool Repeat);

    private Engine(IArticleStore store, EngineOptions options, SpeakerDirectory speakers, StoryClusterer stories)
    {
        _store = store;
        Options = options;
        _extractor = new ArticleExtractor(options.Extract);
        _speakers = speakers;
        _stories = stories;
    }

    public EngineOptions Options { get; }

    public IArticleStore Store => _store;

    /// <summary>Opens an engine over a store, warming its indexes from what the store holds.</summary>
    public static async Task<Engine> OpenAsync(IArticleStore store, EngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new EngineOptions();
        var speakers = new SpeakerDirectory(await store.GetSpeakersAsync(cancellationToken).ConfigureAwait(false));
        var stored = new List<Article>();
        await foreach (var article in store.GetArticlesAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(article);
        }

        // Merging stories needs a store that can move their articles; without one, stories only grow.
        var storyOptions = store is IStoryMergeStore ? null : new StoryOptions { MergeThreshold = 1 };
        var engine = new Engine(store, options, speakers, StoryClusterer.Restore(stored.Where(a => a.Story is not null).Select(a => (a, a.Story!)), storyOptions));
        foreach (var article in stored)
        {
            engine._duplicates.Add(article);
            engine._ids.Add(article.Id);
        }

        return engine;
    }

    /// <summary>
    /// Ingests every item of a source; rejections are recorded and the run goes on. Extraction, the costly pure
    /// stage, runs ahead on <see cref="EngineOptions.ExtractionParallelism"/> threads while everything after it
    /// (dedup, stories, quotes, alignment, the store) runs one article at a time in input order, so the result is
    /// the same as a sequential run. A payload repeated byte for byte within the run is not extracted again: it gets
    /// its first occurrence's verdict.
    /// </summary>
    public async Task<IngestSummary> IngestAsync(IDocumentSource source, IProgress<IngestOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        int stored = 0, already = 0, rejected = 0, quotes = 0;
        var parallelism = source.AllowsReadAhead ? Math.Max(1, Options.ExtractionParallelism) : 0;
        if (parallelism == 0)
        {
            await foreach (var item in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var outcome = item.Document is { } document
                    ? await IngestAsync(document, cancellationToken).ConfigureAwait(false)
                    : await RejectAsync(item.Rejection!, cancellationToken).ConfigureAwait(false);
                Count(outcome);
                progress?.Report(outcome);
            }

            return new IngestSummary(stored, already, rejected, quotes);
        }

        var lookahead = System.Threading.Channels.Channel.CreateBounded<Task<Prepared>>(new BoundedChannelOptions(parallelism * LookaheadPerThread) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The HTML parser inside an extractor is not shared between threads.
        using var extractors = new ThreadLocal<ArticleExtractor>(() => new ArticleExtractor(Options.Extract));
        var producer = Task.Run(() => PrepareAllAsync(source, extractors, lookahead.Writer, stop.Token), stop.Token);
        var first = new PayloadVerdicts(MaxRememberedPayloads);
        try
        {
            await foreach (var task in lookahead.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var prepared = await task.ConfigureAwait(false);
                var outcome = await CompleteAsync(prepared, first, cancellationToken).ConfigureAwait(false);
                Count(outcome);
                progress?.Report(outcome);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped first (cancellation or a store failure): the producer's work is moot.
            }

            // Extractions already started still use the per-thread extractors: let them finish before those go.
            while (lookahead.Reader.TryRead(out var pending))
            {
                await Task.WhenAny(pending).ConfigureAwait(false);
            }
        }

        return new IngestSummary(stored, already, rejected, quotes);

        void Count(IngestOutcome outcome)
        {
            switch (outcome.Status)
            {
                case IngestStatus.Stored: stored++; quotes += outcome.Quotes; break;
                case IngestStatus.AlreadyStored: already++; break;
                default: rejected++; break;
            }
        }
    }

    /// <summary>Ingests one raw document.</summary>
    public Task<IngestOutcome> IngestAsync(RawDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return IngestExtractedAsync(document, _extractor.Extract(document), cancellationToken);
    }

    /// <summary>Reads the source, starting each document's extraction as soon as the lookahead has room.</summary>
    private static async Task PrepareAllAsync(IDocumentSource source, ThreadLocal<ArticleExtractor> extractors, ChannelWriter<Task<Prepared>> writer, CancellationToken cancellationToken)
    {
        var scheduled = new PayloadVerdicts(MaxRememberedPayloads);
        try
        {
            await foreach (var item in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Task<Prepared> task;
                if (item.Document is not { } document)
                {
                    task = Task.FromResult(new Prepared(item, null, null, Repeat: false));
                }
                else
                {
                    var hash = PayloadHash(document);
                    task = scheduled.TryAdd(hash, null)
                        ? Task.Run(() => new Prepared(item, extractors.Value!.Extract(document), hash, Repeat: false), cancellationToken)
                        : Task.FromResult(new Prepared(item, null, hash, Repeat: true));
                }

                await writer.WriteAsync(task, cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private async Task<IngestOutcome> CompleteAsync(Prepared prepared, PayloadVerdicts first, CancellationToken cancellationToken)
    {
        if (prepared.Item.Document is not { } document)
        {
            return await RejectAsync(prepared.Item.Rejection!, cancellationToken).ConfigureAwait(false);
        }

        if (prepared.Repeat)
        {
            if (first.TryGet(prepared.PayloadHash!) is { } earlier)
            {
                return await RepeatAsync(document, earlier, cancellationToken).ConfigureAwait(false);
            }

            // Its first occurrence's verdict is no longer remembered: extract it after all.
            return await IngestAsync(document, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await IngestExtractedAsync(document, prepared.Extracted!, cancellationToken).ConfigureAwait(false);
        first.TryAdd(prepared.PayloadHash!, outcome);
        return outcome;
    }

    /// <summary>The verdict for a byte-identical copy of an earlier input of this run.</summary>
    private async Task<IngestOutcome> RepeatAsync(RawDocument document, IngestOutcome earlier, CancellationToken cancellationToken)
    {
        if (earlier.Article is { } article)
        {
            if (article.Source == document.Source)
            {
                return new IngestOutcome(IngestStatus.AlreadyStored, document.Source, article);
            }

            return await RejectAsync(
                new Rejection { Source = document.Source, Reason = RejectReasons.Duplicate, Detail = $"same URL or content as article '{article.Id}'" },
                cancellationToken).ConfigureAwait(false);
        }

        var rejection = earlier.Rejection!;
        return await RejectAsync(rejection with { Source = document.Source }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Identity of what extraction sees: the bytes and how to decode them. The URL is left out on purpose: the same
    /// page under two addresses (a mirror, an AMP copy, an archive's repeated capture) gets the same verdict.
    /// </summary>
    private static string PayloadHash(RawDocument document)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{document.ContentType}\n{document.DeclaredCharset}\n"));
        if (document.CleanText is { } text)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
        }
        else
        {
            sha.AppendData(document.Content.Span);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private async Task<IngestOutcome> IngestExtractedAsync(RawDocument document, ExtractionResult extracted, CancellationToken cancellationToken)
    {
        if (extracted.Rejection is { } rejection)
        {
            return await RejectAsync(rejection, cancellationToken).ConfigureAwait(false);
        }

        var article = extracted.Article! with { Url = UrlIdentity.Normalize(extracted.Article!.Url) };
        var hash = NearDuplicateIndex.ContentHash(article.Body);
        var existing = await _store.FindExistingAsync(article.Url, hash, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var stored = await _store.GetArticleAsync(existing, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.Source == article.Source)
            {
                return new IngestOutcome(IngestStatus.AlreadyStored, document.Source, stored);
            }

            return await RejectAsync(
                new Rejection { Source = document.Source, Reason = RejectReasons.Duplicate, Detail = $"same URL or content as article '{existing}'" },
                cancellationToken).ConfigureAwait(false);
        }

        article = article with { Id = UniqueId(article) };
        var copiesOfThis = new List<string>();
        if (_duplicates.FindDuplicateOf(article) is { } copied)
        {
            // duplicate_of points at the earlier article: arrival order is not publication order (an agency wire
            // read after the outlets that reprinted it).
            var other = await _store.GetArticleAsync(copied, cancellationToken).ConfigureAwait(false);
            if (other is not null && PublishedBefore(article, other))
            {
                copiesOfThis.Add(other.Id);
            }
            else
            {
                article = article with { DuplicateOf = copied };
            }
        }

        var assignment = _stories.Assign(article);
        var story = assignment.Story;
        article = article with { Story = story.Id };
        var merged = assignment.MergedStories.Count > 0 && _store is IStoryMergeStore merges;
        if (merged)
        {
            await ((IStoryMergeStore)_store).MergeStoriesAsync(story, assignment.MergedStories, cancellationToken).ConfigureAwait(false);
        }

        // Speakers resolve within the story too: a spelling variant (Kanani for Kanaani) merges only there.
        var found = _quotes.Extract(article);
        var canonical = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        foreach (var local in found.Speakers)
        {
            canonical[local.Id] = _speakers.Resolve(local, story.Id);
        }

        var quotes = found.Quotes
            .Select(q => q with { Speaker = q.Speaker is { } s && canonical.TryGetValue(s, out var c) ? c.Id : q.Speaker })
            .ToList();

        var storyArticles = new List<Article>(await _store.GetStoryArticlesAsync(story.Id, cancellationToken).ConfigureAwait(false)) { article };
        var storyQuotes = new List<Quote>(quotes);
        foreach (var other in storyArticles)
        {
            if (other.Id != article.Id)
            {
                storyQuotes.AddRange(await _store.GetQuotesAsync(other.Id, cancellationToken: cancellationToken).ConfigureAwait(false));
            }
        }

        // Matching is per article pair, so the story's stored alignments stay and only the new article's pairs are added.
        var referenced = storyQuotes.Select(q => q.Speaker).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // After a merge, pairs across the stories that became one are new too: realign the whole story.
        var alignments = _comparer.Align(story, storyArticles, storyQuotes, _speakers.All.Where(s => referenced.Contains(s.Id)).ToList(), involving: merged ? null : article.Id);
        await _store.CommitAsync(
            new ArticleCommit
            {
                Article = article,
                ContentHash = hash,
                Quotes = quotes,
                Speakers = canonical.Values.DistinctBy(s => s.Id).ToList(),
                Story = story,
                StoryAlignments = merged ? alignments : null,
                AddedAlignments = merged ? [] : alignments,
                CopiesOfThis = copiesOfThis,
            },
            cancellationToken).ConfigureAwait(false);

        _duplicates.Add(article);
        _ids.Add(article.Id);
        return new IngestOutcome(IngestStatus.Stored, document.Source, article, Quotes: quotes.Count);
    }

    /// <summary>The whole store as one report, in the contract's shape.</summary>
    public Task<Report> BuildReportAsync(CancellationToken cancellationToken = default) =>
        ReportBuilder.BuildAsync(_store, Options.Version, cancellationToken);

    private async Task<IngestOutcome> RejectAsync(Rejection rejection, CancellationToken cancellationToken)
    {
        await _store.AddRejectionAsync(rejection, cancellationToken).ConfigureAwait(false);
        return new IngestOutcome(IngestStatus.Rejected, rejection.Source, Rejection: rejection);
    }

    /// <summary>True only when both dates are known, neither is a mere upper bound, and <paramref name="a"/> is earlier.</summary>
    private static bool PublishedBefore(Article a, Article b) =>
        !DateSources.IsUpperBound(a.PublishedSource) && !DateSources.IsUpperBound(b.PublishedSource)
        && DateTimeOffset.TryParse(a.Published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var da)
        && DateTimeOffset.TryParse(b.Published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var db)
        && da < db;

    // Ids come from file names, which repeat across folders: a taken id gets the source's hash appended.
    private string UniqueId(Article article)
    {
        if (!_ids.Contains(article.Id))
        {
            return article.Id;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(article.Source)))[..8];
        return $"{article.Id}~{hash}";
    }
}
