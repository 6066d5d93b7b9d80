namespace BananTourism.Api.Hosting;

/// <summary>Response headers that keep the pages from being framed, sniffed or made to run foreign scripts.
/// Every script the pages run is a file of their own (JSON data blocks are not run); a page that shows Stripe's
/// payment form says so (<see cref="AllowStripe"/>) and gets Stripe's origins as well. The interactive API
/// reference (/docs, Scalar) runs its inline start-up script, so it alone allows inline script and style.</summary>
public static class SecurityHeaders
{
    private const string StripeKey = "banan.csp.stripe";

    private const string Common =
        "default-src 'self'; img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; media-src 'self' blob: mediastream:";

    private const string Pages = Common + "; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'none'";

    private const string WithStripe = Common +
        "; script-src 'self' https://js.stripe.com; style-src 'self'; connect-src 'self' https://api.stripe.com; " +
        "frame-src https://js.stripe.com https://hooks.stripe.com";

    private const string ApiReference = Common + "; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self'";

    /// <summary>This response shows Stripe's Payment Element: allow js.stripe.com's script and frames.</summary>
    public static void AllowStripe(HttpContext context) => context.Items[StripeKey] = true;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") || context.Request.Path.StartsWithSegments("/scalar")
                ? ApiReference
                : context.Items.ContainsKey(StripeKey) ? WithStripe : Pages;
            return Task.CompletedTask;
        });
        await next();
    });
}
