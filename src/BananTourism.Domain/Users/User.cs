using BananTourism.Domain.Common;

namespace BananTourism.Domain.Users;

public sealed class User
{
    private User()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    /// <summary>Upper-invariant email; unique, so two sign-ups with the same address cannot both succeed.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>The mobile number given at sign-up or verified last; see <see cref="VerifiedPhone"/>.</summary>
    public string? Phone { get; private set; }

    /// <summary>The mobile number this account proved it receives SMS at; unique across accounts, so one phone
    /// cannot vouch for a crowd of fresh accounts.</summary>
    public string? VerifiedPhone { get; private set; }

    public DateTimeOffset? PhoneVerifiedAt { get; private set; }

    public Role Role { get; private set; }

    /// <summary>The township an officer is responsible for.</summary>
    public Guid? TownshipId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes whenever what a sign-in vouched for changes (role, password, the account removed): tokens and
    /// page sessions carry the stamp they were issued with, and one with an old stamp is refused.</summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    /// <summary>Set when an admin removes the account; bookings keep pointing at it, but it signs in no more.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>A tourist's held, unpaid bookings right now; taken and given back by conditional UPDATEs in the
    /// same transactions as the holds, and checked against <c>Bookings:MaxUnpaidHolds</c>.</summary>
    public int UnpaidHolds { get; private set; }

    /// <summary>Messages by email are on unless muted (stored as "muted" so that existing accounts default to on).</summary>
    public bool EmailMuted { get; private set; }

    /// <summary>Messages by SMS to the verified phone, off unless asked for.</summary>
    public bool SmsWanted { get; private set; }

    /// <summary>The day-before reminder, on unless muted. Confirmations, cancellations and closures ignore it.</summary>
    public bool RemindersMuted { get; private set; }

    public void SetNotificationPreferences(bool email, bool sms, bool reminders)
    {
        EmailMuted = !email;
        SmsWanted = sms;
        RemindersMuted = !reminders;
    }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static User Create(
        string email, string displayName, string? phone, Role role, Guid? townshipId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Email = email.Trim(),
            NormalizedEmail = Normalize(email),
            DisplayName = displayName.Trim(),
            Phone = phone,
            Role = role,
            TownshipId = role == Role.Officer ? townshipId : null,
            CreatedAt = now,
        };

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    /// <summary>A new password ends every session signed in with the old one.</summary>
    public void ChangePassword(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = NewStamp();
    }

    /// <summary>Another role (or township) ends the sessions that carried the old one.</summary>
    public void ChangeRole(Role role, Guid? townshipId)
    {
        Role = role;
        TownshipId = role == Role.Officer ? townshipId : null;
        SecurityStamp = NewStamp();
    }

    public void Disable(DateTimeOffset now)
    {
        DisabledAt ??= now;
        SecurityStamp = NewStamp();
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    public void VerifyPhone(string phone, DateTimeOffset now)
    {
        Phone = phone;
        VerifiedPhone = phone;
        PhoneVerifiedAt = now;
    }
}

public static class UserErrors
{
    public static readonly Error EmailTaken = Error.Conflict("email_taken", "An account with this email already exists.");

    public static readonly Error InvalidCredentials =
        Error.Unauthorized("invalid_credentials", "The email or password is wrong.");

    public static readonly Error NotFound = Error.NotFound("not_found", "The account does not exist.");

    public static readonly Error NotSignedIn = Error.Unauthorized("unauthorized", "Sign in first.");

    public static Error TooManySignIns(TimeSpan retryAfter) => Error.TooManyRequests(
        "rate_limited", "Too many failed sign-ins for this account; wait before trying again.", retryAfter);

    public static readonly Error CannotChangeTourist = Error.Validation(
        "role", "Tourists are not made operators or officers; create a staff account for them instead.");

    public static readonly Error PhoneTaken = Error.Conflict("phone_taken", "This mobile number is already verified by another account.");

    public static readonly Error UnknownTownship = Error.Validation("townshipId", "The township does not exist.");
}
