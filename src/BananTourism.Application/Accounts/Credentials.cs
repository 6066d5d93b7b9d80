using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts;

/// <summary>The one place a password is checked, for the API's token sign-in and the pages' cookie sign-in; failed
/// attempts are counted per email address in the database (<see cref="SignInThrottle"/>).</summary>
internal static class Credentials
{
    public static async Task<Result<User>> VerifyAsync(
        IAppDbContext db, IWriteTransactions writes, IPasswordHasher hasher, TimeProvider clock, string email, string password, CancellationToken ct)
    {
        var key = User.Normalize(email);
        var now = clock.GetUtcNow();
        var throttle = await db.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, ct);
        if (throttle?.LockedUntil is { } until && until > now)
        {
            return UserErrors.TooManySignIns(until - now); // not even checked: a locked address learns nothing
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == key && u.DisabledAt == null, ct);

        // Verify against a dummy hash for unknown emails so timing does not reveal which accounts exist.
        var valid = hasher.Verify(user?.PasswordHash ?? hasher.DummyHash, password);
        if (user is not null && valid)
        {
            if (throttle is { Failures: > 0 })
            {
                await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.SignInThrottles.Where(t => t.Key == key)
                    .ExecuteUpdateAsync(t => t.SetProperty(x => x.Failures, 0).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), token)), ct);
            }

            return user;
        }

        await CountFailureAsync(writes, key, now, ct);
        return UserErrors.InvalidCredentials;
    }

    private static Task<Result<int>> CountFailureAsync(IWriteTransactions writes, string key, DateTimeOffset now, CancellationToken ct) =>
        writes.RunAsync(async (tx, token) =>
        {
            var forgotten = now - SignInThrottle.Forget;
            var counted = await tx.SignInThrottles.Where(t => t.Key == key)
                .ExecuteUpdateAsync(t => t
                    .SetProperty(x => x.Failures, x => x.LastFailureAt < forgotten ? 1 : x.Failures + 1)
                    .SetProperty(x => x.LastFailureAt, now), token);
            if (counted == 0)
            {
                // On SQL Server two first failures may both insert; the loser is retried and then counts.
                tx.SignInThrottles.Add(new SignInThrottle(key, now));
                await tx.SaveChangesAsync(token);
                return Result<int>.Success(1);
            }

            // The row is locked by the UPDATE above until commit, so this reads this attempt's own count.
            var failures = await tx.SignInThrottles.Where(t => t.Key == key).Select(t => t.Failures).SingleAsync(token);
            if (SignInThrottle.LockAfter(failures) is { } wait)
            {
                var until = now + wait;
                await tx.SignInThrottles.Where(t => t.Key == key)
                    .ExecuteUpdateAsync(t => t.SetProperty(x => x.LockedUntil, until), token);
            }

            return Result<int>.Success(failures);
        }, ct);
}
