using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Payments;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.ExpireHolds;

/// <summary>Expires held bookings whose time to pay has run out and puts their capacity back on sale. Safe to
/// run in every process at once: each expiry is a guarded transition, so capacity comes back exactly once.</summary>
[Allowed(Caller.System)]
public sealed record ExpireHolds(int BatchSize = 200) : ICommand<Result<int>>;

public sealed partial class ExpireHoldsHandler(
    IAppDbContext db, IWriteTransactions writes, PaymentSettlement settlement, BananMetrics metrics, TimeProvider clock, ILogger<ExpireHoldsHandler> logger)
    : ICommandHandler<ExpireHolds, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ExpireHolds command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Held && b.ExpiresAt <= now)
            .OrderBy(b => b.ExpiresAt)
            .Take(command.BatchSize)
            .ToListAsync(ct);

        var expired = 0;
        foreach (var booking in due)
        {
            var won = await writes.RunAsync(async (tx, token) =>
            {
                if (await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Expire, token,
                        b => b.SetProperty(x => x.PaymentStatus, PaymentStatus.Voided)) is not null)
                {
                    return Result<bool>.Success(false);
                }

                await BookingMessages.QueueAsync(tx, booking, BookingMessages.Cancelled, null, now, token, refund: 0, cancelledBy: CancelledBy.Expiry);
                return Result<bool>.Success(true);
            }, ct);
            if (!won.Value)
            {
                continue;
            }

            expired++;
            metrics.HoldExpired();
            LogExpired(booking.Id);
            await settlement.CancelIntentAsync(booking, ct);
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hold {BookingId} expired; its capacity is back on sale")]
    private partial void LogExpired(Guid bookingId);
}
