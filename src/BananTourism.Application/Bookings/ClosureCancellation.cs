using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;

namespace BananTourism.Application.Bookings;

/// <summary>A booking ended because the venue closed its place: by the closure itself, or when an offer to move it ran
/// out unused. Everything paid comes back, whatever the cancellation policy says.</summary>
public static class ClosureCancellation
{
    public const string Prefix = "闭园 Closed by the venue: ";

    /// <summary>Applies the cancellation in the caller's transaction: the refund to record, or null when another change
    /// got to the booking first.</summary>
    public static async Task<long?> ApplyAsync(IAppDbContext tx, Booking booking, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var refund = booking.AmountPaid;
        var refused = await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Close, ct, b => b
            .SetProperty(x => x.CancelledAt, now)
            .SetProperty(x => x.CancelReason, Prefix + reason)
            .SetProperty(x => x.MoveOfferUntil, (DateOnly?)null)
            .SetProperty(x => x.MoveOfferReason, (string?)null)
            .SetProperty(x => x.RefundAmount, refund)
            .SetProperty(x => x.RefundStatus, refund > 0 ? RefundStatus.Pending : RefundStatus.NotRequired)
            .SetProperty(x => x.PaymentStatus, refund > 0 ? PaymentStatus.Refunded : PaymentStatus.Voided));
        if (refused is not null)
        {
            return null;
        }

        await DailyStats.RevenueAsync(tx, booking, -refund, ct);
        await BookingMessages.QueueAsync(tx, booking, BookingMessages.Cancelled, null, now, ct, refund: refund, cancelledBy: CancelledBy.Closure, reason: reason);
        return refund;
    }

    /// <summary>After the transaction: pays back what was paid, or stops a payment still open. A provider outage leaves
    /// these for reconciliation.</summary>
    public static async Task SettleAsync(PaymentSettlement settlement, Booking booking, CancellationToken ct)
    {
        if (booking.AmountPaid > 0)
        {
            await settlement.RefundAsync(booking.Id, ct);
        }
        else
        {
            await settlement.CancelIntentAsync(booking, ct);
        }
    }
}
