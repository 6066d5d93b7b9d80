using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.ExpireHolds;
using BananTourism.Application.Common.Idempotency;
using BananTourism.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Background;

/// <summary>Every few seconds, expires overdue holds; about hourly, forgets idempotency keys past retention.
/// Runs in every replica: expiry is a guarded transition, so racing sweeps release capacity exactly once.</summary>
internal sealed partial class HoldExpiryService(
    IServiceScopeFactory scopes, BookingOptions options, TimeProvider clock, ILogger<HoldExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.ExpirySweepSeconds), clock);
        var lastCleanup = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                while ((await sender.Send(new ExpireHolds(), stoppingToken)).Value == new ExpireHolds().BatchSize)
                {
                    // A full batch: more may be due.
                }

                var now = clock.GetUtcNow();
                if (now - lastCleanup > TimeSpan.FromHours(1))
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var cutoff = now - IdempotencyGuard.Retention;
                    await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                    lastCleanup = now;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hold expiry sweep failed; retrying on the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
