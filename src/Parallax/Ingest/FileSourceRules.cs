namespace Parallax.Ingest;

internal enum FileFormat
{
    Unsupported,
    PlainText,
    Html,
    GzipHtml,
    Jsonl,
    Warc,
    Feed,
    MaybeFeed,
    UrlList,
}

/// <summary>Which files a folder walk reads, and as what: by name, never by sniffing content.</summary>
internal static class FileSourceRules
{
    internal const string PlainTextType = "text/plain";
    internal const string HtmlType = "text/html";

    /// <summary>Longest suffix first, so <c>.html.gz</c> is seen before a shorter suffix could claim the name.</summary>
    private static readonly (string Suffix, FileFormat Format)[] Formats =
    [
        (".warc.gz", FileFormat.Warc),
        (".html.gz", FileFormat.GzipHtml),
        (".htm.gz", FileFormat.GzipHtml),
        (".jsonl", FileFormat.Jsonl),
        (".warc", FileFormat.Warc),
        (".html", FileFormat.Html),
        (".htm", FileFormat.Html),
        (".txt", FileFormat.PlainText),
        (".rss", FileFormat.Feed),
        (".atom", FileFormat.Feed),
        (".xml", FileFormat.MaybeFeed),
        (".urls", FileFormat.UrlList),
    ];

    /// <summary>
    /// SQLite files and their journals: the CLI keeps its database beside the inputs by default, and reading it back
    /// as input would reject it on every run.
    /// </summary>
    private static readonly string[] StoreFileSuffixes =
    [
        ".db", ".db-wal", ".db-shm", ".db-journal",
        ".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal",
        ".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal",
    ];

    internal static FileFormat Classify(string fileName)
    {
        foreach (var (suffix, format) in Formats)
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        return FileFormat.Unsupported;
    }

    internal static bool IsStoreFile(string fileName)
    {
        foreach (var suffix in StoreFileSuffixes)
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Dot-files and dot-folders (<c>.git</c>, <c>.DS_Store</c>) are tooling, not input.</summary>
    internal static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (entry.Attributes & FileAttributes.Hidden) != 0;

    internal static string UnsupportedDetail(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length == 0
            ? "file has no extension; supported: .txt, .html, .htm, .html.gz, .htm.gz, .jsonl, .warc, .warc.gz, .rss, .atom, .xml (a feed)"
            : $"unsupported file type '{extension}'; supported: .txt, .html, .htm, .html.gz, .htm.gz, .jsonl, .warc, .warc.gz, .rss, .atom, .xml (a feed)";
    }
}
