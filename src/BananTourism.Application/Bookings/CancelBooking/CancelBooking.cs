using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.CancelBooking;

/// <summary>A tourist cancels their held or confirmed booking before it starts; the refund follows the policy
/// copied when they booked, and the capacity goes back on sale.</summary>
[Allowed(Caller.Tourist)]
public sealed record CancelBooking(Guid Id) : ICommand<Result<BookingDto>>;

public sealed partial class CancelBookingHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, PaymentSettlement settlement, IMessageDelivery delivery, TimeProvider clock, ILogger<CancelBookingHandler> logger)
    : ICommandHandler<CancelBooking, Result<BookingDto>>
{
    public const string ByTourist = "Cancelled by the tourist.";

    public async ValueTask<Result<BookingDto>> Handle(CancelBooking command, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.Id && b.TouristId == me, ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        if (booking.CancellationAt(now) is not { } terms)
        {
            return BookingErrors.NotCancellable;
        }

        var refund = terms.Refund;
        var cancelled = await writes.RunAsync(async (tx, token) =>
        {
            var refused = await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Cancel, token, b => b
                .SetProperty(x => x.CancelledAt, now)
                .SetProperty(x => x.CancelReason, ByTourist)
                .SetProperty(x => x.RefundAmount, refund)
                .SetProperty(x => x.RefundStatus, terms.RefundStatus)
                .SetProperty(x => x.PaymentStatus, terms.PaymentStatus));
            if (refused is not null)
            {
                // It expired, was closed or checked in a moment ago: that transition won.
                return Result<Success>.Failure([BookingErrors.NotCancellable]);
            }

            await DailyStats.RevenueAsync(tx, booking, -refund, token);
            await BookingMessages.QueueAsync(tx, booking, BookingMessages.Cancelled,
                booking.Status == BookingStatus.Confirmed ? BookingMessages.CancelledForOperator : null, now, token, refund: refund, cancelledBy: CancelledBy.Tourist);
            return Success.Value;
        }, ct);
        if (!cancelled.IsSuccess)
        {
            return Result<BookingDto>.Failure(cancelled.Errors);
        }

        LogCancelled(booking.Id, refund);
        delivery.Wake();
        if (refund > 0)
        {
            await settlement.RefundAsync(booking.Id, ct);
        }
        else if (booking.Status == BookingStatus.Held)
        {
            await settlement.CancelIntentAsync(booking, ct);
        }

        return (await BookingViews.LoadAsync(db, booking.Id, me, ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} cancelled by its tourist; refund {Refund} fen")]
    private partial void LogCancelled(Guid bookingId, long refund);
}
