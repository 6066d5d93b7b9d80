using BananTourism.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace BananTourism.Api.Hosting;

/// <summary>Health probes and the API reference.</summary>
public static class Operations
{
    private const string Ready = "ready";

    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [Ready]);
        services.AddOpenApi(ApiDescription.Configure);
        return services;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // No fonts from Scalar's CDN: the page keeps to its own origin (SecurityHeaders) and loads in China without it.
        // The auth button offers the bearer scheme: paste the accessToken of POST /api/v1/auth/login.
        app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("BananTourism API").DisableDefaultFonts()
            .AddPreferredSecuritySchemes(ApiDescription.BearerScheme)).AllowAnonymous();
        return app;
    }
}
