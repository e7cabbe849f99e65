using System.Text;

namespace Parallax.Dedup;

/// <summary>
/// One spelling per page: the same article fetched through a campaign link, its AMP or mobile mirror, with or without
/// <c>www.</c>, over http or https, with a fragment or a trailing slash, normalises to one URL. The canonical link is
/// the extractor's business (it prefers <c>&lt;link rel=canonical&gt;</c> and <c>og:url</c> over the fetched URL);
/// this class only folds the spellings. Pure and allocation-light; never throws on bad input.
/// </summary>
public static class UrlIdentity
{
    /// <summary>
    /// The identity form of <paramref name="url"/>: scheme <c>https</c> (for http and https; other schemes are kept),
    /// host lowercased without <c>www.</c>, <c>m.</c> or <c>amp.</c> and without a default port, AMP path variants and
    /// Google AMP-cache wrapping undone, index file names, trailing slash and fragment removed, tracking parameters
    /// dropped and the remaining parameters sorted. Null or blank gives null; a string that is not an absolute URL is
    /// returned trimmed.
    /// </summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return trimmed;
        }

        var scheme = uri.Scheme is "http" or "https" ? "https" : uri.Scheme;
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        var path = uri.AbsolutePath;

        if (host.EndsWith(UrlRules.AmpCacheHostSuffix, StringComparison.Ordinal) && UnwrapAmpCache(path) is { } inner)
        {
            return Normalize(inner + uri.Query);
        }

        host = StripMirrorPrefix(host);
        var port = uri.IsDefaultPort || (uri.Port == 80 && scheme == "https") ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var sb = new StringBuilder(trimmed.Length);
        sb.Append(scheme).Append("://").Append(host).Append(port);
        AppendPath(sb, path);
        AppendQuery(sb, uri.Query);
        return sb.ToString();
    }

    private static string StripMirrorPrefix(string host)
    {
        foreach (var prefix in UrlRules.MirrorHostPrefixes)
        {
            // Keep the prefix when it is all there is before the public suffix ("m.co" is a site of its own).
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.IndexOf('.', prefix.Length) > 0)
            {
                return host[prefix.Length..];
            }
        }

        return host;
    }

    /// <summary><c>/c/s/www.example.com/news/x</c> (or <c>/v/s/...</c>, <c>/c/...</c> for http) → <c>https://www.example.com/news/x</c>.</summary>
    private static string? UnwrapAmpCache(string path)
    {
        var rest = path.AsSpan().TrimStart('/');
        if (rest.Length < 2 || rest[0] is not ('c' or 'v' or 'i') || rest[1] != '/')
        {
            return null;
        }

        rest = rest[2..];
        if (rest.StartsWith("s/", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }

        return rest.IsEmpty || rest.IndexOf('.') < 0 ? null : "https://" + rest.ToString();
    }

    private static void AppendPath(StringBuilder sb, string path)
    {
        var segments = new List<string>();
        foreach (var raw in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            segments.Add(raw);
        }

        // "/news/story/amp", "/amp/news/story", "/news/story.amp.html" are AMP renderings of "/news/story".
        if (segments.Count > 1 && UrlRules.AmpSegments.Contains(segments[^1].ToLowerInvariant()))
        {
            segments.RemoveAt(segments.Count - 1);
        }
        else if (segments.Count > 1 && segments[0].Equals("amp", StringComparison.OrdinalIgnoreCase))
        {
            segments.RemoveAt(0);
        }

        if (segments.Count > 0)
        {
            var last = segments[^1];
            if (last.EndsWith(".amp.html", StringComparison.OrdinalIgnoreCase))
            {
                segments[^1] = last[..^".amp.html".Length] + ".html";
            }
            else if (last.EndsWith(".amp", StringComparison.OrdinalIgnoreCase) && last.Length > 4)
            {
                segments[^1] = last[..^".amp".Length];
            }

            if (UrlRules.IndexFiles.Contains(segments[^1].ToLowerInvariant()))
            {
                segments.RemoveAt(segments.Count - 1);
            }
        }

        sb.Append('/');
        sb.AppendJoin('/', segments);
    }

    private static void AppendQuery(StringBuilder sb, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            if (name.StartsWith("utm_", StringComparison.Ordinal))
            {
                continue;
            }

            if (name is "outputtype" or "output" or "amp")
            {
                if (UrlRules.AmpValues.Contains(value.ToLowerInvariant()))
                {
                    continue;
                }

                kept.Add(pair);
                continue;
            }

            if (!UrlRules.TrackingParameters.Contains(name))
            {
                kept.Add(pair);
            }
        }

        if (kept.Count == 0)
        {
            return;
        }

        kept.Sort(StringComparer.Ordinal);
        sb.Append('?').AppendJoin('&', kept);
    }
}
