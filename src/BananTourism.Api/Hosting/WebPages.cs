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

        // The pages' words: Resources/Pages/PageText.resx (Simplified Chinese, neutral) and PageText.en.resx.
        services.AddLocalization(options => options.ResourcesPath = "Resources");

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
        Pages.UiText.Use(app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Pages.PageText>>());
        return app;
    }

    /// <summary>Error statuses of page requests from a browser (it asks for HTML) get an error page in the page's
    /// language; the API and other clients keep their problem+json.</summary>
    public static WebApplication UseWebPageErrors(this WebApplication app)
    {
        app.UseWhen(IsBrowserPage, branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    public static bool IsBrowserPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api")
        && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

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
            return Results.LocalRedirect(LocalPath.Or(returnUrl));
        }).ExcludeFromDescription();
        return app;
    }
}
