using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Model;

namespace Parallax.Stories;

/// <summary>
/// Online story clustering: each arriving article joins the best story or starts a new one; nothing is ever rebuilt.
/// Articles are TF-IDF vectors over content words (title and name-like words boosted), with document frequencies
/// kept incrementally. A story is scored by a blend of its centroid similarity and its best single member
/// (<see cref="StoryOptions.MemberLinkWeight"/>), and the article joins the best story within the date window whose
/// score reaches <see cref="StoryOptions.Threshold"/>. Not thread-safe: the engine adds articles one at a time.
/// </summary>
public sealed class StoryClusterer
{
    /// <summary>Doc terms (by TF-IDF) used to look up candidate stories in the term index.</summary>
    private const int LookupTerms = 40;

    /// <summary>Stories, best by centroid similarity, that get the member-level look: the true story is almost always among
    /// the top few, and comparing with every member of every story would make each add linear in the corpus.</summary>
    private const int MemberLookStories = 8;

    private const int StoryIdHexChars = 12;

    private readonly StoryOptions options;
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly List<StoryState> stories = [];
    private readonly Dictionary<string, StoryState> storiesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryState> storyOfArticle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoryState>> storiesByTerm = new(StringComparer.Ordinal);
    private int documents;
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

            Join(story, article, vector);
        }
    }

    /// <summary>Same as the warming constructor.</summary>
    public static StoryClusterer Restore(IEnumerable<(Article Article, string StoryId)> existing, StoryOptions? options = null) =>
        new(existing, options);

    /// <summary>Current story records, in order of creation.</summary>
    public IReadOnlyList<Story> Stories => stories.ConvertAll(s => s.ToRecord());

    /// <summary>Story id of an article added before, or null.</summary>
    public string? StoryOf(string articleId) => storyOfArticle.TryGetValue(articleId, out var s) ? s.Id : null;

    /// <summary>Assigns the article to a story and returns that story's updated record. Adding an id twice returns its story unchanged.</summary>
    public Story Add(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (storyOfArticle.TryGetValue(article.Id, out var known))
        {
            return known.ToRecord();
        }

        var vector = Vectorize(article);
        StoryState? target = null;
        if (article.DuplicateOf is { } original && storyOfArticle.TryGetValue(original, out var ofOriginal))
        {
            target = ofOriginal;
        }

        target ??= BestStory(vector, ParseDate(article.Published), DateSources.IsUpperBound(article.PublishedSource));
        target ??= NewStory(NewStoryId(article.Id));
        Join(target, article, vector);
        return target.ToRecord();
    }

    /// <summary>The best-scoring story within the date window, or null when none reaches the threshold.</summary>
    internal StoryState? BestStory(DocVector vector, DateTime? published, bool publishedIsUpperBound = false)
    {
        var candidates = new HashSet<StoryState>();
        foreach (var (term, _) in TopTerms(vector, LookupTerms))
        {
            if (storiesByTerm.TryGetValue(term, out var list))
            {
                candidates.UnionWith(list);
            }
        }

        var scored = new List<(StoryState Story, double Centroid)>(candidates.Count);
        foreach (var story in candidates)
        {
            if (!story.WithinWindow(published, publishedIsUpperBound, options.WindowDays))
            {
                continue;
            }

            scored.Add((story, CentroidSimilarity(vector, story)));
        }

        // Highest first; ties by creation so the result does not depend on hash order.
        scored.Sort((x, y) => x.Centroid != y.Centroid ? y.Centroid.CompareTo(x.Centroid) : x.Story.Ordinal.CompareTo(y.Story.Ordinal));
        StoryState? best = null;
        var bestScore = double.NegativeInfinity;
        var lambda = options.MemberLinkWeight;
        for (var i = 0; i < scored.Count && i < MemberLookStories; i++)
        {
            var (story, centroid) = scored[i];
            var member = lambda > 0 ? BestMemberSimilarity(vector, story) : 0;
            var score = ((1 - lambda) * centroid) + (lambda * member);
            if (score > bestScore)
            {
                bestScore = score;
                best = story;
            }
        }

        return bestScore >= options.Threshold ? best : null;
    }

    internal DocVector Vectorize(Article article)
    {
        var counts = TermVectorizer.Count(article.Title, article.Body, options.TitleWeight, options.EntityWeight);
        documents++;
        var terms = new string[counts.Count];
        var weights = new double[counts.Count];
        var norm = 0.0;
        var i = 0;
        foreach (var (term, count) in counts)
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            terms[i] = term;

            // Sublinear term frequency: the tenth mention of a name adds little over the third.
            weights[i] = 1 + Math.Log(Math.Max(1, count));
            norm += weights[i] * weights[i];
            i++;
        }

        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] /= norm;
            }
        }

        return new DocVector(terms, weights);
    }

    /// <summary>Smoothed IDF (as in scikit-learn): ln((1+N)/(1+df)) + 1, so the very first documents get finite, equal weights.</summary>
    private double Idf(string term) => Math.Log((1.0 + documents) / (1.0 + documentFrequency.GetValueOrDefault(term))) + 1;

    private double CentroidSimilarity(DocVector doc, StoryState story)
    {
        var dot = 0.0;
        var docNorm = 0.0;
        for (var i = 0; i < doc.Terms.Length; i++)
        {
            var idf = Idf(doc.Terms[i]);
            var x = doc.Weights[i] * idf;
            docNorm += x * x;
            if (story.Centroid.TryGetValue(doc.Terms[i], out var c))
            {
                dot += x * c * idf;
            }
        }

        if (dot <= 0)
        {
            return 0;
        }

        var storyNorm = 0.0;
        foreach (var (term, c) in story.Centroid)
        {
            var y = c * Idf(term);
            storyNorm += y * y;
        }

        return dot / Math.Sqrt(docNorm * storyNorm);
    }

    private double BestMemberSimilarity(DocVector doc, StoryState story)
    {
        var docMap = new Dictionary<string, double>(doc.Terms.Length, StringComparer.Ordinal);
        var docNorm = 0.0;
        for (var i = 0; i < doc.Terms.Length; i++)
        {
            var x = doc.Weights[i] * Idf(doc.Terms[i]);
            docMap[doc.Terms[i]] = x;
            docNorm += x * x;
        }

        var best = 0.0;
        foreach (var member in story.Members)
        {
            var dot = 0.0;
            var norm = 0.0;
            var v = member.Vector;
            for (var i = 0; i < v.Terms.Length; i++)
            {
                var y = v.Weights[i] * Idf(v.Terms[i]);
                norm += y * y;
                if (docMap.TryGetValue(v.Terms[i], out var x))
                {
                    dot += x * y;
                }
            }

            if (dot > 0)
            {
                best = Math.Max(best, dot / Math.Sqrt(docNorm * norm));
            }
        }

        return best;
    }

    private List<(string Term, double Weight)> TopTerms(DocVector doc, int n)
    {
        var list = new List<(string Term, double Weight)>(doc.Terms.Length);
        for (var i = 0; i < doc.Terms.Length; i++)
        {
            list.Add((doc.Terms[i], doc.Weights[i] * Idf(doc.Terms[i])));
        }

        list.Sort((x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : string.CompareOrdinal(x.Term, y.Term));
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

    private void Join(StoryState story, Article article, DocVector vector)
    {
        story.Members.Add(new Member(article.Id, article.Title, article.Outlet, article.Published, ParseDate(article.Published), DateSources.IsUpperBound(article.PublishedSource), sequence++, vector));
        storyOfArticle[article.Id] = story;
        for (var i = 0; i < vector.Terms.Length; i++)
        {
            var term = vector.Terms[i];
            var had = story.Centroid.TryGetValue(term, out var c);
            story.Centroid[term] = c + vector.Weights[i];
            if (!had && story.IndexedTerms.Add(term))
            {
                if (!storiesByTerm.TryGetValue(term, out var list))
                {
                    list = [];
                    storiesByTerm[term] = list;
                }

                list.Add(story);
            }
        }

        if (story.Centroid.Count > options.MaxCentroidTerms)
        {
            var ranked = new List<(string Term, double Weight)>(story.Centroid.Count);
            foreach (var (term, c) in story.Centroid)
            {
                ranked.Add((term, c * Idf(term)));
            }

            ranked.Sort((x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : string.CompareOrdinal(x.Term, y.Term));
            for (var i = options.MaxCentroidTerms; i < ranked.Count; i++)
            {
                story.Centroid.Remove(ranked[i].Term);
            }
        }
    }

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

    internal sealed record DocVector(string[] Terms, double[] Weights);

    internal sealed record Member(string Id, string? Title, string? Outlet, string? Published, DateTime? Date, bool DateIsUpperBound, long Sequence, DocVector Vector);

    internal sealed class StoryState(string id, int ordinal)
    {
        public string Id { get; } = id;

        public int Ordinal { get; } = ordinal;

        public List<Member> Members { get; } = [];

        /// <summary>Sum of member vectors (unit length before IDF, so each article counts once), capped to the top terms.</summary>
        public Dictionary<string, double> Centroid { get; } = new(StringComparer.Ordinal);

        /// <summary>Terms under which this story is listed in the term index (never removed: a stale entry only adds a candidate).</summary>
        public HashSet<string> IndexedTerms { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Whether an article dated <paramref name="date"/> may join: its gap to the story's date range is within the
        /// window. An upper-bound date (a page-header widget) only says the article appeared on or before it, so it
        /// fits any story that had begun by then (less the window). Members with upper-bound dates do not set the range.
        /// </summary>
        public bool WithinWindow(DateTime? date, bool dateIsUpperBound, double windowDays)
        {
            if (date is not { } d)
            {
                return true;
            }

            DateTime? first = null;
            DateTime? last = null;
            foreach (var m in Members)
            {
                if (m.Date is { } md && !m.DateIsUpperBound)
                {
                    first = first is null || md < first ? md : first;
                    last = last is null || md > last ? md : last;
                }
            }

            if (first is null || last is null)
            {
                return true;
            }

            if (dateIsUpperBound)
            {
                return (first.Value - d).TotalDays <= windowDays;
            }

            var gap = d < first ? first.Value - d : d > last ? d - last.Value : TimeSpan.Zero;
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
