using System.Security.Cryptography;
using System.Text;
using BananTourism.Domain.Common;

namespace BananTourism.Domain.Users;

/// <summary>A 6-digit code sent by SMS to prove a tourist receives messages at a mobile number. Only a salted hash
/// is kept; it is valid for <see cref="Lifetime"/> and for <see cref="MaxAttempts"/> wrong tries, after which it is
/// void. A newer code voids older ones.</summary>
public sealed class PhoneCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int MaxAttempts = 5;

    private PhoneCode()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Phone { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Wrong tries so far; counted by a conditional UPDATE, so parallel guesses get five in all.</summary>
    public int Attempts { get; private set; }

    /// <summary>When it was used, or voided by a newer code.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A new code from a CSPRNG, and the row that keeps its hash.</summary>
    public static (PhoneCode Row, string Code) Issue(Guid userId, string phone, DateTimeOffset now)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var row = new PhoneCode
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Phone = phone,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        row.CodeHash = Hash(row.Id, code);
        return (row, code);
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && Attempts < MaxAttempts && now < ExpiresAt;

    /// <summary>Compares in constant time, so the time of an answer says nothing of how close a guess was.</summary>
    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Id, code)), Encoding.ASCII.GetBytes(CodeHash));

    /// <summary>SHA-256 over the row's id and the code: the same code gives another hash in every row.</summary>
    private static string Hash(Guid id, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));
}

public static class PhoneCodeErrors
{
    public static readonly Error InvalidCode = Error.Invalid("invalid_code", "code", "The code is not right; check the SMS and try again.");

    public static readonly Error CodeExpired = Error.Invalid(
        "code_expired", "code", "This code has expired or was tried too many times; ask for a new one.");

    public static Error TooManyCodes(TimeSpan retryAfter) => Error.TooManyRequests(
        "rate_limited", "Too many codes were sent to this number or account; wait before asking again.", retryAfter);
}
