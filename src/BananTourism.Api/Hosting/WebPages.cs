using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace BananTourism.Api.Hosting;

/// <summary>Server-rendered pages: Simplified Chinese by default, English on request (a cookie set by the
/// language switch); forms carry antiforgery tokens.</summary>
public static class WebPages
{
    private static readonly CultureInfo[] Cultures = [new("zh-Hans"), new("en")];

    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Operator", AuthSetup.Operator);
            options.Conventions.AuthorizeFolder("/Officer", AuthSetup.Officer);
            options.Conventions.AddPageRoute("/Operator/VenueForm", "operator/venues/new");
            options.Conventions.AddPageRoute("/Operator/OfferingForm", "operator/venues/{venueId:guid}/offerings/new");
        });

        // Chinese in the pages as characters, not numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-Hans");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseWebPageLanguage(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPost("/language", (HttpContext context, TimeProvider clock, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture) ?? Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only back to a page of this site.
            var back = returnUrl is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/";
            return Results.LocalRedirect(back);
        }).ExcludeFromDescription();
        return app;
    }
}
