using System.CommandLine;
using Parallax.Store;

namespace Parallax.Cli;

/// <summary>
/// The <c>parallax</c> command: parses arguments, calls the library, formats. Exit codes: 0 ok, 1 failure,
/// 2 bad usage. Data goes to <c>stdout</c>, diagnostics to <c>stderr</c>.
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdout, stderr);
        var root = CliCommands.Build(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"parallax: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run 'parallax --help' for usage.").ConfigureAwait(false);
            return BadUsage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"parallax: {e.Message}").ConfigureAwait(false);
            return BadUsage;
        }
        catch (InvalidSearchQueryException e)
        {
            await stderr.WriteLineAsync($"parallax: invalid search query: {e.Message}").ConfigureAwait(false);
            return BadUsage;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("parallax: cancelled").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await stderr.WriteLineAsync($"parallax: {e.Message}").ConfigureAwait(false);
            return Failure;
        }
    }
}

/// <summary>Arguments that parse but make no sense together (an unknown story, a missing input).</summary>
internal sealed class UsageException(string message) : Exception(message);
