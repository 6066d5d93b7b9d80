using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.Login;

[Allowed(Caller.Anyone)]
public sealed record Login(string Email, string Password) : ICommand<Result<LoginResponse>>;

public sealed record LoginResponse(string AccessToken, int ExpiresIn, Role Role);

public sealed class LoginHandler(IAppDbContext db, IWriteTransactions writes, IPasswordHasher hasher, ITokenIssuer tokens, TimeProvider clock)
    : ICommandHandler<Login, Result<LoginResponse>>
{
    public async ValueTask<Result<LoginResponse>> Handle(Login command, CancellationToken cancellationToken)
    {
        var user = await Credentials.VerifyAsync(db, writes, hasher, clock, command.Email, command.Password, cancellationToken);
        if (!user.IsSuccess)
        {
            return Result<LoginResponse>.Failure(user.Errors);
        }

        var token = tokens.Issue(user.Value);
        return new LoginResponse(token.AccessToken, token.ExpiresIn, user.Value.Role);
    }
}
