using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Parallax.Tests.Cli;

/// <summary>
/// A real crash: `parallax ingest` runs as its own process and is killed (SIGKILL) mid-run; a re-run must leave the
/// store exactly as one uninterrupted run does: nothing lost, nothing stored twice.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Articles = 400;

    [Fact]
    public async Task Ingest_killed_mid_run_then_rerun_loses_nothing_and_stores_nothing_twice()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        WriteArticles(input);

        var clean = dir.File("clean.db");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", input, "--db", clean)).ExitCode);

        var crashed = dir.File("crashed.db");
        using (var process = Start("ingest", input, "--db", crashed))
        {
            // Kill once some articles are committed and many are still to come.
            var clock = Stopwatch.StartNew();
            while (Count(crashed) < 40 && clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the ingest finished before it could be killed: make the input larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var atKill = Count(crashed);
        output.WriteLine($"killed with {atKill} of {Count(clean)} articles committed");
        Assert.InRange(atKill, 1, Count(clean) - 1);

        var rerun = await CliRunner.RunAsync("ingest", input, "--db", crashed);
        Assert.Equal(0, rerun.ExitCode);
        Assert.StartsWith($"stored {Count(clean) - atKill}, already stored {atKill},", rerun.Out, StringComparison.Ordinal);
        Assert.Equal(Ids(clean), Ids(crashed));
    }

    private static void WriteArticles(string folder)
    {
        string[] places = ["Port Alder", "Velmont", "Kessing", "Brennick", "Northgate", "Tessa", "Lusmark", "Ostravia"];
        string[] topics = ["bridge repairs", "school meals", "ferry timetables", "water tariffs", "harbour dredging", "tram lines", "library hours", "flood barriers"];
        var random = new Random(5);
        for (var i = 0; i < Articles; i++)
        {
            var place = places[random.Next(places.Length)];
            var topic = topics[random.Next(topics.Length)];
            var text = new StringBuilder()
                .Append(CultureInfoFree($"Council {i} votes on {topic} in {place}\n\n"))
                .Append(CultureInfoFree($"{place.ToUpperInvariant()}: Councillors in district {i} voted {random.Next(10, 40)} to {random.Next(1, 9)} on Tuesday to approve a plan for {topic}, officials said.\n\n"))
                .Append(CultureInfoFree($"“This plan number {i} will cost {random.Next(2, 90)} million and take {random.Next(2, 9)} years,” said councillor Ada Brook{i}, who chairs the works committee.\n\n"))
                .Append(CultureInfoFree($"Residents of ward {random.Next(100, 999)} said the work on {topic} was overdue after {random.Next(3, 30)} complaints last winter.\n"))
                .ToString();
            File.WriteAllText(Path.Combine(folder, $"article-{i:D4}.txt"), text);
        }
    }

    private static string CultureInfoFree(FormattableString s) => FormattableString.Invariant(s);

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Count(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM articles";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }

    private static List<string> Ids(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM articles ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
