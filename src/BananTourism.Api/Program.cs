using System.Diagnostics;
using BananTourism.Api.Hosting;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using BananTourism.Infrastructure.Seeding;
using BananTourism.Application;
using Mediator;

if (args.Contains("--healthcheck"))
{
    // For container health checks: the runtime image has no curl.
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
SafeDefaults.Check(builder.Configuration, builder.Environment);
builder.AddTelemetry();

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 256 * 1024);
builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.Configure(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
{
    var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
    context.ProblemDetails.Extensions.TryAdd("code", ErrorResults.CodeForStatus(status));
    // The W3C trace id: the same one the log lines and the traces carry, so a reported error can be found.
    context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
});
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddBearerAuth(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddOperations();
builder.Services.AddWebPages();

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(IAppDbContext)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(OpenConnectionBehavior<,>),
    ];
});

var app = builder.Build();

if (args.Contains("--migrate"))
{
    // Production databases change only when someone asks: `BananTourism.Api --migrate`.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
    return 0;
}

if (args.Contains("--wait-for-schema"))
{
    // A Kubernetes init container: the pod starts serving only once the migrate Job has brought the schema up to date.
    return await app.WaitForSchemaAsync(TimeSpan.FromMinutes(10));
}

SafeDefaults.WarnOfRiskySettings(app);
await app.InitializeDatabaseAsync();

if (await app.RunMaintenanceCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

app.UseMetricsAccess(); // before the forwarded headers: it judges the connection as it came
if (TrustedProxies.Configured(app.Configuration))
{
    app.UseForwardedHeaders();
}

if (!app.Environment.IsDevelopment())
{
    app.UseHsts(); // on HTTPS requests (behind the TLS proxy, with forwarded headers on)
}

app.UseSecurityHeaders();
app.MapMetrics();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseWebPageLanguage();
app.UseWebPageErrors();
app.UseRouting(); // after the error pages, so that their re-executed request is routed again
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOperations();
app.MapEndpointGroups();
app.MapWebPages();

await app.RunAsync();
return 0;

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
