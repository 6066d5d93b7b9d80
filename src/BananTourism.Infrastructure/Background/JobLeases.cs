using BananTourism.Application.Common;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Infrastructure.Background;

/// <summary>Claims a job's turn for one period across all replicas. A claim is one guarded UPDATE
/// (<c>WHERE LeasedUntil &lt;= now</c>), so of several replicas asking at once exactly one wins; the lease is
/// never handed back, so the job runs at most once per period however many replicas tick, and a replica that
/// dies while running it only delays the next run to the end of its period.</summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>This process, as written in <see cref="JobLease.Holder"/>.</summary>
    public static readonly string Me = Truncate($"{Environment.MachineName}:{Environment.ProcessId}", JobLease.HolderLength);

    public async Task<bool> TryClaimAsync(string job, TimeSpan period, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var until = now + period;
        var lease = await db.JobLeases.AsNoTracking().Where(l => l.Name == job).Select(l => (DateTimeOffset?)l.LeasedUntil).SingleOrDefaultAsync(ct);
        if (lease > now)
        {
            return false; // not due: a read, so replicas ticking between runs never queue for the writer
        }

        var claimed = await db.JobLeases
            .Where(l => l.Name == job && l.LeasedUntil <= now)
            .ExecuteUpdateAsync(l => l
                .SetProperty(x => x.Holder, Me)
                .SetProperty(x => x.LeasedUntil, until)
                .SetProperty(x => x.Runs, x => x.Runs + 1), ct);
        if (claimed == 1)
        {
            return true;
        }

        if (lease is not null)
        {
            return false; // another replica claimed it between the read and the update
        }

        // The job's first run anywhere: whoever inserts the row holds the first period.
        db.JobLeases.Add(new JobLease(job, Me, until));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
