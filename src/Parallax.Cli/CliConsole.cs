using Spectre.Console;

namespace Parallax.Cli;

/// <summary>
/// Where the CLI writes: data to <see cref="Out"/>, diagnostics to <see cref="Error"/>. Tables and progress
/// bars only when the stream is a terminal; plain tab-separated text when piped.
/// </summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    public bool OutIsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;

    public bool ErrorIsTerminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Spectre console over stderr, for progress that never mixes with data.</summary>
    public static IAnsiConsole ProgressConsole() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });

    /// <summary>A table on a terminal; tab-separated lines with a header row when piped.</summary>
    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (OutIsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(h)));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(c => new Markup(Markup.Escape(c))).ToArray());
            }

            AnsiConsole.Write(table);
            return;
        }

        Out.WriteLine(string.Join('\t', headers));
        foreach (var row in rows)
        {
            Out.WriteLine(string.Join('\t', row.Select(c => c.Replace('\t', ' ').Replace('\n', ' '))));
        }
    }
}
