using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Payments;

/// <summary>The money of moves (改期) after a booking's first payment: the balance of a dearer session paid online
/// through its own PaymentIntent, and the difference of a cheaper one paid back. Each is a <see cref="BookingAdjustment"/>
/// written in the move's transaction, then carried to the provider with its own idempotency key, so a retry, a second
/// process or reconciliation never charges or refunds twice.</summary>
public sealed partial class MovePayments(
    IAppDbContext db, IPaymentGateway gateway, IWriteTransactions writes, TimeProvider clock, ILogger<MovePayments> logger)
{
    /// <summary>The payments a booking's money came in by and what each can still give back: the first payment, then
    /// the balances paid, in order.</summary>
    public static async Task<List<PaymentSource>> ChargesAsync(IAppDbContext db, Booking booking, CancellationToken ct)
    {
        var adjustments = await db.BookingAdjustments.AsNoTracking().Where(a => a.BookingId == booking.Id).ToListAsync(ct);
        long RefundedFrom(string intentId) => adjustments
            .Where(a => a.Kind == AdjustmentKind.Refund && a.IntentId == intentId && a.Status != AdjustmentStatus.Failed).Sum(a => a.Amount);

        var charges = new List<PaymentSource>();
        if (booking.PaymentIntentId is { } first)
        {
            charges.Add(new PaymentSource(first, booking.FirstPaymentAmount - RefundedFrom(first)));
        }

        charges.AddRange(adjustments
            .Where(a => a.Kind == AdjustmentKind.Balance && a.Status == AdjustmentStatus.Succeeded && a.IntentId is not null)
            .OrderBy(a => a.Occurrence)
            .Select(a => new PaymentSource(a.IntentId!, a.Amount - RefundedFrom(a.IntentId!))));
        return charges;
    }

    /// <summary>Adds, in the caller's transaction, the refund parts that pay <paramref name="amount"/> back for move (or
    /// cancellation, 0) <paramref name="occurrence"/>, split over the payments that can give it back.</summary>
    public static async Task AddRefundAsync(IAppDbContext tx, Booking booking, long amount, int occurrence, DateTimeOffset now, CancellationToken ct)
    {
        var parts = RefundAllocation.Split(amount, await ChargesAsync(tx, booking, ct));
        tx.BookingAdjustments.AddRange(parts.Select((p, i) => BookingAdjustment.Refund(booking.Id, p.Amount, occurrence, i, p.IntentId, now)));
        await tx.SaveChangesAsync(ct);
    }

    /// <summary>Asks the provider for every refund part of the booking not asked for yet.</summary>
    public async Task PayBackAsync(Guid bookingId, CancellationToken ct)
    {
        var due = await db.BookingAdjustments.AsNoTracking()
            .Where(a => a.BookingId == bookingId && a.Kind == AdjustmentKind.Refund && a.Status == AdjustmentStatus.Pending && a.RefundId == null)
            .OrderBy(a => a.Occurrence).ThenBy(a => a.Part).ToListAsync(ct);
        foreach (var part in due)
        {
            var refund = await gateway.RefundAsync(part.IntentId!, part.Amount, part.IdempotencyKey, ct);
            if (!refund.IsSuccess)
            {
                continue; // stays pending; asked again, with the same key, by the next call or reconciliation
            }

            var (refundId, status) = (refund.Value.Id, refund.Value.Status);
            var now = clock.GetUtcNow();
            await writes.RunAsync(async (tx, token) =>
            {
                var recorded = await tx.BookingAdjustments.Where(a => a.Id == part.Id && a.RefundId == null)
                    .ExecuteUpdateAsync(a => a
                        .SetProperty(x => x.RefundId, refundId)
                        .SetProperty(x => x.Status, status == RefundStatus.Failed ? AdjustmentStatus.Failed
                            : status == RefundStatus.Succeeded ? AdjustmentStatus.Succeeded : AdjustmentStatus.Pending)
                        .SetProperty(x => x.SettledAt, now), token);
                if (recorded == 1 && status == RefundStatus.Succeeded && part.Occurrence > 0 && part.Part == 0)
                {
                    var booking = await tx.Bookings.AsNoTracking().SingleAsync(b => b.Id == part.BookingId, token);
                    var total = await tx.BookingAdjustments.Where(a => a.BookingId == part.BookingId && a.Kind == AdjustmentKind.Refund
                        && a.Occurrence == part.Occurrence).SumAsync(a => a.Amount, token);
                    await BookingMessages.QueueAsync(tx, booking, BookingMessages.RefundSucceeded, null, now, token, refund: total,
                        occurrence: part.Occurrence);
                }

                return Result<int>.Success(recorded);
            }, ct);
            LogRefunded(part.BookingId, part.Occurrence, part.Amount, status);
        }
    }

    /// <summary>Opens the online payment of the balance the booking's last move left due (or finds it again: the same
    /// key), and voids any earlier balance no longer owed. Without a provider, the balance is taken at the gate.</summary>
    public async Task StartBalanceAsync(Guid bookingId, CancellationToken ct)
    {
        var pending = await db.BookingAdjustments.AsNoTracking()
            .Where(a => a.BookingId == bookingId && a.Kind == AdjustmentKind.Balance && a.Status == AdjustmentStatus.Pending)
            .OrderByDescending(a => a.Occurrence).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }

        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId, ct);
        var owed = pending.Find(a => a.Occurrence == booking.RescheduleCount && a.Amount == booking.BalanceDue && booking.Status == BookingStatus.Confirmed);
        foreach (var stale in pending.Where(a => a != owed))
        {
            await VoidBalanceAsync(stale, ct);
        }

        if (owed is null || !gateway.Enabled || (owed.IntentId is not null && booking.PaymentClientSecret is not null))
        {
            return;
        }

        var intent = await gateway.CreateBalanceIntentAsync(booking, owed.Amount, owed.IdempotencyKey, ct);
        if (!intent.IsSuccess)
        {
            return; // the balance stays due: at the gate, or online once asked again
        }

        var (intentId, secret) = (intent.Value.Id, intent.Value.ClientSecret);
        await writes.RunAsync(async (tx, token) =>
        {
            await tx.BookingAdjustments.Where(a => a.Id == owed.Id && a.IntentId == null)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.IntentId, intentId), token);
            return Result<int>.Success(await tx.Bookings
                .Where(b => b.Id == bookingId && b.Status == BookingStatus.Confirmed && b.RescheduleCount == owed.Occurrence && b.BalanceDue == owed.Amount)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.PaymentClientSecret, secret), token));
        }, ct);
    }

    /// <summary>Voids the online balance of a booking that no longer owes it (moved again, checked in with the balance
    /// taken at the gate, cancelled).</summary>
    public async Task VoidBalancesAsync(Guid bookingId, CancellationToken ct)
    {
        foreach (var balance in await db.BookingAdjustments.AsNoTracking()
                     .Where(a => a.BookingId == bookingId && a.Kind == AdjustmentKind.Balance && a.Status == AdjustmentStatus.Pending).ToListAsync(ct))
        {
            await VoidBalanceAsync(balance, ct);
        }
    }

    private async Task VoidBalanceAsync(BookingAdjustment balance, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.BookingAdjustments
            .Where(a => a.Id == balance.Id && a.Status == AdjustmentStatus.Pending)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, AdjustmentStatus.Canceled).SetProperty(x => x.SettledAt, now), token)), ct);
        if (balance.IntentId is { } intentId)
        {
            // Paid meanwhile after all: the succeeded event finds it void and pays it back.
            await gateway.CancelIntentAsync(intentId, balance.IdempotencyKey + ":cancel", ct);
        }
    }

    /// <summary>Applies a balance payment's current state, recording <paramref name="trigger"/> in the same transaction.
    /// Paid while owed: the booking's paid amount grows and the balance is settled. Paid when no longer owed: paid back
    /// in full. Returns false when the event had been processed already.</summary>
    public async Task<bool> ApplyBalanceAsync(PaymentIntentInfo intent, PaymentEvent? trigger, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Guid? payBack = null;
        var applied = await writes.RunAsync(async (tx, token) =>
        {
            if (trigger is not null)
            {
                tx.ProcessedPaymentEvents.Add(new ProcessedPaymentEvent(trigger.Id, trigger.Type, now));
                await tx.SaveChangesAsync(token);
            }

            // Found by its intent; or, when the provider answered faster than its id was saved, by booking and amount.
            var balance = await tx.BookingAdjustments.AsNoTracking().SingleOrDefaultAsync(a => a.IntentId == intent.Id && a.Kind == AdjustmentKind.Balance, token)
                          ?? await tx.BookingAdjustments.AsNoTracking()
                              .Where(a => a.BookingId == intent.BookingId && a.Kind == AdjustmentKind.Balance && a.IntentId == null && a.Amount == intent.Amount)
                              .OrderByDescending(a => a.Occurrence).FirstOrDefaultAsync(token);
            if (balance is null || intent.State != IntentState.Succeeded
                || balance.Status == AdjustmentStatus.Succeeded)
            {
                return Result<Success>.Success(Success.Value);
            }

            var paid = intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount;
            var owed = balance.Status == AdjustmentStatus.Pending;
            var booking = await tx.Bookings.AsNoTracking().SingleAsync(b => b.Id == balance.BookingId, token);
            var settled = owed && await tx.Bookings
                .Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed && b.BalanceDue >= paid && b.RescheduleCount == balance.Occurrence)
                .ExecuteUpdateAsync(b => b
                    .SetProperty(x => x.AmountPaid, x => x.AmountPaid + paid)
                    .SetProperty(x => x.BalanceDue, x => x.BalanceDue - paid)
                    .SetProperty(x => x.PaymentClientSecret, (string?)null), token) == 1;
            await tx.BookingAdjustments.Where(a => a.Id == balance.Id && a.Status == balance.Status)
                .ExecuteUpdateAsync(a => a
                    .SetProperty(x => x.Status, settled ? AdjustmentStatus.Succeeded : AdjustmentStatus.Canceled)
                    .SetProperty(x => x.IntentId, intent.Id)
                    .SetProperty(x => x.SettledAt, now), token);
            if (settled)
            {
                await DailyStats.RevenueAsync(tx, booking, paid, token);
                return Result<Success>.Success(Success.Value);
            }

            // Money for a balance no longer owed: all of it goes back, from its own payment.
            if (!await tx.BookingAdjustments.AnyAsync(a => a.BookingId == booking.Id && a.Kind == AdjustmentKind.Refund
                    && a.Occurrence == balance.Occurrence && a.Part == BookingAdjustment.ReturnedBalancePart, token))
            {
                tx.BookingAdjustments.Add(BookingAdjustment.Refund(booking.Id, paid, balance.Occurrence, BookingAdjustment.ReturnedBalancePart, intent.Id, now));
                await tx.SaveChangesAsync(token);
            }

            payBack = booking.Id;
            return Result<Success>.Success(Success.Value);
        }, ct);

        if (payBack is { } id)
        {
            await PayBackAsync(id, ct);
        }

        return applied.IsSuccess;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund for move {Occurrence} of booking {BookingId}: {Amount} fen, {Status}")]
    private partial void LogRefunded(Guid bookingId, int occurrence, long amount, RefundStatus status);
}
