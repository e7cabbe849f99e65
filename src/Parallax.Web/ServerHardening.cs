using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parallax.Web;

/// <summary>
/// What every response gets whatever produced it: problem details for errors without a word of the exception,
/// security headers, a body size limit and a rate limit on writes; and the check that the server listens on
/// loopback unless told otherwise.
/// </summary>
internal static partial class ServerHardening
{
    internal const string WritePolicy = "writes";

    /// <summary>Content-Security-Policy of pages: nothing inline, nothing from elsewhere, never framed.</summary>
    internal const string PageContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>JSON is never a document: it may load nothing at all.</summary>
    internal const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Refuses addresses other than loopback unless <see cref="ServeOptions.AllowRemote"/>, and short API keys.</summary>
    /// <exception cref="ArgumentException">The options would expose the server or protect it with a guessable key.</exception>
    internal static void Validate(ServeOptions options)
    {
        if (options.ApiKey is { } key && key.Trim().Length < ServeOptions.MinApiKeyLength)
        {
            throw new ArgumentException($"the API key must be at least {ServeOptions.MinApiKeyLength} characters", nameof(options));
        }

        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new ArgumentException("no address to listen on", nameof(options));
        }

        foreach (var url in urls)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new ArgumentException($"not an address to listen on: {url}", nameof(options));
            }

            if (!options.AllowRemote && !IsLoopback(address.Host))
            {
                throw new ArgumentException(
                    $"{url} is not a loopback address; pass --allow-remote to listen beyond this machine", nameof(options));
            }
        }
    }

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    internal static void AddHardening(this IServiceCollection services, ServeOptions options)
    {
        services.AddProblemDetails();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.WriteRequestsPerWindow,
                    Window = options.WriteWindow,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new ValueTask(WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many write requests; try again later."));
            };
        });
    }

    internal static void UseHardening(this WebApplication app, ServeOptions options)
    {
        app.Use(async (context, next) =>
        {
            var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "no-referrer");
                headers.TryAdd("Content-Security-Policy", isApi ? ApiContentSecurityPolicy : PageContentSecurityPolicy);
                return Task.CompletedTask;
            });

            // The server's own limit, enforced here too because a test host or a proxy in front may not enforce Kestrel's.
            if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxRequestBodyBytes} bytes.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var status = error switch
                {
                    BadHttpRequestException bad => bad.StatusCode,
                    InvalidDataException => StatusCodes.Status413PayloadTooLarge, // a multipart limit was passed
                    _ => StatusCodes.Status500InternalServerError,
                };
                if (status >= StatusCodes.Status500InternalServerError)
                {
                    var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Parallax.Web");
                    LogUnhandled(logger, context.Request.Method, context.Request.Path, error);
                }

                // The client learns the status, never the exception: its message may name files, SQL or internals.
                return WriteProblemAsync(context, status, null);
            },
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
    }

    /// <summary>An RFC 7807 problem: status, the standard title, and a detail written by us (never an exception's text).</summary>
    internal static Task WriteProblemAsync(HttpContext context, int status, string? detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail },
        }).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception? error);
}
