using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Parallax.Web;

namespace Parallax.Cli;

/// <summary><c>parallax serve</c>: parses its options and runs <see cref="ParallaxServer"/>. No logic of its own.</summary>
internal static class ServeCommand
{
    internal const string ApiKeyVariable = "PARALLAX_API_KEY";

    public static Command Build(CliConsole console, Option<string> db)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated. Loopback only unless --allow-remote",
            DefaultValueFactory = _ => new ServeOptions().Urls,
            HelpName = "URL",
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"Key that writes (POST /api/ingest) must send in X-Api-Key, at least {ServeOptions.MinApiKeyLength} characters " +
                $"(default: ${ApiKeyVariable}). Without a key every write is refused and the server is read-only",
            HelpName = "KEY",
        };
        var allowRemote = new Option<bool>("--allow-remote")
        {
            Description = "Allow listening on addresses other than loopback. Reads are then open to the network; writes still need the API key",
        };
        var command = new Command(
            "serve",
            "Serve the database over HTTP: the JSON API under /api (OpenAPI at /openapi/v1.json) and the web UI. " +
            "Listens on loopback only unless --allow-remote; read-only unless an API key is set")
        {
            urls, apiKey, allowRemote,
        };
        command.SetAction(async (parse, ct) =>
        {
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            var options = new ServeOptions
            {
                DatabasePath = parse.GetValue(db)!,
                Urls = parse.GetValue(urls)!,
                ApiKey = string.IsNullOrEmpty(key) ? null : key,
                AllowRemote = parse.GetValue(allowRemote),
            };

            WebApplication app;
            try
            {
                app = await ParallaxServer.BuildAsync(options, [], ct).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
            }

            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(ct).ConfigureAwait(false);
                await console.Error.WriteLineAsync(
                    $"serving {options.DatabasePath} on {options.Urls} ({(options.ApiKey is null ? "read-only: no API key" : "writes need X-Api-Key")}); Ctrl-C stops")
                    .ConfigureAwait(false);
                try
                {
                    await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl-C: stop below.
                }

                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
