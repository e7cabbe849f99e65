using Parallax.Model;

namespace Parallax.Compare;

/// <summary>How each outlet told one story: the statements and who carries them, what each article alone reports or
/// leaves out, and where the statements came from. Report-time analysis over the stored articles, quotes and alignments.</summary>
public sealed record StoryCoverage
{
    public required string Story { get; init; }

    /// <summary>The same fact in two articles, outside the quote alignments: sentence to sentence or sentence to quote, and
    /// quote to quote where only a third article's version tied the two together.</summary>
    public IReadOnlyList<ClaimAlignment> ClaimAlignments { get; init; } = [];

    /// <summary>Every statement of the story: aligned quotes and sentences grouped, each as its mentions, earliest first.</summary>
    public IReadOnlyList<Statement> Statements { get; init; } = [];

    /// <summary>Per article, in story order.</summary>
    public IReadOnlyList<ArticleCoverage> Articles { get; init; } = [];

    public required Provenance Provenance { get; init; }
}

/// <summary>One sentence (or quote) of article <see cref="A"/> reporting the same fact as one of article <see cref="B"/>.</summary>
public sealed record ClaimAlignment
{
    public required string Story { get; init; }

    /// <summary>Article id of the earlier article.</summary>
    public required string A { get; init; }
    public required int AStart { get; init; }
    public required int AEnd { get; init; }

    /// <summary>Quote id when this side is a quote, else null (a sentence).</summary>
    public string? AQuote { get; init; }

    public required string B { get; init; }
    public required int BStart { get; init; }
    public required int BEnd { get; init; }
    public string? BQuote { get; init; }

    public required string Relation { get; init; }
    public required double Score { get; init; }
    public IReadOnlyList<DiffRun> Diff { get; init; } = [];
}

/// <summary>A statement: one claim or quote and every article that carries it.</summary>
public sealed record Statement
{
    /// <summary>Stable within the story: <c>{story}:s{n}</c> in order of first appearance.</summary>
    public required string Id { get; init; }

    /// <summary><c>quote</c> when any mention is a quote, else <c>claim</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Speaker id of its first attributed quote, or null.</summary>
    public string? Speaker { get; init; }

    /// <summary>The earliest article carrying it (story order: earliest published first).</summary>
    public required string FirstArticle { get; init; }

    /// <summary>Articles carrying it, story order.</summary>
    public IReadOnlyList<string> Articles { get; init; } = [];

    public IReadOnlyList<StatementMention> Mentions { get; init; } = [];
}

public sealed record StatementMention(string Article, string? Quote, int Start, int End, string Text);

/// <summary>What one article carries, what it alone reports, and what it leaves out that most others carry.</summary>
public sealed record ArticleCoverage
{
    public required string Article { get; init; }
    public string? Outlet { get; init; }

    /// <summary>Statements it carries.</summary>
    public int Carried { get; init; }

    /// <summary>Statement ids no other article of the story carries.</summary>
    public IReadOnlyList<string> OnlyHere { get; init; } = [];

    /// <summary>Statement ids carried by most of the other articles (more than half, at least two) but not by this one.</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}

/// <summary>Where a story's statements came from.</summary>
public sealed record Provenance
{
    /// <summary>Each channel named in quotes' <c>via</c> (<c>Sputnik</c>), with the articles citing it.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>Citation chains, source first: <c>["Sputnik", "Press TV", "Tehran Times"]</c> when the outlet cites Press TV citing Sputnik.</summary>
    public IReadOnlyList<CitationChain> Chains { get; init; } = [];

    /// <summary>Near-copies and the article they copy (<see cref="Article.DuplicateOf"/>).</summary>
    public IReadOnlyList<Copy> Copies { get; init; } = [];

    /// <summary>The story's articles, earliest first, with the statements each was first to carry.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
}

public sealed record Channel(string Name, IReadOnlyList<string> Articles, int Quotes);

public sealed record CitationChain(string Article, string Quote, IReadOnlyList<string> Chain);

public sealed record Copy(string Article, string Original, string? OriginalOutlet);

public sealed record TimelineEntry
{
    public required string Article { get; init; }
    public string? Outlet { get; init; }
    public string? Published { get; init; }
    public string? Title { get; init; }
    public string? DuplicateOf { get; init; }

    /// <summary>Statement ids this article was the earliest to carry, among those at least one other article carries too.</summary>
    public IReadOnlyList<string> FirstReports { get; init; } = [];

    /// <summary>Statements it carries that an earlier article carried already.</summary>
    public int Repeats { get; init; }
}

public static class StatementKinds
{
    public const string Quote = "quote";
    public const string Claim = "claim";
}
