using System.Collections.Frozen;

namespace Parallax.Stories;

/// <summary>Word lists for story clustering. Lowercase; matched after possessive stripping.</summary>
internal static class StoryRules
{
    /// <summary>
    /// English function words plus words every news article uses whatever the event (reporting verbs, time words,
    /// "news", "percent"): they carry no evidence that two articles report the same event.
    /// </summary>
    public static readonly FrozenSet<string> Stopwords = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
        "each", "either", "else", "ever", "every", "few", "for", "from", "further", "get", "gets", "got",
        "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "least", "less", "like", "made", "make", "many", "may", "me", "might",
        "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other",
        "others", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "rather", "same", "shall", "she", "should", "shouldn't", "since", "so",
        "some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they",
        "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "wasn't", "we",
        "were", "weren't", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "won't", "would", "wouldn't", "yet", "you", "your", "yours", "yourself",

        // Reporting and news boilerplate.
        "said", "says", "say", "saying", "told", "tells", "tell", "according", "reported", "reports", "report", "reporting", "added", "adding",
        "news", "newspaper", "press", "story", "article", "statement", "spokesman", "spokeswoman", "spokesperson", "official", "officials",
        "source", "sources", "reuters", "ap", "afp", "associated", "image", "photo", "video", "copyright", "read", "click", "share", "comments",

        // Time words: every event happens on some day; dates themselves (numbers, month names) are kept.
        "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years", "day", "days", "time", "times", "ago", "last",
        "next", "earlier", "later", "recent", "recently", "new", "first", "two", "three", "still", "well", "back", "around", "including",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "mr", "mrs", "ms", "dr",
    }.ToFrozenSet(StringComparer.Ordinal);
}
