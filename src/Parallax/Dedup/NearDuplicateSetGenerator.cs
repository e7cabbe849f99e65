using System.Text;
using Parallax.Model;

namespace Parallax.Dedup;

/// <summary>One item of a generated near-duplicate stream: the article, and the id of the corpus article it copies (null for originals).</summary>
public sealed record NearDuplicateCase(Article Article, string? CopyOf, string Kind, string? Topic);

/// <summary>
/// Builds a near-duplicate test stream with known truth from any corpus of articles: every usable corpus article is an
/// original, and a seeded share of them get copies made the ways syndication and re-publishing change a text
/// (<see cref="NearDuplicateSetGenerator.Kinds"/>). Copies arrive after their original, interleaved with the other
/// originals; originals on the same topic (an ECB+ topic holds many articles on one event) are the hard non-duplicates.
/// Deterministic for a given corpus order and seed.
/// </summary>
public static class NearDuplicateSetGenerator
{
    public const string Original = "original";
    public const string ParagraphAdded = "paragraph-added";
    public const string ParagraphRemoved = "paragraph-removed";
    public const string HeadlineRewritten = "headline-rewritten";
    public const string BoilerplateSwapped = "boilerplate-swapped";
    public const string Truncated = "truncated";
    public const string Reencoded = "re-encoded";
    public const string Combined = "combined";

    public static IReadOnlyList<string> Kinds { get; } =
        [ParagraphAdded, ParagraphRemoved, HeadlineRewritten, BoilerplateSwapped, Truncated, Reencoded, Combined];

    /// <summary>Shortest original, in words: below it a copy with a paragraph removed or truncated falls under the shingling minimum.</summary>
    public const int MinOriginalWords = 80;

    /// <summary>Share of originals that get a copy, and of those that get a second one.</summary>
    private const double CopyShare = 0.6;

    private const double SecondCopyShare = 0.2;

    /// <summary>A corpus article sharing this share of the smaller text's shingles with an earlier one is a copy or a
    /// partial copy (ECB+ holds a few wire reprints, e.g. 26_11ecbplus is a cut of 26_2ecbplus); it is left out so the
    /// truth is only what we generate.</summary>
    private const double CorpusCopyOverlap = 0.3;

    private static readonly string[] Headers =
    [
        "Advertisement", "Share this article", "Skip to main content", "Listen to this article", "BREAKING NEWS",
        "Sign up for our daily newsletter", "Updated", "Follow live coverage",
    ];

    private static readonly string[] Footers =
    [
        "Copyright {0}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Follow {0} on Facebook and Twitter for the latest updates.",
        "Reporting by staff of {0}; editing by the news desk.",
        "Have a news tip? Contact {0} at tips@example.org.",
        "Subscribe to {0} for unlimited access to our journalism.",
        "Comments are closed for this article. Read our community guidelines.",
    ];

    private static readonly string[] Outlets = ["The Daily Ledger", "Metro Wire", "Coastal Herald", "Morning Courier", "Capital Post"];

    private static readonly string[] HeadlinePrefixes = ["UPDATE: ", "BREAKING: ", "Watch: ", "Analysis: ", ""];

    public static List<NearDuplicateCase> Generate(IReadOnlyList<(Article Article, string? Topic)> corpus, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var random = new Random(seed);
        var originals = Originals(corpus);
        var keyed = new List<(double Key, NearDuplicateCase Case)>();
        for (var i = 0; i < originals.Count; i++)
        {
            var (article, topic) = originals[i];
            keyed.Add((i, new NearDuplicateCase(article, null, Original, topic)));
            if (random.NextDouble() >= CopyShare)
            {
                continue;
            }

            var copies = random.NextDouble() < SecondCopyShare ? 2 : 1;
            var first = random.Next(Kinds.Count);
            for (var c = 0; c < copies; c++)
            {
                var kind = Kinds[(first + (c * 3)) % Kinds.Count];
                var donor = originals[random.Next(originals.Count)].Article;
                var copy = Copy(article, kind, donor, random) with { Id = $"{article.Id}~{kind}~{c}", Source = $"generated:{article.Id}~{kind}~{c}" };

                // Copies arrive soon after the original or much later (a reprint days on).
                var delay = random.NextDouble() < 0.7 ? 0.5 + (random.NextDouble() * 20) : 0.5 + (random.NextDouble() * originals.Count);
                keyed.Add((i + delay, new NearDuplicateCase(copy, article.Id, kind, topic)));
            }
        }

        // Stable by key, then by creation.
        return keyed.Select((k, n) => (k.Key, n, k.Case)).OrderBy(k => k.Key).ThenBy(k => k.n).Select(k => k.Case).ToList();
    }

    /// <summary>Applies one kind of change. Public for tests; the result keeps the original's id (the caller renames it).</summary>
    public static Article Copy(Article original, string kind, Article donor, Random random)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(donor);
        ArgumentNullException.ThrowIfNull(random);
        var paragraphs = Paragraphs(original.Body);
        var title = original.Title;
        var outlet = Outlets[random.Next(Outlets.Length)];
        switch (kind)
        {
            case ParagraphAdded:
                var extra = Paragraphs(donor.Body).Where(p => p.Length > 60).ToList();
                var added = extra.Count > 0
                    ? $"In a related development reported by {outlet}, " + char.ToLowerInvariant(extra[random.Next(extra.Count)][0]) + extra[random.Next(extra.Count)][1..]
                    : $"{outlet} will publish further details on this story as they become available to our reporters.";
                paragraphs.Insert(random.Next(1, paragraphs.Count + 1), added);
                break;
            case ParagraphRemoved:
                RemoveSome(paragraphs, random);
                break;
            case HeadlineRewritten:
                var newTitle = RewriteHeadline(title ?? FirstLine(paragraphs), random);
                if (title is not null && paragraphs.Count > 1 && paragraphs[0] == title)
                {
                    paragraphs[0] = newTitle;
                }

                title = newTitle;
                break;
            case BoilerplateSwapped:
                paragraphs.Insert(0, Headers[random.Next(Headers.Length)]);
                paragraphs.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Footers[random.Next(Footers.Length)], outlet));
                break;
            case Truncated:
                Truncate(paragraphs, random);
                paragraphs[^1] += random.Next(2) == 0 ? " ..." : " Read more at " + outlet + ".";
                break;
            case Reencoded:
                return original with { Title = title is null ? null : Reencode(title, random), Body = Reencode(original.Body, random), Outlet = outlet };
            case Combined:
                RemoveSome(paragraphs, random);
                paragraphs.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Footers[random.Next(Footers.Length)], outlet));
                return original with { Title = RewriteHeadline(title ?? FirstLine(paragraphs), random), Body = Reencode(string.Join("\n\n", paragraphs), random), Outlet = outlet };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown copy kind");
        }

        return original with { Title = title, Body = string.Join("\n\n", paragraphs), Outlet = outlet };
    }

    private static List<(Article Article, string? Topic)> Originals(IReadOnlyList<(Article Article, string? Topic)> corpus)
    {
        var owner = new Dictionary<ulong, int>();
        var sizes = new Dictionary<int, int>();
        var kept = new List<(Article, string?)>();
        var words = new List<ulong>();
        for (var d = 0; d < corpus.Count; d++)
        {
            words.Clear();
            TextFingerprint.WordHashes(corpus[d].Article.Body, words);
            if (words.Count < MinOriginalWords)
            {
                continue;
            }

            var shared = new Dictionary<int, int>();
            var shingles = new HashSet<ulong>();
            for (var i = 0; i + NearDuplicateIndex.ShingleWords <= words.Count; i++)
            {
                var h = (ulong)NearDuplicateIndex.ShingleWords;
                for (var k = 0; k < NearDuplicateIndex.ShingleWords; k++)
                {
                    h = TextFingerprint.Mix(h ^ words[i + k]);
                }

                if (shingles.Add(h) && owner.TryGetValue(h, out var other))
                {
                    shared[other] = shared.GetValueOrDefault(other) + 1;
                }
            }

            var copy = false;
            foreach (var (other, n) in shared)
            {
                copy |= n >= CorpusCopyOverlap * Math.Min(shingles.Count, sizes[other]);
            }

            foreach (var s in shingles)
            {
                owner.TryAdd(s, d);
            }

            sizes[d] = shingles.Count;
            if (!copy)
            {
                kept.Add(corpus[d]);
            }
        }

        return kept;
    }

    private static List<string> Paragraphs(string body) =>
        body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string FirstLine(List<string> paragraphs) => paragraphs.Count > 0 ? paragraphs[0] : "";

    /// <summary>Drops one paragraph of several (never the first), or about a seventh of the words of a one-paragraph text.</summary>
    private static void RemoveSome(List<string> paragraphs, Random random)
    {
        if (paragraphs.Count >= 4)
        {
            paragraphs.RemoveAt(random.Next(1, paragraphs.Count));
            return;
        }

        var longest = paragraphs.IndexOf(paragraphs.MaxBy(p => p.Length)!);
        var w = paragraphs[longest].Split(' ');
        var cut = Math.Max(1, w.Length / 7);
        var at = random.Next(0, Math.Max(1, w.Length - cut));
        paragraphs[longest] = string.Join(' ', w.Take(at).Concat(w.Skip(at + cut)));
    }

    /// <summary>Keeps the first 55-85% of the words, cut at a paragraph or word boundary.</summary>
    private static void Truncate(List<string> paragraphs, Random random)
    {
        var total = paragraphs.Sum(p => p.Split(' ').Length);
        var keep = (int)(total * (0.55 + (random.NextDouble() * 0.3)));
        var count = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var w = paragraphs[i].Split(' ');
            if (count + w.Length >= keep)
            {
                paragraphs[i] = string.Join(' ', w.Take(Math.Max(1, keep - count)));
                paragraphs.RemoveRange(i + 1, paragraphs.Count - i - 1);
                return;
            }

            count += w.Length;
        }
    }

    private static string RewriteHeadline(string title, Random random)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 4)
        {
            // Headline desks cut, reorder and re-case: drop a word and move the tail to the front.
            words.RemoveAt(random.Next(words.Count));
            var split = random.Next(1, words.Count);
            words = words.Skip(split).Concat(words.Take(split)).ToList();
        }

        var text = string.Join(' ', words);
        return HeadlinePrefixes[random.Next(HeadlinePrefixes.Length)] + (random.Next(2) == 0 ? text.ToUpperInvariant() : text);
    }

    /// <summary>Straight/curly quotes and apostrophes, NBSPs, NFD accents, an ellipsis character, dashes, CRLF line ends.</summary>
    private static string Reencode(string text, Random random)
    {
        var curly = random.Next(2) == 0;
        var nbsp = random.Next(2) == 0;
        var sb = new StringBuilder(text.Length + 32);
        var open = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"' when curly:
                    sb.Append(open ? '\u201C' : '\u201D');
                    open = !open;
                    break;
                case '\u201C' or '\u201D' when !curly:
                    sb.Append('"');
                    break;
                case '\'' when curly:
                    sb.Append('\u2019');
                    break;
                case '\u2019' or '\u2018' when !curly:
                    sb.Append('\'');
                    break;
                case ' ' when nbsp && random.Next(4) == 0:
                    sb.Append('\u00A0');
                    break;
                case '\n':
                    sb.Append("\r\n");
                    break;
                case '-' when i + 1 < text.Length && text[i + 1] == '-':
                    sb.Append('\u2014');
                    i++;
                    break;
                case '.' when i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.':
                    sb.Append('\u2026');
                    i += 2;
                    break;
                case >= '\u00C0' and <= '\u00FF' when Decomposed(c) is { } nfd:
                    sb.Append(nfd);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>NFD of common accented Latin-1 letters: base letter plus combining mark.</summary>
    private static string? Decomposed(char c)
    {
        const string Bases = "AAAAAA CEEEEIIII NOOOOO  UUUUY  aaaaaa ceeeeiiii nooooo  uuuuy y";
        const string Marks = "\u0300\u0301\u0302\u0303\u0308\u030A \u0327\u0300\u0301\u0302\u0308\u0300\u0301\u0302\u0308 \u0303\u0300\u0301\u0302\u0303\u0308  \u0300\u0301\u0302\u0308\u0301  \u0300\u0301\u0302\u0303\u0308\u030A \u0327\u0300\u0301\u0302\u0308\u0300\u0301\u0302\u0308 \u0303\u0300\u0301\u0302\u0303\u0308  \u0300\u0301\u0302\u0308\u0301 \u0308";
        var i = c - '\u00C0';
        return i < Bases.Length && Bases[i] != ' ' && Marks[i] != ' ' ? string.Concat(Bases[i], Marks[i]) : null;
    }
}
