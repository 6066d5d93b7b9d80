using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.CheckPassword;

/// <summary>The web pages' sign-in: checks the password and answers who it is, for a cookie rather than a token.</summary>
[Allowed(Caller.Anyone)]
public sealed record CheckPassword(string Email, string Password) : ICommand<Result<MeDto>>;

public sealed class CheckPasswordHandler(IAppDbContext db, IPasswordHasher hasher) : ICommandHandler<CheckPassword, Result<MeDto>>
{
    public async ValueTask<Result<MeDto>> Handle(CheckPassword command, CancellationToken cancellationToken)
    {
        var user = await Credentials.VerifyAsync(db, hasher, command.Email, command.Password, cancellationToken);
        return user is null
            ? UserErrors.InvalidCredentials
            : new MeDto(user.Id, user.Email, user.DisplayName, user.VerifiedPhone ?? user.Phone, user.VerifiedPhone != null, user.Role, user.TownshipId);
    }
}
