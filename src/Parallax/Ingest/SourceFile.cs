namespace Parallax.Ingest;

/// <summary>Opening an input file for one sequential pass, the way the streaming sources read it.</summary>
internal static class SourceFile
{
    /// <summary>
    /// The file opened for reading start to end, or null with why not (a missing or unreadable file is data, not an
    /// exception). No FileStream buffer: every streaming reader keeps a window or chunks of its own.
    /// </summary>
    internal static FileStream? TryOpenSequential(string path, FileOptions options, out string error)
    {
        try
        {
            error = "";
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, options | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }
}
