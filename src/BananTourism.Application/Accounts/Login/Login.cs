using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts.Login;

public sealed record Login(string Email, string Password) : ICommand<Result<LoginResponse>>;

public sealed record LoginResponse(string AccessToken, int ExpiresIn, Role Role);

public sealed class LoginHandler(IAppDbContext db, IPasswordHasher hasher, ITokenIssuer tokens)
    : ICommandHandler<Login, Result<LoginResponse>>
{
    public async ValueTask<Result<LoginResponse>> Handle(Login command, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(command.Email);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);

        // Verify against a dummy hash for unknown emails so timing does not reveal which accounts exist.
        var valid = hasher.Verify(user?.PasswordHash ?? hasher.DummyHash, command.Password);
        if (user is null || !valid)
        {
            return UserErrors.InvalidCredentials;
        }

        var token = tokens.Issue(user);
        return new LoginResponse(token.AccessToken, token.ExpiresIn, user.Role);
    }
}
