namespace BananTourism.Domain.Users;

/// <summary>Failed sign-ins for one email address (known or not, so the answers say nothing of which accounts
/// exist): every attempt is counted before its password is checked, and after <see cref="FreeFailures"/> in a row
/// each further one locks the address for twice as long, from one minute up to <see cref="LongestLock"/>; the right
/// password clears the count. Kept in the database, so every replica and every client address sees the same count;
/// the per-address rate limiter in front is only a first filter.</summary>
public sealed class SignInThrottle
{
    public const int FreeFailures = 4;

    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);

    /// <summary>A failure this long after the last starts counting from one again: far longer than the longest lock,
    /// so waiting out the locks does not restart the ladder.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromHours(24);

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
