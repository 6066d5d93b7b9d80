using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.GetAccount;

/// <summary>An account as it is now, for the host to re-check a long-lived page session against (an account
/// removed or given another role since sign-in loses the session). Not exposed over HTTP.</summary>
[Allowed(Caller.Anyone)]
public sealed record GetAccount(Guid Id) : IQuery<Result<MeDto>>;

public sealed class GetAccountHandler(IAppDbContext db) : IQueryHandler<GetAccount, Result<MeDto>>
{
    public async ValueTask<Result<MeDto>> Handle(GetAccount query, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.Id)
            .Select(u => new MeDto(u.Id, u.Email, u.DisplayName, u.VerifiedPhone ?? u.Phone, u.VerifiedPhone != null, u.Role, u.TownshipId))
            .SingleOrDefaultAsync(ct);
        return account is null ? UserErrors.NotSignedIn : account;
    }
}
