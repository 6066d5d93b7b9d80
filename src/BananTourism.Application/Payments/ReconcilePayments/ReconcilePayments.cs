using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Produce;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Payments.ReconcilePayments;

/// <summary>Repairs bookings whose provider state and ours disagree, whatever was lost on the way (a provider
/// outage, a missed webhook, a crash between two steps): payments never started, payments that succeeded or
/// ended, late payments for holds that are gone, and refunds never paid out.</summary>
[Allowed(Caller.System)]
public sealed record ReconcilePayments(int BatchSize = 50) : ICommand<Result<ReconcileReport>>;

public sealed record ReconcileReport(int Started, int Settled, int Refunded, int Cancelled);

public sealed class ReconcilePaymentsHandler(
    IAppDbContext db, IPaymentGateway gateway, PaymentSettlement settlement, MovePayments moves, WeighOutPayments weighOuts, TimeProvider clock)
    : ICommandHandler<ReconcilePayments, Result<ReconcileReport>>
{
    /// <summary>A booking younger than this is still being handled by its own request.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    public async ValueTask<Result<ReconcileReport>> Handle(ReconcilePayments command, CancellationToken ct)
    {
        if (!gateway.Enabled)
        {
            return new ReconcileReport(0, 0, 0, 0);
        }

        var now = clock.GetUtcNow();
        var settled = now - Settle;
        var online = db.Bookings.AsNoTracking().Where(b => b.PaymentMethod != PaymentMethod.PayOnArrival);

        var unstarted = await online.Where(b => b.Status == BookingStatus.Held && b.PaymentIntentId == null && b.CreatedAt < settled)
            .Select(b => b.Id).Take(command.BatchSize).ToListAsync(ct);
        var started = 0;
        foreach (var id in unstarted)
        {
            started += (await settlement.StartAsync(id, ct)).IsSuccess ? 1 : 0;
        }

        // Held ones may have been paid or abandoned; expired or cancelled ones in the last two days may have been paid late.
        var recent = now - TimeSpan.FromDays(2);
        var open = await online.Where(b => b.PaymentIntentId != null && b.AmountPaid == 0 && b.CreatedAt < settled
                                           && (b.Status == BookingStatus.Held
                                               || ((b.Status == BookingStatus.Expired || b.Status == BookingStatus.Cancelled) && b.CreatedAt > recent)))
            .Take(command.BatchSize).ToListAsync(ct);
        var (applied, cancelled) = (0, 0);
        foreach (var booking in open)
        {
            var intent = await gateway.GetIntentAsync(booking.PaymentIntentId!, ct);
            if (!intent.IsSuccess)
            {
                continue;
            }

            if (intent.Value.State is IntentState.Succeeded or IntentState.Canceled)
            {
                await settlement.ApplyAsync(intent.Value, trigger: null, failureReported: false, ct);
                applied++;
            }
            else if (booking.Status != BookingStatus.Held && intent.Value.State == IntentState.Open)
            {
                await settlement.CancelIntentAsync(booking, ct);
                cancelled++;
            }
        }

        var refunds = await db.Bookings.AsNoTracking()
            .Where(b => b.RefundStatus == RefundStatus.Pending && b.RefundId == null && b.RefundAmount > 0 && b.PaymentIntentId != null)
            .OrderBy(b => b.CancelledAt)
            .Select(b => b.Id).Take(command.BatchSize).ToListAsync(ct);
        foreach (var id in refunds)
        {
            await settlement.RefundAsync(id, ct);
        }

        // Moves: differences never paid back, and balances whose payment was never opened.
        var moved = await db.BookingAdjustments.AsNoTracking()
            .Where(a => a.Status == AdjustmentStatus.Pending && a.CreatedAt < settled
                        && ((a.Kind == AdjustmentKind.Refund && a.RefundId == null) || (a.Kind == AdjustmentKind.Balance && a.IntentId == null)))
            .Select(a => new { a.BookingId, a.Kind }).Distinct().Take(command.BatchSize).ToListAsync(ct);
        foreach (var adjustment in moved)
        {
            if (adjustment.Kind == AdjustmentKind.Refund)
            {
                await moves.PayBackAsync(adjustment.BookingId, ct);
            }
            else
            {
                await moves.StartBalanceAsync(adjustment.BookingId, ct);
            }
        }

        var (receiptsStarted, receiptsPaid, receiptsRefunded) = await ReconcileWeighOutsAsync(settled, recent, command.BatchSize, ct);
        return new ReconcileReport(
            started + receiptsStarted, applied + receiptsPaid,
            refunds.Count + moved.Count(a => a.Kind == AdjustmentKind.Refund) + receiptsRefunded, cancelled);
    }

    /// <summary>Weigh-out receipts paid online: a payment never opened is opened; one paid without its webhook is marked
    /// paid (its produce counted), or paid back when the receipt was voided meanwhile; a voided receipt's payment left
    /// open (its cancellation did not go through) is cancelled. A payback Stripe reports pending or failed is not
    /// followed here: weigh-outs keep no refund id for Stripe's refund events to find.</summary>
    private async Task<(int Started, int Paid, int Refunded)> ReconcileWeighOutsAsync(
        DateTimeOffset settled, DateTimeOffset recent, int batch, CancellationToken ct)
    {
        var unopened = await db.WeighOuts.AsNoTracking()
            .Where(w => w.Status == WeighOutStatus.Pending && w.PaymentClientSecret == null && w.CreatedAt < settled && w.CreatedAt > recent)
            .Select(w => w.Id).Take(batch).ToListAsync(ct);
        foreach (var id in unopened)
        {
            await weighOuts.StartAsync(id, ct);
        }

        var open = await db.WeighOuts.AsNoTracking()
            .Where(w => w.PaymentIntentId != null && w.CreatedAt < settled && w.CreatedAt > recent
                        && (w.Status == WeighOutStatus.Pending || (w.Status == WeighOutStatus.Voided && w.RefundStatus == RefundStatus.NotRequired)))
            .Select(w => new { w.Id, w.Status, IntentId = w.PaymentIntentId! }).Take(batch).ToListAsync(ct);
        var (paid, paidBack) = (0, 0);
        foreach (var receipt in open)
        {
            var intent = await gateway.GetIntentAsync(receipt.IntentId, ct);
            if (!intent.IsSuccess || intent.Value.WeighOutId is null)
            {
                continue;
            }

            if (intent.Value.State == IntentState.Succeeded)
            {
                await weighOuts.ApplyAsync(intent.Value, trigger: null, ct); // paid, or paid back if voided
                (paid, paidBack) = receipt.Status == WeighOutStatus.Pending ? (paid + 1, paidBack) : (paid, paidBack + 1);
            }
            else if (receipt.Status == WeighOutStatus.Voided && intent.Value.State == IntentState.Open)
            {
                await weighOuts.SettleVoidAsync(receipt.Id, ct);
            }
        }

        return (unopened.Count, paid, paidBack);
    }
}
