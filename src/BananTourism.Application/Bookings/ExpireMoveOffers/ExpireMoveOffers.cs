using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Payments;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Bookings.ExpireMoveOffers;

/// <summary>Cancels and refunds in full the bookings whose offer to move (after their venue closed) ran out unused.
/// Safe in every process at once: each is a guarded transition, so a booking is cancelled and refunded once.</summary>
[Allowed(Caller.System)]
public sealed record ExpireMoveOffers(int BatchSize = 200) : ICommand<Result<int>>;

public sealed partial class ExpireMoveOffersHandler(
    IAppDbContext db, IWriteTransactions writes, PaymentSettlement settlement, TimeProvider clock, ILogger<ExpireMoveOffersHandler> logger)
    : ICommandHandler<ExpireMoveOffers, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ExpireMoveOffers command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = VenueTime.Today(now);
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.MoveOfferUntil < today)
            .OrderBy(b => b.MoveOfferUntil)
            .Take(command.BatchSize)
            .ToListAsync(ct);

        var cancelled = 0;
        foreach (var booking in due.Where(b => b.MoveOfferEndedAt(now)))
        {
            var reason = $"{booking.MoveOfferReason}；未在 {booking.MoveOfferUntil:yyyy-MM-dd} 前改期 (not moved by then)";
            var refund = await writes.RunAsync(async (tx, token) =>
                Result<long?>.Success(await ClosureCancellation.ApplyAsync(tx, booking, reason, now, token)), ct);
            if (refund.Value is null)
            {
                continue; // moved or cancelled meanwhile
            }

            cancelled++;
            LogCancelled(booking.Id, booking.MoveOfferUntil!.Value, refund.Value.Value);
            await ClosureCancellation.SettleAsync(settlement, booking, ct);
        }

        return cancelled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} not moved by {Until}: cancelled, {Refund} fen to refund")]
    private partial void LogCancelled(Guid bookingId, DateOnly until, long refund);
}
