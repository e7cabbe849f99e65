using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Entities;
using Parallax.Model;
using Parallax.Text;

namespace Parallax.Stories;

/// <summary>What one <see cref="StoryClusterer.Assign"/> did: the article's story, and the stories folded into it.</summary>
/// <param name="Story">The story the article joined or opened, after any merge.</param>
/// <param name="MergedStories">Ids of stories this article showed to be the same event as <paramref name="Story"/>; their
/// articles now belong to it. The engine must move those articles in the store (set their <c>story</c> to
/// <c>Story.Id</c>), drop the merged story records and realign the surviving story.</param>
public sealed record StoryAssignment(Story Story, IReadOnlyList<string> MergedStories);

/// <summary>
/// Online story clustering: each arriving article joins the best recent story or opens a new one; nothing is rebuilt.
/// Articles are TF-IDF vectors over content words (title and name-like words boosted) plus entity keys from
/// <see cref="EntityRecognizer"/> (so "Somali" and "Somalia" agree), with document frequencies kept incrementally.
/// Candidate stories come from an inverted index over centroid terms, walked newest first and capped, so each add
/// costs about the same however many articles came before. A story is scored by cosine with its centroid, within the
/// publication-time window; an article that scores above the threshold with two stories whose centroids agree merges
/// them. Deterministic for a given input order. Not thread-safe: the engine adds articles one at a time.
/// </summary>
public sealed class StoryClusterer
{
    /// <summary>Doc terms (by TF-IDF) used to look up candidate stories in the term index.</summary>
    private const int LookupTerms = 30;

    /// <summary>Stories looked at per lookup term, newest first: older stories listed under a common term are past the
    /// time window or crowded out by fresher coverage, and walking whole lists would make each add linear in the stream.</summary>
    private const int MaxPostingsWalk = 64;

    /// <summary>Candidates, best by matched lookup-term IDF, that get the full cosine.</summary>
    private const int MaxScoredCandidates = 24;

    private const int StoryIdHexChars = 12;

    /// <summary>Entity keys up to this length are prefixed on the stack.</summary>
    private const int EntityKeyStackChars = 128;

    private readonly StoryOptions options;
    private readonly TermTable terms = new();
    private readonly List<StoryState> stories = [];
    private readonly Dictionary<string, StoryState> storiesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryState> storyOfArticle = new(StringComparer.Ordinal);
    private readonly List<int> touchedBuffer = [];
    private readonly List<(StoryState Story, double Hit)> bestBuffer = [];
    private readonly List<Token> tokenBuffer = [];
    private readonly List<int> addedTerms = [];
    private readonly CentroidScratch centroidScratch = new();
    private (int Term, double Weight)[] topTermsBuffer = new (int, double)[LookupTerms];

    /// <summary>Story ordinals listed under each term id (a story's own ordinal, forwarded through <see cref="liveOrdinal"/> after a merge).</summary>
    private readonly StoryPostings storiesByTerm = new();

    /// <summary>The ordinal each story lives on as: itself, or the story it was merged into (followed to the end).</summary>
    private int[] liveOrdinal = new int[64];

    /// <summary>The current article's IDF-weighted term weights and IDFs, scattered by term id (zero elsewhere), so scoring
    /// a candidate walks only its centroid.</summary>
    private double[] docWeightOf = new double[1024];
    private double[] docIdfOf = new double[1024];
    private double[] hitWeights = new double[64];
    private long sequence;

    public StoryClusterer(StoryOptions? options = null)
    {
        this.options = options ?? new StoryOptions();
    }

    /// <summary>
    /// Warms the clusterer from stored state: replays <paramref name="existing"/> (in ingestion order) into their given
    /// stories, rebuilding document frequencies and centroids without changing any assignment.
    /// </summary>
    public StoryClusterer(IEnumerable<(Article Article, string StoryId)> existing, StoryOptions? options = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(existing);
        foreach (var (article, storyId) in existing)
        {
            if (storyOfArticle.ContainsKey(article.Id))
            {
                continue;
            }

            var vector = Vectorize(article);
            if (!storiesById.TryGetValue(storyId, out var story))
            {
                story = NewStory(storyId);
            }

            Join(story, article, vector, EventTimeOf(article));
        }
    }

    /// <summary>Same as the warming constructor.</summary>
    public static StoryClusterer Restore(IEnumerable<(Article Article, string StoryId)> existing, StoryOptions? options = null) =>
        new(existing, options);

    /// <summary>Current story records (merged-away stories left out), in order of creation.</summary>
    public IReadOnlyList<Story> Stories => stories.Where(s => s.MergedInto is null).Select(s => s.ToRecord()).ToList();

    /// <summary>Story id of an article added before, or null.</summary>
    public string? StoryOf(string articleId) => storyOfArticle.TryGetValue(articleId, out var s) ? s.Live.Id : null;

    /// <summary>Articles indexed so far.</summary>
    public int Count => storyOfArticle.Count;

    /// <summary>Rough bytes held by the index (vocabulary, centroids, postings, memberships), for the benchmark's per-article figure.</summary>
    public long ApproximateBytes
    {
        get
        {
            long bytes = terms.ApproximateBytes + (storyOfArticle.Count * 40L) + (docWeightOf.Length * 16L) + (liveOrdinal.Length * 12L);
            foreach (var s in stories)
            {
                bytes += 96 + (s.Centroid.Count * 8L) + (s.Members.Count * 72L);
            }

            return bytes + storiesByTerm.ApproximateBytes;
        }
    }

    /// <summary>Assigns the article to a story and returns that story's updated record. Adding an id twice returns its story unchanged.</summary>
    public Story Add(Article article) => Assign(article).Story;

    /// <summary>Assigns the article to a story; the result also lists stories merged into it (see <see cref="StoryAssignment"/>).</summary>
    public StoryAssignment Assign(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (storyOfArticle.TryGetValue(article.Id, out var known))
        {
            return new StoryAssignment(known.Live.ToRecord(), []);
        }

        var vector = Vectorize(article);
        var date = ParseDate(article.Published);
        var upper = DateSources.IsUpperBound(article.PublishedSource);
        var time = EventTimeOf(article);
        StoryState? target = null;
        var merged = new List<string>();
        if (article.DuplicateOf is { } original && storyOfArticle.TryGetValue(original, out var ofOriginal))
        {
            target = ofOriginal.Live;
        }
        else
        {
            var ranked = Rank(vector, date, upper, time);
            var best = -1;
            for (var i = 0; i < ranked.Count && best < 0; i++)
            {
                best = ranked[i].Score >= ThresholdFor(ranked[i].Story) ? i : -1;
            }

            if (best >= 0)
            {
                target = ranked[best].Story;
                for (var i = 0; i < ranked.Count && options.MergeThreshold < 1; i++)
                {
                    var (other, score) = ranked[i];
                    if (i != best && score >= ThresholdFor(other) && other.Live != target && CentroidCosine(target, other.Live) >= options.MergeThreshold)
                    {
                        merged.Add(Merge(target, other.Live));
                    }
                }
            }
        }

        target ??= NewStory(NewStoryId(article.Id));
        Join(target, article, vector, time);
        return new StoryAssignment(target.ToRecord(), merged);
    }

    /// <summary>
    /// The score an article needs to join <paramref name="story"/>: higher for young stories, because an article scores
    /// lower against one other article than against a centroid of many, and the second article of a topic is where two
    /// events of one kind get fused. A split this causes heals later through a merge.
    /// </summary>
    private double ThresholdFor(StoryState story) => options.Threshold + (options.YoungStoryMargin / story.Members.Count);

    /// <summary>Candidate stories within the window, scored, best first (ties by creation).</summary>
    private List<(StoryState Story, double Score)> Rank(DocVector vector, DateTime? published, bool publishedIsUpperBound, EventTime time)
    {
        // The article's weights and IDFs once, scattered by term id, not looked up once per candidate; cleared on the way out.
        if (docWeightOf.Length < terms.Capacity)
        {
            Array.Resize(ref docWeightOf, terms.Capacity);
            Array.Resize(ref docIdfOf, terms.Capacity);
        }

        var docNorm = 0.0;
        var entityDocNorm = 0.0;
        var docNumbers = 0;
        var docTerms = vector.Terms;
        for (var i = 0; i < docTerms.Length; i++)
        {
            var term = docTerms[i];
            var idf = terms.Idf(term);
            var x = vector.Weights[i] * idf;
            docWeightOf[term] = x;
            docIdfOf[term] = idf;
            docNorm += x * x;
            if (terms.IsEntity(term))
            {
                entityDocNorm += x * x;
            }

            if (terms.IsSignatureNumber(term))
            {
                docNumbers++;
            }
        }

        try
        {
            return RankScattered(vector, docNorm, entityDocNorm, docNumbers, published, publishedIsUpperBound, time);
        }
        finally
        {
            foreach (var term in docTerms)
            {
                docWeightOf[term] = 0;
                docIdfOf[term] = 0;
            }
        }
    }

    private List<(StoryState Story, double Score)> RankScattered(DocVector vector, double docNorm, double entityDocNorm, int docNumbers, DateTime? published, bool publishedIsUpperBound, EventTime time)
    {
        // Hit weights accumulate in an array indexed by story ordinal; touched keeps first-hit order for determinism.
        if (hitWeights.Length < stories.Count)
        {
            Array.Resize(ref hitWeights, Math.Max(stories.Count, hitWeights.Length * 2));
        }

        var touched = touchedBuffer;
        touched.Clear();
        var top = TopTerms(vector, LookupTerms);
        foreach (var (term, weight) in top)
        {
            var list = storiesByTerm.Of(term);
            for (int k = list.Length - 1, walked = 0; k >= 0 && walked < MaxPostingsWalk; k--, walked++)
            {
                var ordinal = LiveOrdinal(list[k]);
                if (hitWeights[ordinal] == 0)
                {
                    touched.Add(ordinal);
                }

                hitWeights[ordinal] += weight;
            }
        }

        // The best few by hit weight (ties by creation), kept in a small sorted buffer instead of sorting every hit.
        var best = bestBuffer;
        best.Clear();
        foreach (var ordinal in touched)
        {
            var hit = hitWeights[ordinal];
            hitWeights[ordinal] = 0;

            // The buffer holds only stories within the window, so a story that could not enter it is skipped before its
            // window is read: the same outcome without touching most hit stories' records.
            if (best.Count == MaxScoredCandidates && !Before(hit, ordinal, best[^1]))
            {
                continue;
            }

            var story = stories[ordinal];
            if (!story.WithinWindow(published, publishedIsUpperBound, options.WindowDays))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before(hit, ordinal, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, (story, hit));
            if (best.Count > MaxScoredCandidates)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        var scored = new List<(StoryState Story, double Score)>(best.Count);
        foreach (var (story, _) in best)
        {
            var score = CentroidSimilarity(docNorm, entityDocNorm, docNumbers, story);
            if (time.Year is { } y && story.Year is { } sy)
            {
                score *= y == sy ? options.YearMatchFactor : options.YearMismatchFactor;
            }

            if (time.Weekday is { } w && story.Weekday is { } sw)
            {
                score *= w == sw ? options.WeekdayMatchFactor : options.WeekdayMismatchFactor;
            }

            scored.Add((story, score));
        }

        scored.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Story.Ordinal.CompareTo(y.Story.Ordinal));
        return scored;

        static bool Before(double hit, int ordinal, (StoryState Story, double Hit) other) =>
            hit > other.Hit || (hit == other.Hit && ordinal < other.Story.Ordinal);
    }

    internal DocVector Vectorize(Article article)
    {
        // Title and body tokenised once, as one text: the term counts read the title's tokens and the body's apart, and
        // the entity recogniser reads them all.
        var title = article.Title;
        var text = string.IsNullOrEmpty(title) ? article.Body : title + "\n\n" + article.Body;
        var titleEnd = string.IsNullOrEmpty(title) ? 0 : title.Length;
        Tokenizer.Tokenize(text, 0, text.Length, tokenBuffer);
        TermVectorizer.CountInto(terms, text, tokenBuffer, titleEnd, options.TitleWeight, options.EntityWeight, options.NumberWeight);
        if (options.EntityTermWeight > 0)
        {
            Span<char> key = stackalloc char[EntityKeyStackChars];
            foreach (var e in EntityRecognizer.Recognize(text, tokenBuffer))
            {
                terms.Add(EntityTerm(e.Key, key), options.EntityTermWeight);
                if (e.Country is { } country && country != e.Key)
                {
                    terms.Add(EntityTerm(country, key), options.EntityTermWeight / 2);
                }
            }
        }

        return terms.Finish();

        static ReadOnlySpan<char> EntityTerm(string entityKey, Span<char> buffer)
        {
            if (entityKey.Length + 1 > buffer.Length)
            {
                return TermTable.EntityPrefix + entityKey;
            }

            buffer[0] = TermTable.EntityPrefix;
            entityKey.CopyTo(buffer[1..]);
            return buffer[..(entityKey.Length + 1)];
        }
    }

    private double Idf(int term) => terms.Idf(term);

    /// <summary>Score of the current article (scattered in <see cref="docWeightOf"/>) against a story: full cosine, blended
    /// with the entity-only cosine when <see cref="StoryOptions.EntityAgreementWeight"/> is set.</summary>
    private double CentroidSimilarity(double docNorm, double entityDocNorm, int docNumbers, StoryState story)
    {
        // Walks the centroid in term order, so matches add up in the same order as a merge-join with the article.
        var dot = 0.0;
        var entityDot = 0.0;
        var sharedNumbers = 0;
        var storyTerms = story.Centroid.Terms;
        var storyWeights = story.Centroid.Weights;
        for (var k = 0; k < storyTerms.Length; k++)
        {
            var term = storyTerms[k];
            var x = docWeightOf[term];
            if (x == 0)
            {
                continue;
            }

            var p = x * storyWeights[k] * docIdfOf[term];
            dot += p;
            if (terms.IsEntity(term))
            {
                entityDot += p;
            }

            if (terms.IsSignatureNumber(term))
            {
                sharedNumbers++;
            }
        }

        var storyNorm = StoryNorm(story);
        var cosine = dot <= 0 ? 0 : dot / Math.Sqrt(docNorm * storyNorm);

        // Reports of one event repeat its toll, sum or score; two events of one kind rarely share one.
        if (docNumbers > 0 && story.Numbers > 0)
        {
            cosine *= sharedNumbers > 0 ? options.NumberMatchFactor : options.NumberMismatchFactor;
        }

        if (options.EntityAgreementWeight <= 0 || entityDocNorm <= 0 || story.EntityNorm <= 0)
        {
            return cosine;
        }

        // Two events of one kind share their topic words ("pirates", "heavyweight title") but not their people and places:
        // the entity-only cosine tells them apart where the full cosine cannot.
        var entityCosine = entityDot <= 0 ? 0 : entityDot / Math.Sqrt(entityDocNorm * story.EntityNorm);
        return ((1 - options.EntityAgreementWeight) * cosine) + (options.EntityAgreementWeight * entityCosine);
    }

    /// <summary>IDF-weighted centroid norm, cached per story version: IDF drifts slowly, and recomputing it for every
    /// candidate of every article would dominate the cost.</summary>
    private double StoryNorm(StoryState story)
    {
        if (story.NormVersion != story.Version)
        {
            var norm = 0.0;
            var entityNorm = 0.0;
            var numbers = 0;
            var storyTerms = story.Centroid.Terms;
            var weights = story.Centroid.Weights;
            for (var i = 0; i < storyTerms.Length; i++)
            {
                var term = storyTerms[i];
                var y = weights[i] * Idf(term);
                norm += y * y;
                if (terms.IsEntity(term))
                {
                    entityNorm += y * y;
                }

                if (terms.IsSignatureNumber(term))
                {
                    numbers++;
                }
            }

            story.Numbers = numbers;
            story.Norm = norm;
            story.EntityNorm = entityNorm;
            story.NormVersion = story.Version;
        }

        return story.Norm;
    }

    private double CentroidCosine(StoryState a, StoryState b)
    {
        var dot = 0.0;
        var at = a.Centroid.Terms;
        var aw = a.Centroid.Weights;
        var bt = b.Centroid.Terms;
        var bw = b.Centroid.Weights;
        for (int i = 0, j = 0; i < at.Length && j < bt.Length;)
        {
            if (at[i] < bt[j])
            {
                i++;
            }
            else if (bt[j] < at[i])
            {
                j++;
            }
            else
            {
                var idf = Idf(at[i]);
                dot += aw[i++] * bw[j++] * idf * idf;
            }
        }

        return dot <= 0 ? 0 : dot / Math.Sqrt(StoryNorm(a) * StoryNorm(b));
    }

    /// <summary>The <paramref name="n"/> terms of largest IDF-weighted weight (ties to the lower id), best first, by
    /// insertion into a small sorted buffer: the same list as sorting every term and cutting.</summary>
    private ReadOnlySpan<(int Term, double Weight)> TopTerms(DocVector doc, int n)
    {
        if (topTermsBuffer.Length < n)
        {
            topTermsBuffer = new (int, double)[n];
        }

        var top = topTermsBuffer;
        var count = 0;
        for (var i = 0; i < doc.Terms.Length; i++)
        {
            var term = doc.Terms[i];
            var weight = docWeightOf[term];

            // Terms come in id order, so an equal weight already listed has the lower id and stays ahead.
            if (count == n && weight <= top[count - 1].Weight)
            {
                continue;
            }

            var at = count == n ? n - 1 : count++;
            while (at > 0 && weight > top[at - 1].Weight)
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = (term, weight);
        }

        return top.AsSpan(0, count);
    }

    private StoryState NewStory(string id)
    {
        var story = new StoryState(id, stories.Count);
        stories.Add(story);
        storiesById[id] = story;
        if (liveOrdinal.Length < stories.Count)
        {
            Array.Resize(ref liveOrdinal, liveOrdinal.Length * 2);
        }

        liveOrdinal[story.Ordinal] = story.Ordinal;
        return story;
    }

    private int LiveOrdinal(int ordinal)
    {
        while (liveOrdinal[ordinal] != ordinal)
        {
            ordinal = liveOrdinal[ordinal];
        }

        return ordinal;
    }

    /// <summary>Folds <paramref name="other"/> into <paramref name="into"/>: members, centroid and date range; the term index
    /// keeps listing <paramref name="other"/>, which forwards to <paramref name="into"/> through <see cref="liveOrdinal"/>.</summary>
    private string Merge(StoryState into, StoryState other)
    {
        foreach (var m in other.Members)
        {
            into.Members.Add(m);
            storyOfArticle[m.Id] = into;
        }

        AddToCentroid(into, other.Centroid.Terms, other.Centroid.Weights);

        into.Widen(other.First, other.Last);
        foreach (var (y, n) in other.Years)
        {
            into.CountYear(y, n);
        }

        for (var d = 0; d < other.Weekdays.Length; d++)
        {
            into.CountWeekday((DayOfWeek)d, other.Weekdays[d]);
        }

        other.MergedInto = into;
        liveOrdinal[other.Ordinal] = into.Ordinal;
        other.Members.Clear();
        other.Centroid.Clear();
        into.Version++;
        return other.Id;
    }

    private void Join(StoryState story, Article article, DocVector vector, EventTime time)
    {
        if (time.Year is { } y)
        {
            story.CountYear(y);
        }

        if (time.Weekday is { } w)
        {
            story.CountWeekday(w);
        }

        var date = ParseDate(article.Published);
        var upper = DateSources.IsUpperBound(article.PublishedSource);
        story.Members.Add(new Member(article.Id, article.Title, article.Outlet, article.Published, date, sequence++));
        if (date is { } d && !upper)
        {
            story.Widen(d, d);
        }

        storyOfArticle[article.Id] = story;
        AddToCentroid(story, vector.Terms, vector.Weights);
        story.Version++;
    }

    /// <summary>Adds a vector to the story's centroid, lists the story under every term new to it (kept or pruned), and
    /// prunes the centroid to <see cref="StoryOptions.MaxCentroidTerms"/>.</summary>
    private void AddToCentroid(StoryState story, ReadOnlySpan<int> addTerms, ReadOnlySpan<float> addWeights)
    {
        addedTerms.Clear();
        story.Centroid.AddAndPrune(addTerms, addWeights, addedTerms, options.MaxCentroidTerms, terms, centroidScratch);
        foreach (var term in addedTerms)
        {
            Index(term, story);
        }
    }

    private void Index(int term, StoryState story) => storiesByTerm.Add(term, story.Ordinal);

    private static EventTime EventTimeOf(Article article) =>
        new(TimeAgreement.ContentYear(article.Body), TimeAgreement.EventWeekday(article.Body));

    /// <summary>When an article's text places its event: the year of its written dates and its most-named weekday.</summary>
    private readonly record struct EventTime(int? Year, DayOfWeek? Weekday);

    internal static string NewStoryId(string firstArticleId) =>
        "st-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(firstArticleId)))[..StoryIdHexChars];

    internal static DateTime? ParseDate(string? published)
    {
        if (string.IsNullOrWhiteSpace(published))
        {
            return null;
        }

        return DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.UtcDateTime
            : null;
    }

    /// <summary>An article's vector: term ids ascending and unit-length weights, in buffers owned by the term table
    /// (valid until the next article is vectorised).</summary>
    internal readonly struct DocVector(int[] terms, float[] weights, int count)
    {
        public ReadOnlySpan<int> Terms => terms.AsSpan(0, count);

        public ReadOnlySpan<float> Weights => weights.AsSpan(0, count);
    }

    internal sealed record Member(string Id, string? Title, string? Outlet, string? Published, DateTime? Date, long Sequence);

    internal sealed class StoryState(string id, int ordinal)
    {
        public string Id { get; } = id;

        public int Ordinal { get; } = ordinal;

        public List<Member> Members { get; } = [];

        /// <summary>Sum of member vectors (unit length before IDF, so each article counts once), capped to the top terms.</summary>
        public SparseCentroid Centroid { get; } = new();

        /// <summary>Earliest and latest publication dates of members whose dates are not mere upper bounds.</summary>
        public DateTime? First { get; private set; }

        public DateTime? Last { get; private set; }

        public StoryState? MergedInto { get; set; }

        /// <summary>The story this one lives on as (itself unless merged).</summary>
        public StoryState Live
        {
            get
            {
                var s = this;
                while (s.MergedInto is { } next)
                {
                    s = next;
                }

                return s;
            }
        }

        public int Version { get; set; }

        /// <summary>Event years named by members' text (<see cref="TimeAgreement.ContentYear"/>), with counts.</summary>
        public Dictionary<int, int> Years { get; } = [];

        /// <summary>The year most members name (latest on ties), or null.</summary>
        public int? Year { get; private set; }

        public void CountYear(int year, int n = 1)
        {
            var count = Years.GetValueOrDefault(year) + n;
            Years[year] = count;
            if (Year is not { } best || count > Years[best] || (count == Years[best] && year > best))
            {
                Year = year;
            }
        }

        /// <summary>Members naming each weekday as their event's day (<see cref="TimeAgreement.EventWeekday"/>), by <see cref="DayOfWeek"/>.</summary>
        public int[] Weekdays { get; } = new int[7];

        /// <summary>The weekday most members name (earliest named on ties), or null.</summary>
        public DayOfWeek? Weekday { get; private set; }

        public void CountWeekday(DayOfWeek day, int n = 1)
        {
            if (n == 0)
            {
                return;
            }

            var count = Weekdays[(int)day] += n;
            if (Weekday is not { } best || count > Weekdays[(int)best])
            {
                Weekday = day;
            }
        }

        public double Norm { get; set; }

        public double EntityNorm { get; set; }

        /// <summary>Signature numbers (<see cref="TermTable.IsSignatureNumber(int)"/>) among the centroid's terms, cached with the norm.</summary>
        public int Numbers { get; set; }

        public int NormVersion { get; set; } = -1;

        public void Widen(DateTime? first, DateTime? last)
        {
            if (first is { } f && (First is null || f < First))
            {
                First = f;
            }

            if (last is { } l && (Last is null || l > Last))
            {
                Last = l;
            }
        }

        /// <summary>
        /// Whether an article dated <paramref name="date"/> may join: its gap to the story's date range is within the
        /// window. An upper-bound date (a page-header widget) only says the article appeared on or before it, so it
        /// fits any story that had begun by then (less the window). Members with upper-bound dates do not set the range.
        /// Undated articles and stories are placed by content alone.
        /// </summary>
        public bool WithinWindow(DateTime? date, bool dateIsUpperBound, double windowDays)
        {
            if (date is not { } d || First is not { } first || Last is not { } last)
            {
                return true;
            }

            if (dateIsUpperBound)
            {
                return (first - d).TotalDays <= windowDays;
            }

            var gap = d < first ? first - d : d > last ? d - last : TimeSpan.Zero;
            return gap.TotalDays <= windowDays;
        }

        public Story ToRecord()
        {
            var ordered = new List<Member>(Members);

            // Dated articles by date, then undated ones; insertion order breaks ties.
            ordered.Sort((x, y) =>
            {
                if (x.Date is { } dx && y.Date is { } dy && dx != dy)
                {
                    return dx.CompareTo(dy);
                }

                if (x.Date.HasValue != y.Date.HasValue)
                {
                    return x.Date.HasValue ? -1 : 1;
                }

                return x.Sequence.CompareTo(y.Sequence);
            });

            var outlets = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Member? first = null;
            Member? last = null;
            foreach (var m in ordered)
            {
                if (m.Outlet is { } o && seen.Add(o))
                {
                    outlets.Add(o);
                }

                if (m.Date is not null)
                {
                    first ??= m;
                    last = m;
                }
            }

            return new Story
            {
                Id = Id,
                Title = ordered.Find(m => !string.IsNullOrWhiteSpace(m.Title))?.Title,
                Articles = ordered.ConvertAll(m => m.Id),
                Outlets = outlets,
                FirstPublished = first?.Published,
                LastPublished = last?.Published,
            };
        }
    }
}
