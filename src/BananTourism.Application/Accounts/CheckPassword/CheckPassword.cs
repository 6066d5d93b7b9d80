using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.CheckPassword;

/// <summary>The web pages' sign-in: checks the password and answers who it is, for a cookie rather than a token.</summary>
[Allowed(Caller.Anyone)]
public sealed record CheckPassword(string Email, string Password) : ICommand<Result<PageSession>>;

/// <summary>Who signed in, and the account's security stamp for the cookie to carry.</summary>
public sealed record PageSession(MeDto Account, string SecurityStamp);

public sealed class CheckPasswordHandler(IAppDbContext db, IWriteTransactions writes, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<CheckPassword, Result<PageSession>>
{
    public async ValueTask<Result<PageSession>> Handle(CheckPassword command, CancellationToken cancellationToken)
    {
        var verified = await Credentials.VerifyAsync(db, writes, hasher, clock, command.Email, command.Password, cancellationToken);
        if (!verified.IsSuccess)
        {
            return Result<PageSession>.Failure(verified.Errors);
        }

        var user = verified.Value;
        return new PageSession(
            new MeDto(user.Id, user.Email, user.DisplayName, user.VerifiedPhone ?? user.Phone, user.VerifiedPhone != null, user.Role, user.TownshipId),
            user.SecurityStamp);
    }
}
