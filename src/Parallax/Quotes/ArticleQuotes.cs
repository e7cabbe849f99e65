using Parallax.Model;

namespace Parallax.Quotes;

/// <summary>
/// Quotes found in one article, with the speakers they are attributed to. Speakers here are local to the
/// article (ids are local, e.g. <c>s1</c>); <see cref="SpeakerDirectory"/> maps them to canonical speakers.
/// </summary>
public sealed record ArticleQuotes(IReadOnlyList<Quote> Quotes, IReadOnlyList<Speaker> Speakers);
