using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts.GetSessionState;

/// <summary>What a sign-in is checked against while it lasts: the account's role and security stamp now. A token
/// or a page session whose stamp or role differs, or whose account is gone, is refused. Used by the host while it
/// authenticates a request (so before anybody is signed in); not exposed over HTTP.</summary>
[Allowed(Caller.Anyone)]
public sealed record GetSessionState(Guid UserId) : IQuery<Result<SessionState>>;

public sealed record SessionState(Guid UserId, Role Role, string SecurityStamp);

public sealed class GetSessionStateHandler(IAppDbContext db) : IQueryHandler<GetSessionState, Result<SessionState>>
{
    public async ValueTask<Result<SessionState>> Handle(GetSessionState query, CancellationToken ct)
    {
        var state = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId && u.DisabledAt == null)
            .Select(u => new SessionState(u.Id, u.Role, u.SecurityStamp))
            .SingleOrDefaultAsync(ct);
        return state is null ? UserErrors.NotSignedIn : state;
    }
}
