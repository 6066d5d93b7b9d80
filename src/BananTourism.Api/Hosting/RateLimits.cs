using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BananTourism.Api.Hosting;

/// <summary>Configuration section <c>RateLimits</c>: requests per minute per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and sign-up attempts per minute from one address: enough for a family sharing a
    /// village's Wi-Fi, far too few for password guessing.</summary>
    public int AuthPerMinute { get; set; } = 20;

    /// <summary>Booking and cancellation requests per minute per signed-in tourist (or address).</summary>
    public int BookingsPerMinute { get; set; } = 30;
}

public static class RateLimits
{
    public const string Auth = "auth";
    public const string Bookings = "bookings";
    public const string PageAuth = "page-auth";
    public const string PageBookings = "page-bookings";

    private static bool IsRead(HttpContext context) => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);

    private static RateLimitPartition<string> AuthPartition(HttpContext context, RateLimitOptions options) =>
        RateLimitPartition.GetFixedWindowLimiter(
            "auth:" + ClientAddress.Partition(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AuthPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static RateLimitPartition<string> BookingsPartition(HttpContext context, RateLimitOptions options) =>
        RateLimitPartition.GetFixedWindowLimiter(
            "bookings:" + (context.User.FindFirst(Claims.Subject)?.Value ?? ClientAddress.Partition(context.Connection.RemoteIpAddress)),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.BookingsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Auth, context => AuthPartition(context, options));
            limiter.AddPolicy(Bookings, context => BookingsPartition(context, options));

            // The web pages' forms: the same limits on what they send, none on reading the pages themselves
            // (a Razor page is one endpoint for its GET and its POST).
            limiter.AddPolicy(PageAuth, context => IsRead(context) ? RateLimitPartition.GetNoLimiter("read") : AuthPartition(context, options));
            limiter.AddPolicy(PageBookings, context => IsRead(context) ? RateLimitPartition.GetNoLimiter("read") : BookingsPartition(context, options));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (WebPages.IsBrowserPage(http))
                {
                    return; // the status alone: the error page says it in the reader's language
                }

                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = $"Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                };
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
        return services;
    }
}
