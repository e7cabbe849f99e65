namespace Parallax.Ingest;

/// <summary>
/// A URL list (<c>.urls</c>): one http(s) address per line; blank lines and lines starting with <c>#</c> are skipped.
/// The extension is its own so a list is never mistaken for a <c>.txt</c> article.
/// </summary>
public static class UrlList
{
    public const string Extension = ".urls";

    /// <summary>A list file is small by nature; 10 MB holds about 100,000 addresses.</summary>
    private const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The addresses in order, without repeats, and the lines that are not http(s) addresses.</summary>
    public static (IReadOnlyList<Uri> Urls, IReadOnlyList<string> Invalid) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invalid = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (Uri.TryCreate(line, UriKind.Absolute, out var uri) && HttpAddressGuard.IsAllowedScheme(uri))
            {
                if (seen.Add(uri.AbsoluteUri))
                {
                    urls.Add(uri);
                }
            }
            else
            {
                invalid.Add(line);
            }
        }

        return (urls, invalid);
    }

    public static async Task<(IReadOnlyList<Uri> Urls, IReadOnlyList<string> Invalid)> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxBytes)
        {
            throw new IOException($"{path}: {info.Length} bytes is too large for a URL list (limit {MaxBytes})");
        }

        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
    }

    public static bool IsUrlListFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);
}
