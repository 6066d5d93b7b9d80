using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.ChangePassword;
using BananTourism.Application.Accounts.ChangeUserRole;
using BananTourism.Application.Accounts.CreateUser;
using BananTourism.Application.Accounts.RemoveUser;
using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Accounts.Login;
using BananTourism.Application.Accounts.Register;
using BananTourism.Application.Accounts.RequestPhoneCode;
using BananTourism.Application.Accounts.VerifyPhone;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Sign-up, sign-in, the caller's profile, and accounts an admin creates.</summary>
public sealed class Accounts : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/register", Register).WithName(nameof(Register))
            .WithDescription("Creates a tourist account (201). Then sign in with `POST /api/v1/auth/login`; a tourist verifies a phone before the first booking.");
        auth.MapPost("/login", Login).WithName(nameof(Login))
            .WithDescription("Exchanges email and password for a bearer token (`accessToken`, valid `expiresIn` seconds). Repeated failures are slowed down (429 with `Retry-After`).");

        app.MapGet("/api/v1/me", GetMe).WithTags("Accounts").WithName(nameof(GetMe)).RequireAuthorization();

        // Codes are limited per number and account in the database; the per-address limiter is a first filter.
        var phone = app.MapGroup("/api/v1/me/phone").WithTags("Accounts").RequireAuthorization(AuthSetup.Tourist).RequireRateLimiting(RateLimits.Auth);
        phone.MapPost("/code", RequestPhoneCode).WithName(nameof(RequestPhoneCode));
        phone.MapPost("/verify", VerifyPhone).WithName(nameof(VerifyPhone));
        app.MapPost("/api/v1/admin/users", CreateUser).WithTags("Admin").WithName(nameof(CreateUser))
            .RequireAuthorization(AuthSetup.Admin);
        app.MapPut("/api/v1/admin/users/{id:guid}", ChangeUserRole).WithTags("Admin").WithName(nameof(ChangeUserRole))
            .RequireAuthorization(AuthSetup.Admin);
        app.MapDelete("/api/v1/admin/users/{id:guid}", RemoveUser).WithTags("Admin").WithName(nameof(RemoveUser))
            .RequireAuthorization(AuthSetup.Admin);
        app.MapPost("/api/v1/me/password", ChangePassword).WithTags("Accounts").WithName(nameof(ChangePassword))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Auth);
    }


    public static async Task<Results<Created<RegisteredUser>, ProblemHttpResult>> Register(
        Register command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(_ => "/api/v1/me");

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        Login command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetMe(ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetMe(), ct)).ToOk();

    /// <summary>202: the code is on its way by SMS (valid 10 minutes); 429 with Retry-After past the sending limits.</summary>
    public static async Task<Results<Accepted<PhoneCodeSent>, ProblemHttpResult>> RequestPhoneCode(
        RequestPhoneCode command, HttpRequest request, ISender sender, CancellationToken ct) =>
        (await sender.Send(command with { Language = MessageLanguage.Of(request) }, ct)).Match<Results<Accepted<PhoneCodeSent>, ProblemHttpResult>>(
            sent => TypedResults.Accepted((string?)null, sent), errors => errors.ToProblem());

    public static async Task<Results<Ok<PhoneVerified>, ProblemHttpResult>> VerifyPhone(
        VerifyPhone command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    /// <summary>Another role or township for a staff account; its tokens and sessions end (within a minute for tokens).</summary>
    public static async Task<Results<Ok<CreatedUser>, ProblemHttpResult>> ChangeUserRole(
        Guid id, StaffRole body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ChangeUserRole(id, body), ct)).ToOk();

    /// <summary>The account signs in no more; its bookings and records stay.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveUser(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RemoveUser(id), ct)).ToNoContent();

    /// <summary>A new password ends every other session of the account; the answer is a fresh token.</summary>
    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> ChangePassword(
        ChangePassword command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    public static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> CreateUser(
        CreateUser command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(u => $"/api/v1/admin/users/{u.Id}");
}
