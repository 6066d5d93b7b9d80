using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications.SetNotificationPreferences;

/// <summary>How the caller hears from the service: email, SMS (to the verified phone), the day-before reminder.
/// Confirmations, cancellations and closures ignore <see cref="Reminders"/>.</summary>
[Allowed(Caller.SignedIn)]
public sealed record SetNotificationPreferences(bool? Email, bool? Sms, bool? Reminders) : ICommand<Result<NotificationPreferences>>;

public sealed record NotificationPreferences(bool Email, bool Sms, bool Reminders);

public sealed class SetNotificationPreferencesHandler(IAppDbContext db, ICurrentUser currentUser)
    : ICommandHandler<SetNotificationPreferences, Result<NotificationPreferences>>
{
    public async ValueTask<Result<NotificationPreferences>> Handle(SetNotificationPreferences command, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == currentUser.Id && u.DisabledAt == null, ct);
        if (user is null)
        {
            return UserErrors.NotSignedIn;
        }

        user.SetNotificationPreferences(command.Email!.Value, command.Sms!.Value, command.Reminders!.Value);
        await db.SaveChangesAsync(ct);
        return new NotificationPreferences(!user.EmailMuted, user.SmsWanted, !user.RemindersMuted);
    }
}

public sealed class SetNotificationPreferencesValidator : AbstractValidator<SetNotificationPreferences>
{
    public SetNotificationPreferencesValidator()
    {
        RuleFor(c => c.Email).NotNull();
        RuleFor(c => c.Sms).NotNull();
        RuleFor(c => c.Reminders).NotNull();
    }
}
