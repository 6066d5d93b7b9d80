using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.CreateUser;
using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Accounts.Login;
using BananTourism.Application.Accounts.Register;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Sign-up, sign-in, the caller's profile, and accounts an admin creates.</summary>
public sealed class Accounts : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/register", Register).WithName(nameof(Register));
        auth.MapPost("/login", Login).WithName(nameof(Login));

        app.MapGet("/api/v1/me", GetMe).WithTags("Accounts").WithName(nameof(GetMe)).RequireAuthorization();
        app.MapPost("/api/v1/admin/users", CreateUser).WithTags("Admin").WithName(nameof(CreateUser))
            .RequireAuthorization(AuthSetup.Admin);
    }

    public static async Task<Results<Created<RegisteredUser>, ProblemHttpResult>> Register(
        Register command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(_ => "/api/v1/me");

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login(
        Login command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetMe(ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetMe(), ct)).ToOk();

    public static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> CreateUser(
        CreateUser command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(u => $"/api/v1/admin/users/{u.Id}");
}
