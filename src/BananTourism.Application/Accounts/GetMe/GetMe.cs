using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.GetMe;

[Allowed(Caller.SignedIn)]
public sealed record GetMe : IQuery<Result<MeDto>>;

/// <summary><see cref="Phone"/> is the verified number where there is one, else the one given at sign-up.</summary>
public sealed record MeDto(Guid Id, string Email, string DisplayName, string? Phone, bool PhoneVerified, Role Role, Guid? TownshipId);

public sealed class GetMeHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMe, Result<MeDto>>
{
    public async ValueTask<Result<MeDto>> Handle(GetMe query, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } id)
        {
            return UserErrors.NotSignedIn;
        }

        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.DisabledAt == null)
            .Select(u => new MeDto(u.Id, u.Email, u.DisplayName, u.VerifiedPhone ?? u.Phone, u.VerifiedPhone != null, u.Role, u.TownshipId))
            .SingleOrDefaultAsync(cancellationToken);

        // A token can outlive its account; such a caller is not signed in any more.
        return me is null ? UserErrors.NotSignedIn : me;
    }
}
