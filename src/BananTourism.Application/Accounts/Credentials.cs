using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts;

/// <summary>The one place a password is checked: the API's token sign-in, the pages' cookie sign-in and a password
/// change. Every attempt is counted against its email address in the database before the password is looked at
/// (<see cref="SignInThrottle"/>), so parallel guesses, replicas or other addresses cannot pass the lock; the right
/// password then clears the count.</summary>
internal static class Credentials
{
    public static async Task<Result<User>> VerifyAsync(
        IAppDbContext db, IWriteTransactions writes, IPasswordHasher hasher, TimeProvider clock, string email, string password, CancellationToken ct)
    {
        var key = User.Normalize(email);
        var now = clock.GetUtcNow();
        var reserved = await writes.RunAsync((tx, token) => ReserveAttemptAsync(tx, key, now, token), ct);
        if (!reserved.IsSuccess)
        {
            return Result<User>.Failure(reserved.Errors); // locked: the password is not even looked at
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == key && u.DisabledAt == null, ct);

        // Verify against a dummy hash for unknown emails so timing does not reveal which accounts exist.
        var valid = hasher.Verify(user?.PasswordHash ?? hasher.DummyHash, password);
        if (user is null || !valid)
        {
            return UserErrors.InvalidCredentials;
        }

        await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.SignInThrottles.Where(t => t.Key == key)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Failures, 0).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), token)), ct);
        return user;
    }

    /// <summary>Counts this attempt as a failure unless the address is locked (then refuses it), and locks the
    /// address when this attempt is past the free ones. A right password clears the count afterwards.</summary>
    private static async Task<Result<int>> ReserveAttemptAsync(IAppDbContext tx, string key, DateTimeOffset now, CancellationToken ct)
    {
        var forgotten = now - SignInThrottle.Forget;
        var counted = await tx.SignInThrottles
            .Where(t => t.Key == key && (t.LockedUntil == null || t.LockedUntil <= now))
            .ExecuteUpdateAsync(t => t
                .SetProperty(x => x.Failures, x => x.LastFailureAt < forgotten ? 1 : x.Failures + 1)
                .SetProperty(x => x.LastFailureAt, now), ct);
        if (counted == 0)
        {
            var throttle = await tx.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, ct);
            if (throttle?.LockedUntil is { } until)
            {
                return UserErrors.TooManySignIns(until - now);
            }

            // The address's first attempt; on SQL Server a parallel first attempt loses at the key and is retried.
            tx.SignInThrottles.Add(new SignInThrottle(key, now));
            await tx.SaveChangesAsync(ct);
            return 1;
        }

        // The UPDATE above holds the row until commit, so this reads this attempt's own count.
        var failures = await tx.SignInThrottles.Where(t => t.Key == key).Select(t => t.Failures).SingleAsync(ct);
        if (SignInThrottle.LockAfter(failures) is { } wait)
        {
            var lockedUntil = now + wait;
            await tx.SignInThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(t => t.SetProperty(x => x.LockedUntil, lockedUntil), ct);
        }

        return failures;
    }
}
