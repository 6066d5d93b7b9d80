using BananTourism.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using BananTourism.Domain.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace BananTourism.Api.Hosting;

public static class AuthSetup
{
    public const string Admin = "admin";
    public const string Tourist = "tourist";
    public const string Operator = "operator";
    public const string Officer = "officer";

    /// <summary>Who sees today's board: officers, admins, and operators (their own venues).</summary>
    public const string TodayBoard = "todayBoard";

    private const string PathScheme = "bearer-or-cookie";

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddBearerAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = JwtTokenIssuer.SigningKeyOf(options);
        services.AddSingleton(options);
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<SessionChecks>();

        // The API (/api/...) takes only bearer tokens, so a browser's cookie can never ride a cross-site request
        // into it; the web pages take only the sign-in cookie, and their forms carry antiforgery tokens.
        services.AddAuthentication(PathScheme)
            .AddPolicyScheme(PathScheme, null, scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<TimeProvider, IHostEnvironment>((cookie, clock, environment) =>
        {
            cookie.TimeProvider = clock;
            cookie.Cookie.Name = "banan.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Behind a TLS-terminating proxy the app sees http: name the proxy in ForwardedHeaders:KnownNetworks there.
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Events.OnValidatePrincipal = StillTheSameAccountAsync;
        });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((jwt, clock) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = key,
                NameClaimType = Claims.Subject,
                RoleClaimType = Claims.Role,

                // Judge expiry by the same clock that issued the token.
                LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore <= now + Skew) && expires is { } e && now - Skew < e;
                },
            };
            jwt.Events = new JwtBearerEvents
            {
                // A token outlives its role, password or account by at most SessionChecks.Fresh.
                OnTokenValidated = async context =>
                {
                    var checks = context.HttpContext.RequestServices.GetRequiredService<SessionChecks>();
                    if (!await checks.StandsAsync(context.Principal!, context.HttpContext.RequestServices, fresh: false, context.HttpContext.RequestAborted))
                    {
                        context.Fail("The account changed since this token was issued; sign in again.");
                    }
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in.",
                        "Send a valid bearer token from POST /api/v1/auth/login.");
                },
                OnForbidden = context => WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden,
                    "Not allowed.", "Your role cannot use this endpoint."),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, p => p.RequireRole(Claims.RoleName(Role.Admin)))
            .AddPolicy(Tourist, p => p.RequireRole(Claims.RoleName(Role.Tourist)))
            .AddPolicy(Operator, p => p.RequireRole(Claims.RoleName(Role.Operator)))
            .AddPolicy(Officer, p => p.RequireRole(Claims.RoleName(Role.Officer), Claims.RoleName(Role.Admin)))
            .AddPolicy(TodayBoard, p => p.RequireRole(Claims.RoleName(Role.Officer), Claims.RoleName(Role.Admin), Claims.RoleName(Role.Operator)));
        return services;
    }

    /// <summary>A page session lasts hours: each request checks the account still exists with the same role and
    /// security stamp (a new password, role or removal ends it at once).</summary>
    private static async Task StillTheSameAccountAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is not { } principal
            || !await services.GetRequiredService<SessionChecks>().StandsAsync(principal, services, fresh: true, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static async Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
