namespace BananTourism.Domain.Users;

/// <summary>Failed sign-ins for one email address (known or not, so the answers say nothing of which accounts
/// exist): after <see cref="FreeFailures"/> in a row, each further failure locks the address for twice as long,
/// from one minute up to <see cref="LongestLock"/>. Kept in the database, so every replica sees the same count;
/// the per-address rate limiter in front is only a first filter.</summary>
public sealed class SignInThrottle
{
    public const int FreeFailures = 4;

    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);

    /// <summary>A run of failures this far apart starts again from one.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromMinutes(30);

    private SignInThrottle()
    {
    }

    public SignInThrottle(string key, DateTimeOffset now)
    {
        Key = key;
        Failures = 1;
        LastFailureAt = now;
    }

    /// <summary>The normalized email.</summary>
    public string Key { get; private set; } = "";

    public int Failures { get; private set; }

    public DateTimeOffset LastFailureAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>How long the failure numbered <paramref name="failures"/> locks the address: none for the first four,
    /// then 1, 2, 4, 8 minutes and at most 15.</summary>
    public static TimeSpan? LockAfter(int failures) => failures <= FreeFailures
        ? null
        : TimeSpan.FromMinutes(Math.Min(LongestLock.TotalMinutes, Math.Pow(2, Math.Min(failures - FreeFailures - 1, 10))));
}
