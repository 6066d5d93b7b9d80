using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BananTourism.Application.Common;
using BananTourism.Infrastructure.Background;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BananTourism.Api.Hosting;

/// <summary>What an operator sees from outside: metrics on /metrics (Prometheus) from ASP.NET Core, HttpClient
/// (Stripe, SMS), EF Core, the runtime and the business counters; traces and metrics over OTLP where
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; JSON log lines outside Development, each with its trace id.</summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    private static int _listeningToJobs;

    private static readonly ActivityListener JobActivities = new()
    {
        ShouldListenTo = source => source.Name == BananMetrics.JobsSourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line for the log collector; the scopes carry TraceId and SpanId.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("banan-tourism", serviceInstanceId: JobLeases.Me))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddMeter(BananMetrics.MeterName)
                .AddPrometheusExporter());
        if (otlp)
        {
            // Traces only where they go somewhere: recording spans nobody collects would cost every request.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(asp => asp.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(BananMetrics.JobsSourceName));
            telemetry.UseOtlpExporter();
        }
        else if (Interlocked.Exchange(ref _listeningToJobs, 1) == 0)
        {
            // The jobs' activities exist anyway (they are few), so a job's log lines carry a trace id like a request's.
            ActivitySource.AddActivityListener(JobActivities);
        }

        return builder;
    }

    /// <summary>/metrics answers a caller on this machine, and anyone with <c>Authorization: Bearer {Metrics:Token}</c>.
    /// Runs before the forwarded headers are applied and judges the connection itself: a caller is "on this machine"
    /// only if it connected over loopback and no proxy forwarded it (no X-Forwarded-For at all), so neither a
    /// trusted proxy nor a client can make a remote request look local. <c>Metrics:AllowLoopback=false</c> asks
    /// the token of everyone (for a proxy on the same host that forwards without X-Forwarded-For).</summary>
    public static WebApplication UseMetricsAccess(this WebApplication app)
    {
        var token = app.Configuration["Metrics:Token"];
        var loopback = app.Configuration.GetValue("Metrics:AllowLoopback", true);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase), metrics => metrics.Use(async (context, next) =>
        {
            if ((loopback && IsLocal(context)) || HasToken(context, token))
            {
                await next(context);
                return;
            }

            var status = string.IsNullOrEmpty(token) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            await Results.Problem(statusCode: status, detail: string.IsNullOrEmpty(token)
                    ? "Metrics are served to callers on this machine only; set Metrics:Token to let a scraper in with a bearer token."
                    : "Send Authorization: Bearer with the Metrics:Token.",
                extensions: new Dictionary<string, object?> { ["code"] = status == 401 ? "unauthorized" : "forbidden" })
                .ExecuteAsync(context);
        }));
        return app;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    private static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");

    private static bool HasToken(HttpContext context, string? token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return !string.IsNullOrEmpty(token)
               && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[bearer.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
