using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Notifications.SetNotificationPreferences;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications.GetNotificationPreferences;

[Allowed(Caller.SignedIn)]
public sealed record GetNotificationPreferences : IQuery<Result<NotificationPreferences>>;

public sealed class GetNotificationPreferencesHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetNotificationPreferences, Result<NotificationPreferences>>
{
    public async ValueTask<Result<NotificationPreferences>> Handle(GetNotificationPreferences query, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == currentUser.Id && u.DisabledAt == null)
            .Select(u => new NotificationPreferences(!u.EmailMuted, u.SmsWanted, !u.RemindersMuted)).SingleOrDefaultAsync(ct);
        return me is null ? UserErrors.NotSignedIn : me;
    }
}
