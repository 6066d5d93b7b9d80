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

    /// <summary>A tourist's held, unpaid bookings right now; taken and given back by conditional UPDATEs in the
    /// same transactions as the holds, and checked against <c>Bookings:MaxUnpaidHolds</c>.</summary>
    public int UnpaidHolds { get; private set; }

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

    public static readonly Error PhoneTaken = Error.Conflict("phone_taken", "This mobile number is already verified by another account.");

    public static readonly Error UnknownTownship = Error.Validation("townshipId", "The township does not exist.");
}
