using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Entities;
using Parallax.Model;

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

    private readonly StoryOptions options;
    private readonly Dictionary<string, int> termIds = new(StringComparer.Ordinal);
    private readonly List<int> documentFrequency = [];
    private readonly List<bool> entityTerm = [];
    private readonly List<StoryState> stories = [];
    private readonly Dictionary<string, StoryState> storiesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryState> storyOfArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<StoryState>> storiesByTerm = [];
    private readonly Func<int, double> idf;
    private readonly List<StoryState> touchedBuffer = [];
    private readonly List<(StoryState Story, double Hit)> bestBuffer = [];
    private readonly List<(int Term, double Weight)> topTermsBuffer = [];
    private double[] hitWeights = new double[64];
    private double[] idfBuffer = new double[256];
    private int documents;
    private long sequence;

    public StoryClusterer(StoryOptions? options = null)
    {
        this.options = options ?? new StoryOptions();
        idf = Idf;
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

            Join(story, article, vector);
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
            long bytes = (termIds.Count * 64L) + (documentFrequency.Count * 4L) + (storyOfArticle.Count * 40L);
            foreach (var s in stories)
            {
                bytes += 96 + (s.Centroid.Count * 8L) + (s.Members.Count * 72L);
            }

            foreach (var list in storiesByTerm.Values)
            {
                bytes += 40 + (list.Count * 8L);
            }

            return bytes;
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
        var year = TimeAgreement.ContentYear(article.Body);
        StoryState? target = null;
        var merged = new List<string>();
        if (article.DuplicateOf is { } original && storyOfArticle.TryGetValue(original, out var ofOriginal))
        {
            target = ofOriginal.Live;
        }
        else
        {
            var ranked = Rank(vector, date, upper, year);
            var best = ranked.FindIndex(r => r.Score >= ThresholdFor(r.Story));
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
        Join(target, article, vector, year);
        return new StoryAssignment(target.ToRecord(), merged);
    }

    /// <summary>
    /// The score an article needs to join <paramref name="story"/>: higher for young stories, because an article scores
    /// lower against one other article than against a centroid of many, and the second article of a topic is where two
    /// events of one kind get fused. A split this causes heals later through a merge.
    /// </summary>
    private double ThresholdFor(StoryState story) => options.Threshold + (options.YoungStoryMargin / story.Members.Count);

    /// <summary>Candidate stories within the window, scored, best first (ties by creation).</summary>
    private List<(StoryState Story, double Score)> Rank(DocVector vector, DateTime? published, bool publishedIsUpperBound, int? year)
    {
        // IDF of the article's terms once, not once per candidate.
        var idfs = idfBuffer.Length >= vector.Terms.Length ? idfBuffer : idfBuffer = new double[Math.Max(vector.Terms.Length, idfBuffer.Length * 2)];
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            idfs[i] = Idf(vector.Terms[i]);
        }

        // Hit weights accumulate in an array indexed by story ordinal; touched keeps first-hit order for determinism.
        if (hitWeights.Length < stories.Count)
        {
            Array.Resize(ref hitWeights, Math.Max(stories.Count, hitWeights.Length * 2));
        }

        var touched = touchedBuffer;
        touched.Clear();
        foreach (var (term, weight) in TopTerms(vector, idfs, LookupTerms))
        {
            if (!storiesByTerm.TryGetValue(term, out var list))
            {
                continue;
            }

            for (int k = list.Count - 1, walked = 0; k >= 0 && walked < MaxPostingsWalk; k--, walked++)
            {
                var story = list[k].Live;
                if (hitWeights[story.Ordinal] == 0)
                {
                    touched.Add(story);
                }

                hitWeights[story.Ordinal] += weight;
            }
        }

        // The best few by hit weight (ties by creation), kept in a small sorted buffer instead of sorting every hit.
        var best = bestBuffer;
        best.Clear();
        foreach (var story in touched)
        {
            var hit = hitWeights[story.Ordinal];
            hitWeights[story.Ordinal] = 0;
            if (!story.WithinWindow(published, publishedIsUpperBound, options.WindowDays))
            {
                continue;
            }

            if (best.Count == MaxScoredCandidates && !Before(hit, story, best[^1]))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && Before(hit, story, best[at - 1]))
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
            var score = CentroidSimilarity(vector, idfs, story);
            if (year is { } y && story.Year is { } sy)
            {
                score *= y == sy ? options.YearMatchFactor : options.YearMismatchFactor;
            }

            scored.Add((story, score));
        }

        scored.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Story.Ordinal.CompareTo(y.Story.Ordinal));
        return scored;

        static bool Before(double hit, StoryState story, (StoryState Story, double Hit) other) =>
            hit > other.Hit || (hit == other.Hit && story.Ordinal < other.Story.Ordinal);
    }

    internal DocVector Vectorize(Article article)
    {
        var counts = TermVectorizer.Count(article.Title, article.Body, options.TitleWeight, options.EntityWeight, options.NumberWeight);
        if (options.EntityTermWeight > 0)
        {
            var text = string.IsNullOrEmpty(article.Title) ? article.Body : article.Title + "\n\n" + article.Body;
            foreach (var e in EntityRecognizer.Recognize(text))
            {
                var key = "@" + e.Key;
                counts[key] = counts.GetValueOrDefault(key) + options.EntityTermWeight;
                if (e.Country is { } country && country != e.Key)
                {
                    counts["@" + country] = counts.GetValueOrDefault("@" + country) + (options.EntityTermWeight / 2);
                }
            }
        }

        documents++;
        var ids = new int[counts.Count];
        var weights = new float[counts.Count];
        var norm = 0.0;
        var i = 0;
        foreach (var (term, count) in counts)
        {
            if (!termIds.TryGetValue(term, out var id))
            {
                id = termIds.Count;
                termIds[term] = id;
                documentFrequency.Add(0);
                entityTerm.Add(term.StartsWith('@'));
            }

            documentFrequency[id]++;
            ids[i] = id;

            // Sublinear term frequency: the tenth mention of a name adds little over the third.
            var w = 1 + Math.Log(Math.Max(1, count));
            weights[i] = (float)w;
            norm += w * w;
            i++;
        }

        // Term order lets scoring merge-join the article with a story centroid.
        Array.Sort(ids, weights);
        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] = (float)(weights[k] / norm);
            }
        }

        return new DocVector(ids, weights);
    }

    /// <summary>Smoothed IDF (as in scikit-learn): ln((1+N)/(1+df)) + 1, so the very first documents get finite, equal weights.</summary>
    private double Idf(int term) => Math.Log((1.0 + documents) / (1.0 + documentFrequency[term])) + 1;

    private double CentroidSimilarity(DocVector doc, double[] idfs, StoryState story)
    {
        // Merge-join of two term-sorted vectors.
        var dot = 0.0;
        var docNorm = 0.0;
        var entityDot = 0.0;
        var entityDocNorm = 0.0;
        var storyTerms = story.Centroid.Terms;
        var storyWeights = story.Centroid.Weights;
        var k = 0;
        for (var i = 0; i < doc.Terms.Length; i++)
        {
            var term = doc.Terms[i];
            var idf = idfs[i];
            var x = doc.Weights[i] * idf;
            var isEntity = entityTerm[term];
            docNorm += x * x;
            if (isEntity)
            {
                entityDocNorm += x * x;
            }

            while (k < storyTerms.Length && storyTerms[k] < term)
            {
                k++;
            }

            if (k < storyTerms.Length && storyTerms[k] == term)
            {
                var c = storyWeights[k];
                dot += x * c * idf;
                if (isEntity)
                {
                    entityDot += x * c * idf;
                }
            }
        }

        var storyNorm = StoryNorm(story);
        var cosine = dot <= 0 ? 0 : dot / Math.Sqrt(docNorm * storyNorm);
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
            var terms = story.Centroid.Terms;
            var weights = story.Centroid.Weights;
            for (var i = 0; i < terms.Length; i++)
            {
                var term = terms[i];
                var y = weights[i] * Idf(term);
                norm += y * y;
                if (entityTerm[term])
                {
                    entityNorm += y * y;
                }
            }

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

    private List<(int Term, double Weight)> TopTerms(DocVector doc, double[] idfs, int n)
    {
        var list = topTermsBuffer;
        list.Clear();
        for (var i = 0; i < doc.Terms.Length; i++)
        {
            list.Add((doc.Terms[i], doc.Weights[i] * idfs[i]));
        }

        list.Sort(static (x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Term.CompareTo(y.Term));
        if (list.Count > n)
        {
            list.RemoveRange(n, list.Count - n);
        }

        return list;
    }

    private StoryState NewStory(string id)
    {
        var story = new StoryState(id, stories.Count);
        stories.Add(story);
        storiesById[id] = story;
        return story;
    }

    /// <summary>Folds <paramref name="other"/> into <paramref name="into"/>: members, centroid and date range; the term index
    /// keeps pointing at <paramref name="other"/>, which forwards to <paramref name="into"/> through <see cref="StoryState.Live"/>.</summary>
    private string Merge(StoryState into, StoryState other)
    {
        foreach (var m in other.Members)
        {
            into.Members.Add(m);
            storyOfArticle[m.Id] = into;
        }

        into.Centroid.Add(other.Centroid.Terms, other.Centroid.Weights, term => Index(term, into));

        into.Widen(other.First, other.Last);
        foreach (var (y, n) in other.Years)
        {
            into.CountYear(y, n);
        }

        other.MergedInto = into;
        other.Members.Clear();
        other.Centroid.Clear();
        Prune(into);
        into.Version++;
        return other.Id;
    }

    private void Join(StoryState story, Article article, DocVector vector, int? year = null)
    {
        year ??= TimeAgreement.ContentYear(article.Body);
        if (year is { } y)
        {
            story.CountYear(y);
        }

        var date = ParseDate(article.Published);
        var upper = DateSources.IsUpperBound(article.PublishedSource);
        story.Members.Add(new Member(article.Id, article.Title, article.Outlet, article.Published, date, sequence++));
        if (date is { } d && !upper)
        {
            story.Widen(d, d);
        }

        storyOfArticle[article.Id] = story;
        story.Centroid.Add(vector.Terms, vector.Weights, term => Index(term, story));
        Prune(story);
        story.Version++;
    }

    private void Index(int term, StoryState story)
    {
        if (!storiesByTerm.TryGetValue(term, out var list))
        {
            list = [];
            storiesByTerm[term] = list;
        }

        // A term pruned and re-added would list the story twice; the candidate walk tolerates it, and checking the tail is enough
        // to keep the common case (the story just listed) from repeating.
        if (list.Count == 0 || list[^1] != story)
        {
            list.Add(story);
        }
    }

    private void Prune(StoryState story) => story.Centroid.Prune(options.MaxCentroidTerms, idf);

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

    internal sealed record DocVector(int[] Terms, float[] Weights);

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

        public double Norm { get; set; }

        public double EntityNorm { get; set; }

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
