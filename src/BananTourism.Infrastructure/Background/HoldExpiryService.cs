using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.ExpireHolds;
using BananTourism.Application.Bookings.ExpireMoveOffers;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Idempotency;
using BananTourism.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Background;

/// <summary>Every few seconds, expires overdue holds and cancels bookings whose offer to move ran out; about hourly, forgets idempotency keys past retention.
/// The sweep runs in every replica, so capacity comes back quickly wherever one is alive: each expiry is a
/// guarded transition, so racing sweeps release it exactly once. The clean-up takes a lease, so one replica does
/// it per hour.</summary>
internal sealed partial class HoldExpiryService(
    IServiceScopeFactory scopes, JobLeases leases, BananMetrics metrics, BookingOptions options, TimeProvider clock,
    ILogger<HoldExpiryService> logger) : BackgroundService
{
    public const string CleanupJob = "idempotency.cleanup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.ExpirySweepSeconds), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
                if (await leases.TryClaimAsync(CleanupJob, TimeSpan.FromHours(1), stoppingToken))
                {
                    await ForgetOldIdempotencyKeysAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A sweep that fails (database briefly unavailable) is retried on the next tick.
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        using var activity = BananMetrics.Jobs.StartActivity("ExpireHolds");
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var batch = new ExpireHolds();
        while ((await sender.Send(batch, ct)).Value == batch.BatchSize)
        {
            // A full batch: more may be due.
        }

        var offers = new ExpireMoveOffers();
        while ((await sender.Send(offers, ct)).Value == offers.BatchSize)
        {
        }
    }

    private async Task ForgetOldIdempotencyKeysAsync(CancellationToken ct)
    {
        using var activity = BananMetrics.Jobs.StartActivity(CleanupJob);
        metrics.JobRan(CleanupJob);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow() - IdempotencyGuard.Retention;
        await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold expiry sweep failed; retrying on the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
