using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Accounts.RemoveUser;

/// <summary>An admin removes an account: it signs in no more and its tokens and sessions end at once. Its bookings,
/// venues and figures stay (they are the district's records), still pointing at it.</summary>
[Allowed(Caller.Admin)]
public sealed record RemoveUser(Guid Id) : ICommand<Result<Success>>;

public sealed partial class RemoveUserHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ILogger<RemoveUserHandler> logger)
    : ICommandHandler<RemoveUser, Result<Success>>
{
    public static readonly Error NotYourself = Error.Conflict("cannot_remove_self", "Admins cannot remove their own account.");

    public async ValueTask<Result<Success>> Handle(RemoveUser command, CancellationToken ct)
    {
        if (command.Id == currentUser.Id)
        {
            return NotYourself;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.Id && u.DisabledAt == null, ct);
        if (user is null)
        {
            return UserErrors.NotFound;
        }

        user.Disable(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        LogRemoved(user.Id, currentUser.Id);
        return Success.Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} removed by admin {AdminId}; its sessions end")]
    private partial void LogRemoved(Guid userId, Guid? adminId);
}
