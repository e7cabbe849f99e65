using Parallax.Cli;

namespace Parallax.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the parallax command in-process with captured streams.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
