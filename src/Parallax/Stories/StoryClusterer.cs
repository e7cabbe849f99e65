using Parallax.Model;

namespace Parallax.Stories;

/// <summary>Online story clustering: each arriving article joins the best story or starts a new one.</summary>
public sealed class StoryClusterer
{
    /// <summary>Assigns the article to a story and returns that story's updated record.</summary>
    public Story Add(Article article) => throw new NotImplementedException("stories helper");
    public static StoryClusterer Restore(IEnumerable<Article> a) => throw new NotImplementedException();
}
