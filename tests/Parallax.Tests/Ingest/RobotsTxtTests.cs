using Parallax.Ingest;

namespace Parallax.Tests.Ingest;

public sealed class RobotsTxtTests
{
    private const string Agent = HttpFetcherOptions.DefaultUserAgent;

    [Fact]
    public void Our_own_group_wins_over_the_wildcard_group()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: parallax\nDisallow: /private\n");

        Assert.True(robots.IsAllowed(Agent, "/news/1"));
        Assert.False(robots.IsAllowed(Agent, "/private/x"));
        Assert.False(robots.IsAllowed("OtherBot/1.0", "/news/1"));
    }

    [Fact]
    public void Longest_match_wins_and_allow_wins_a_tie()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /a\nAllow: /a\n");

        Assert.False(robots.IsAllowed(Agent, "/news/secret"));
        Assert.True(robots.IsAllowed(Agent, "/news/public/story"));
        Assert.True(robots.IsAllowed(Agent, "/a"));
    }

    [Fact]
    public void Wildcards_and_end_anchors_match_as_in_rfc_9309()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n");

        Assert.False(robots.IsAllowed(Agent, "/files/report.pdf"));
        Assert.True(robots.IsAllowed(Agent, "/files/report.pdf.html"));
        Assert.False(robots.IsAllowed(Agent, "/story?id=3&print=1".Replace("&", "?", StringComparison.Ordinal)));
        Assert.True(robots.IsAllowed(Agent, "/story?id=3"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_a_group_and_empty_disallow_allows_all()
    {
        var robots = RobotsTxt.Parse("User-agent: a\nUser-agent: parallax\nDisallow: /x\n\nUser-agent: *\nDisallow:\n");

        Assert.False(robots.IsAllowed(Agent, "/x/1"));
        Assert.True(robots.IsAllowed("Else/2", "/x/1"));
    }

    [Fact]
    public void Crawl_delay_comments_and_unknown_lines_are_handled()
    {
        var robots = RobotsTxt.Parse("# hello\nUser-agent: * # all\nCrawl-delay: 2.5\nNoindex: /x\nfoo bar\nDisallow: /tmp # temp\n");

        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay(Agent));
        Assert.False(robots.IsAllowed(Agent, "/tmp/a"));
        Assert.True(robots.IsAllowed(Agent, "/x"));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed_and_the_fallbacks_mean_what_the_rfc_says()
    {
        Assert.True(RobotsTxt.DisallowAll.IsAllowed(Agent, "/robots.txt"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed(Agent, "/news"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed(Agent, "/news"));
    }
}
