using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Parallax.Model;
using Parallax.Pipeline;

namespace Parallax.Web.Api;

/// <summary>
/// The story JSON, coverage included, kept per story while the story's stored content is unchanged. Reading a story
/// costs a few indexed queries; analysing its coverage (aligning every claim across its articles) costs far more, and
/// readers mostly open the same few recent stories. The key is a hash of the report as read, so a commit from this
/// server or any other process changes it: an entry is never stale, only unused.
/// </summary>
internal sealed class StoryResponseCache
{
    /// <summary>Stories kept: a story's JSON is some tens of kilobytes, so 1,000 hold a day's news in about 50 MB.</summary>
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, (byte[] Key, byte[] Json)> _entries = new(StringComparer.Ordinal);

    public byte[] GetOrAdd(Report report)
    {
        var story = ToResponse(report, []);
        var key = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(story, ApiJsonContext.Api.StoryResponse));
        var id = report.Stories[0].Id;
        if (_entries.TryGetValue(id, out var entry) && entry.Key.AsSpan().SequenceEqual(key))
        {
            return entry.Json;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(story with { Coverage = CoverageReport.Analyze(report) }, ApiJsonContext.Api.StoryResponse);
        if (_entries.Count >= MaxEntries)
        {
            // Crude but bounded: forget everything rather than track recency on every read.
            _entries.Clear();
        }

        _entries[id] = (key, json);
        return json;
    }

    private static StoryResponse ToResponse(Report report, IReadOnlyList<Compare.StoryCoverage> coverage) => new()
    {
        Parallax = report.Parallax,
        Articles = report.Articles,
        Stories = report.Stories,
        Speakers = report.Speakers,
        Quotes = report.Quotes,
        Alignments = report.Alignments,
        Rejected = report.Rejected,
        Coverage = coverage,
    };
}
