using System.Globalization;

namespace Parallax.Ingest;

/// <summary>
/// A parsed robots.txt (RFC 9309): user-agent groups of Allow/Disallow rules, the longest matching rule wins and
/// Allow wins a tie; <c>*</c> and <c>$</c> in patterns; Crawl-delay (not in the RFC, widely used) and
/// <c>Sitemap:</c> lines. Unknown lines are ignored, as the RFC asks.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>RFC 9309 lets a crawler stop reading after 500 KiB.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups, IReadOnlyList<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>A robots.txt that allows everything: what an absent (4xx) robots.txt means.</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>A robots.txt that disallows everything: what an unreachable (5xx) robots.txt means (RFC 9309 2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"]) { Rules = { new Rule("/", Allow: false) } }], []);

    /// <summary>Absolute sitemap addresses from <c>Sitemap:</c> lines, in file order.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            text = text[..MaxBytes];
        }

        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    // Consecutive user-agent lines share one group.
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group([]);
                        groups.Add(current);
                    }

                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    // An empty Disallow allows everything: it adds no rule.
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new Rule(value, key == "allow"));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds))
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
                    }

                    break;
                case "sitemap":
                    if (FeedParser.Resolve(value, null) is { } sitemap)
                    {
                        sitemaps.Add(sitemap);
                    }

                    break;
            }

            lastWasAgent = false;
        }

        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>Whether <paramref name="userAgent"/> may fetch <paramref name="pathAndQuery"/> (e.g. <c>/news/1?a=b</c>).</summary>
    public bool IsAllowed(string userAgent, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery is "/robots.txt")
        {
            return true;
        }

        var rules = RulesFor(userAgent);
        Rule? best = null;
        foreach (var group in rules)
        {
            foreach (var rule in group.Rules)
            {
                if (Matches(rule.Pattern, pathAndQuery)
                    && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
                {
                    best = rule;
                }
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The crawl delay the group for <paramref name="userAgent"/> asks for, if any.</summary>
    public TimeSpan? CrawlDelay(string userAgent)
    {
        TimeSpan? delay = null;
        foreach (var group in RulesFor(userAgent))
        {
            if (group.CrawlDelay is { } d && (delay is null || d > delay))
            {
                delay = d;
            }
        }

        return delay;
    }

    /// <summary>
    /// The groups that apply: those naming our product token (the most specific name wins, all groups with that
    /// name merge), else the <c>*</c> groups.
    /// </summary>
    private List<Group> RulesFor(string userAgent)
    {
        var token = ProductToken(userAgent);
        var bestLength = 0;
        var named = new List<Group>();
        var wildcard = new List<Group>();
        foreach (var group in _groups)
        {
            foreach (var agent in group.Agents)
            {
                if (agent == "*")
                {
                    wildcard.Add(group);
                }
                else if (agent.Length > 0 && token.StartsWith(agent, StringComparison.Ordinal))
                {
                    if (agent.Length > bestLength)
                    {
                        bestLength = agent.Length;
                        named.Clear();
                    }

                    if (agent.Length == bestLength)
                    {
                        named.Add(group);
                    }
                }
            }
        }

        return named.Count > 0 ? named : wildcard;
    }

    /// <summary><c>Parallax/0.1 (+https://...)</c> → <c>parallax</c>.</summary>
    private static string ProductToken(string userAgent)
    {
        var end = userAgent.AsSpan().IndexOfAny('/', ' ');
        return (end < 0 ? userAgent : userAgent[..end]).ToLowerInvariant();
    }

    /// <summary>Pattern match with <c>*</c> (any run) and a final <c>$</c> (end), by backtracking over stars.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        int pi = 0, si = 0, starP = -1, starS = 0;
        while (true)
        {
            if (pi == p.Length)
            {
                if (!anchored || si == path.Length)
                {
                    return true;
                }
            }
            else if (p[pi] == '*')
            {
                starP = pi++;
                starS = si;
                continue;
            }
            else if (si < path.Length && p[pi] == path[si])
            {
                pi++;
                si++;
                continue;
            }

            if (starP < 0 || starS >= path.Length)
            {
                return false;
            }

            pi = starP + 1;
            si = ++starS;
        }
    }

    private sealed record Rule(string Pattern, bool Allow);

    private sealed class Group(List<string> agents)
    {
        public List<string> Agents { get; } = agents;
        public List<Rule> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }
}
