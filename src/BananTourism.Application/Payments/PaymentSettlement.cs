using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Payments;

/// <summary>Keeps bookings and the payment provider in step: starts payments, applies what the provider says
/// a payment is now (never what an event claimed), and pays refunds back. Every booking change is a guarded
/// transition; every provider call has an idempotency key from the booking, so running any of this twice, or
/// in two processes, charges and refunds once.</summary>
public sealed partial class PaymentSettlement(
    IAppDbContext db, IPaymentGateway gateway, IWriteTransactions writes, MovePayments moves, WeighOutPayments weighOuts, TimeProvider clock,
    ILogger<PaymentSettlement> logger)
{
    public const string LateAndSoldOut = "Payment arrived after the hold expired and the places were gone; it is refunded in full.";
    public const string PaidAfterCancel = "Payment arrived after the booking was cancelled; it is refunded in full.";

    /// <summary>Creates the booking's payment at the provider (or finds it again: same idempotency key).</summary>
    public async Task<Result<Success>> StartAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, ct);
        if (booking.Status != BookingStatus.Held || !booking.IsOnlinePayment)
        {
            return PaymentErrors.NotPayable;
        }

        if (booking.PaymentIntentId is not null && booking.PaymentClientSecret is not null)
        {
            return Success.Value;
        }

        var intent = await gateway.CreateIntentAsync(booking, ct);
        if (!intent.IsSuccess)
        {
            return Result<Success>.Failure(intent.Errors);
        }

        var (id, secret) = (intent.Value.Id, intent.Value.ClientSecret);
        await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.Bookings
            .Where(b => b.Id == bookingId && b.PaymentIntentId == null)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.PaymentIntentId, id).SetProperty(x => x.PaymentClientSecret, secret), token)), ct);
        return Success.Value;
    }

    /// <summary>Applies the payment's current state to its booking, recording <paramref name="eventId"/> (if any)
    /// in the same transaction. <paramref name="failureReported"/>: the provider reported a failed attempt, which
    /// ends the hold. Returns false when the event had been processed already.</summary>
    public async Task<bool> ApplyAsync(PaymentIntentInfo intent, PaymentEvent? trigger, bool failureReported, CancellationToken ct)
    {
        if (intent.WeighOutId is not null)
        {
            return await weighOuts.ApplyAsync(intent, trigger, ct);
        }

        if (intent.IsBalance)
        {
            return await moves.ApplyBalanceAsync(intent, trigger, ct);
        }

        var now = clock.GetUtcNow();
        Guid? refundFor = null;
        var placesGone = false;
        Result<Success> applied;
        do
        {
            // A late payment whose places are gone rolls its unit back (taking the places may have changed some
            // counters before it was refused) and is applied again, as a refund.
            var retryAsRefund = placesGone;
            applied = await writes.RunAsync(async (tx, token) =>
            {
                if (trigger is not null)
                {
                    tx.ProcessedPaymentEvents.Add(new ProcessedPaymentEvent(trigger.Id, trigger.Type, now));
                    await tx.SaveChangesAsync(token);
                }

                var booking = await tx.Bookings.AsNoTracking()
                    .SingleOrDefaultAsync(b => b.PaymentIntentId == intent.Id || (intent.BookingId != null && b.Id == intent.BookingId), token);
                if (booking is null)
                {
                    return Result<Success>.Success(Success.Value);
                }

                var outcome = await TransitionAsync(tx, booking, intent, failureReported, retryAsRefund, now, token);
                if (outcome.PlacesGone)
                {
                    return Result<Success>.Failure([BookingErrors.SoldOut]);
                }

                refundFor = outcome.RefundFor;
                return Result<Success>.Success(Success.Value);
            }, ct);
            placesGone = !applied.IsSuccess && applied.FirstError == BookingErrors.SoldOut && !retryAsRefund;
        }
        while (placesGone);

        if (refundFor is { } id)
        {
            await RefundAsync(id, ct);
        }

        return applied.IsSuccess;
    }

    /// <summary>Asks the provider to pay back a booking's recorded refund, once. Where balances of moves were paid
    /// online, the refund is split: the first payment gives back what it can, each balance's payment the rest.</summary>
    public async Task RefundAsync(Guid bookingId, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, ct);
        await moves.VoidBalancesAsync(bookingId, ct);
        if (booking.RefundStatus != RefundStatus.Pending || booking.RefundAmount <= 0 || booking.PaymentIntentId is null || booking.RefundId is not null)
        {
            return;
        }

        if (await FromFirstPaymentAsync(booking, ct) is not { } fromFirst)
        {
            return;
        }

        if (fromFirst < booking.RefundAmount)
        {
            await moves.PayBackAsync(bookingId, ct);
        }

        if (fromFirst == 0)
        {
            await RecordPartsAsRefundAsync(booking, ct);
            return;
        }

        var refund = await gateway.RefundAsync(booking.PaymentIntentId, fromFirst, $"booking:{booking.Id}:refund", ct);
        if (!refund.IsSuccess)
        {
            return; // stays pending; reconciliation asks again with the same key
        }

        var (refundId, status) = (refund.Value.Id, refund.Value.Status);
        var now = clock.GetUtcNow();
        await writes.RunAsync(async (tx, token) =>
        {
            var recorded = await tx.Bookings
                .Where(b => b.Id == bookingId && b.RefundId == null)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.RefundId, refundId).SetProperty(x => x.RefundStatus, status), token);
            if (recorded == 1 && status == RefundStatus.Succeeded)
            {
                await BookingMessages.QueueAsync(tx, booking, BookingMessages.RefundSucceeded, null, now, token, refund: booking.RefundAmount);
            }

            return Result<int>.Success(recorded);
        }, ct);
        LogRefunded(bookingId, booking.RefundAmount, status);
    }

    /// <summary>How much of a cancellation's refund the first payment gives back; what it cannot (balances of moves
    /// paid online) is written, once, as refund parts of their own payments. Null when the payments cannot give back
    /// that much (never expected: logged for a person to look at, and the rest of the refunds go on).</summary>
    private async Task<long?> FromFirstPaymentAsync(Booking booking, CancellationToken ct)
    {
        Task<long> FromOthersAsync() => db.BookingAdjustments.AsNoTracking()
            .Where(a => a.BookingId == booking.Id && a.Kind == AdjustmentKind.Refund && a.Occurrence == 0).SumAsync(a => a.Amount, ct);
        if (await FromOthersAsync() is > 0 and var written)
        {
            return booking.RefundAmount - written;
        }

        var charges = await MovePayments.ChargesAsync(db, booking, ct);
        if (charges.Count <= 1)
        {
            return booking.RefundAmount;
        }

        if (booking.RefundAmount > charges.Sum(c => c.Refundable))
        {
            LogCannotRefund(booking.Id, booking.RefundAmount, charges.Sum(c => c.Refundable));
            return null;
        }

        var others = RefundAllocation.Split(booking.RefundAmount, charges).Where(p => p.IntentId != booking.PaymentIntentId).ToList();
        var now = clock.GetUtcNow();
        await writes.RunAsync(async (tx, token) =>
        {
            // Written once: a second process doing the same finds them (or meets the unique index, and runs again).
            if (!await tx.BookingAdjustments.AnyAsync(a => a.BookingId == booking.Id && a.Kind == AdjustmentKind.Refund && a.Occurrence == 0, token))
            {
                tx.BookingAdjustments.AddRange(others.Select((p, i) => BookingAdjustment.Refund(booking.Id, p.Amount, 0, i, p.IntentId, now)));
                await tx.SaveChangesAsync(token);
            }

            return Result<int>.Success(0);
        }, ct);
        return booking.RefundAmount - await FromOthersAsync();
    }

    /// <summary>Cancels an unpaid payment at the provider so the tourist cannot pay for a hold that is gone.</summary>
    public async Task CancelIntentAsync(Booking booking, CancellationToken ct)
    {
        if (booking.PaymentIntentId is { } intentId)
        {
            await gateway.CancelIntentAsync(intentId, $"booking:{booking.Id}:cancel", ct);
        }
    }

    /// <summary>What applying a payment's state did: a refund to ask for, or the places of an expired hold were gone
    /// (the caller rolls back and applies it again with <c>placesGone</c>).</summary>
    private readonly record struct Outcome(Guid? RefundFor, bool PlacesGone = false);

    private static async Task<Outcome> TransitionAsync(
        IAppDbContext tx, Booking booking, PaymentIntentInfo intent, bool failureReported, bool placesGone, DateTimeOffset now, CancellationToken ct)
    {
        if (intent.State == IntentState.Succeeded && booking.AmountPaid == 0)
        {
            var paid = intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount;
            void Paid(UpdateSettersBuilder<Booking> b) => b
                .SetProperty(x => x.PaymentStatus, PaymentStatus.Paid).SetProperty(x => x.AmountPaid, paid)
                .SetProperty(x => x.FirstPaymentAmount, paid).SetProperty(x => x.PaymentIntentId, intent.Id);
            switch (booking.Status)
            {
                case BookingStatus.Held:
                    if (await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Pay, ct, Paid) is null)
                    {
                        await ConfirmedAsync(tx, booking, paid, now, ct);
                    }

                    return new Outcome(null);

                case BookingStatus.Expired when placesGone:
                    return new Outcome(await RefundInFullAsync(tx, booking, intent.Id, paid, LateAndSoldOut, now, ct));

                case BookingStatus.Expired:
                    // The money came after the hold ended: keep the booking if its places are still free.
                    var dailyCap = await tx.Venues.Where(v => v.Id == booking.VenueId).Select(v => v.DailyCap).SingleAsync(ct);
                    var refused = await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.PayAfterExpiry, ct, Paid, dailyCap);
                    if (refused is null)
                    {
                        await ConfirmedAsync(tx, booking, paid, now, ct);
                    }

                    return new Outcome(null, PlacesGone: refused is not null && refused != BookingStateMachine.Lost);

                case BookingStatus.Cancelled:
                    return new Outcome(await RefundInFullAsync(tx, booking, intent.Id, paid, booking.CancelReason ?? PaidAfterCancel, now, ct));

                default:
                    return new Outcome(null);
            }
        }

        var ended = intent.State == IntentState.Canceled || (failureReported && intent.State == IntentState.Open);
        if (ended && booking.Status == BookingStatus.Held)
        {
            var status = intent.State == IntentState.Canceled ? PaymentStatus.Voided : PaymentStatus.Failed;
            if (await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Expire, ct, b => b.SetProperty(x => x.PaymentStatus, status)) is null)
            {
                await BookingMessages.QueueAsync(tx, booking, BookingMessages.Cancelled, null, now, ct, refund: 0, cancelledBy: CancelledBy.Expiry);
            }
        }

        return new Outcome(null);
    }

    private static async Task ConfirmedAsync(IAppDbContext tx, Booking booking, long paid, DateTimeOffset now, CancellationToken ct)
    {
        await DailyStats.RevenueAsync(tx, booking, paid, ct);
        await BookingMessages.QueueAsync(tx, booking, BookingMessages.Confirmed, BookingMessages.NewBooking, now, ct);
    }

    /// <summary>Money for a booking that no longer has its places: recorded, and to be paid back in full. Once: only
    /// while nothing is recorded as paid.</summary>
    private static async Task<Guid?> RefundInFullAsync(
        IAppDbContext tx, Booking booking, string intentId, long paid, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var refused = await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.RefundLatePayment, ct, b => b
                .SetProperty(x => x.CancelledAt, booking.CancelledAt ?? now)
                .SetProperty(x => x.CancelReason, reason)
                .SetProperty(x => x.AmountPaid, paid)
                .SetProperty(x => x.FirstPaymentAmount, paid)
                .SetProperty(x => x.PaymentIntentId, intentId)
                .SetProperty(x => x.RefundAmount, paid)
                .SetProperty(x => x.RefundStatus, RefundStatus.Pending)
                .SetProperty(x => x.PaymentStatus, PaymentStatus.Refunded),
            guard: b => b.AmountPaid == 0);
        return refused is null ? booking.Id : null;
    }

    /// <summary>A refund paid back wholly from balances' payments: the booking's refund is theirs (its id, once they
    /// were asked for; succeeded once they all did), so it is not asked for again.</summary>
    private async Task RecordPartsAsRefundAsync(Booking booking, CancellationToken ct)
    {
        var parts = await db.BookingAdjustments.AsNoTracking()
            .Where(a => a.BookingId == booking.Id && a.Kind == AdjustmentKind.Refund && a.Occurrence == 0).ToListAsync(ct);
        if (parts.Count == 0 || parts.Any(p => p.RefundId is null))
        {
            return; // not all asked for yet: reconciliation comes back
        }

        var status = parts.All(p => p.Status == AdjustmentStatus.Succeeded) ? RefundStatus.Succeeded
            : parts.Any(p => p.Status == AdjustmentStatus.Failed) ? RefundStatus.Failed : RefundStatus.Pending;
        var refundId = parts.OrderBy(p => p.Part).First().RefundId;
        var now = clock.GetUtcNow();
        await writes.RunAsync(async (tx, token) =>
        {
            var recorded = await tx.Bookings.Where(b => b.Id == booking.Id && b.RefundId == null)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.RefundId, refundId).SetProperty(x => x.RefundStatus, status), token);
            if (recorded == 1 && status == RefundStatus.Succeeded)
            {
                await BookingMessages.QueueAsync(tx, booking, BookingMessages.RefundSucceeded, null, now, token, refund: booking.RefundAmount);
            }

            return Result<int>.Success(recorded);
        }, ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking {BookingId}: a refund of {Amount} fen is more than its payments can give back ({Refundable} fen); left for a person")]
    private partial void LogCannotRefund(Guid bookingId, long amount, long refundable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund for booking {BookingId}: {Amount} fen, {Status}")]
    private partial void LogRefunded(Guid bookingId, long amount, RefundStatus status);
}
