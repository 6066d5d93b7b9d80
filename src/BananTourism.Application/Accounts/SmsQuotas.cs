using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts;

/// <summary>Takes one code from a number's or an account's <see cref="SmsQuota"/> with a conditional UPDATE
/// (like capacity), inside the transaction that stores the code.</summary>
public static class SmsQuotas
{
    /// <summary>Null when taken; else how long until this key may be sent another code.</summary>
    public static async Task<TimeSpan?> TakeAsync(IAppDbContext db, string key, SmsLimit limit, DateTimeOffset now, CancellationToken ct)
    {
        var today = VenueTime.Today(now);
        // A limit without an interval never compares instants: a request that read the clock a moment before another
        // (another replica, or the same group commit) may commit after it, and must not be told to wait for that.
        var spaced = limit.Interval > TimeSpan.Zero;
        var earliest = now - limit.Interval;
        var perDay = limit.PerDay;
        var taken = await db.SmsQuotas
            .Where(q => q.Key == key && (!spaced || q.LastSentAt <= earliest) && (q.Day != today || q.SentThatDay < perDay))
            .ExecuteUpdateAsync(q => q
                .SetProperty(x => x.SentThatDay, x => x.Day == today ? x.SentThatDay + 1 : 1)
                .SetProperty(x => x.Day, today)
                .SetProperty(x => x.LastSentAt, now), ct);
        if (taken == 1)
        {
            return null;
        }

        var quota = await db.SmsQuotas.AsNoTracking().SingleOrDefaultAsync(q => q.Key == key, ct);
        if (quota is null)
        {
            // The key's first code: the row is created here; on SQL Server a parallel first code loses at the
            // primary key and is retried, and then meets this row.
            db.SmsQuotas.Add(new SmsQuota(key, now, today));
            return null;
        }

        var nextMinute = quota.LastSentAt + limit.Interval - now;
        var nextDay = VenueTime.ToInstant(today.AddDays(1), TimeOnly.MinValue) - now;
        return quota.Day == today && quota.SentThatDay >= perDay ? Max(nextDay, nextMinute) : nextMinute;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
