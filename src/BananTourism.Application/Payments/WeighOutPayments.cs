using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Produce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Payments;

/// <summary>The online payments of weigh-out receipts: started after the receipt is written, applied from what the
/// provider says the payment is now, cancelled or paid back when the receipt is voided. Every provider call carries a
/// key derived from the receipt, every change of the receipt is a guarded UPDATE, so repeats in any process count once.</summary>
public sealed partial class WeighOutPayments(
    IAppDbContext db, IPaymentGateway gateway, IWriteTransactions writes, TimeProvider clock, ILogger<WeighOutPayments> logger)
{
    /// <summary>Creates the receipt's payment at the provider (or finds it again: same key) and keeps its client secret.</summary>
    public async Task StartAsync(Guid weighOutId, CancellationToken ct)
    {
        var found = await (from x in db.WeighOuts
                           join b in db.Bookings on x.BookingId equals b.Id
                           where x.Id == weighOutId
                           select new { WeighOut = x, Booking = b }).AsNoTracking().SingleAsync(ct);
        var w = found.WeighOut;
        if (w.Status != WeighOutStatus.Pending || w.PaymentClientSecret is not null)
        {
            return;
        }

        var intent = await gateway.CreateWeighOutIntentAsync(found.Booking, w.Id, w.Total, ct);
        if (!intent.IsSuccess)
        {
            LogNotStarted(w.Id, intent.FirstError.Code);
            return; // the receipt shows pending without a secret; the tourist's page asks again
        }

        var (id, secret) = (intent.Value.Id, intent.Value.ClientSecret);
        await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.WeighOuts
            .Where(x => x.Id == weighOutId && x.PaymentClientSecret == null)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.PaymentIntentId, id).SetProperty(p => p.PaymentClientSecret, secret), token)), ct);
    }

    /// <summary>Applies a receipt's payment state: paid, its produce counts; paid after it was voided, it goes back.
    /// Returns false when <paramref name="trigger"/> had been processed already.</summary>
    public async Task<bool> ApplyAsync(PaymentIntentInfo intent, PaymentEvent? trigger, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var payBack = false;
        var applied = await writes.RunAsync(async (tx, token) =>
        {
            if (trigger is not null)
            {
                tx.ProcessedPaymentEvents.Add(new ProcessedPaymentEvent(trigger.Id, trigger.Type, now));
                await tx.SaveChangesAsync(token);
            }

            var w = await tx.WeighOuts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == intent.WeighOutId, token);
            if (w is null || intent.State != IntentState.Succeeded)
            {
                return Result<Success>.Success(Success.Value);
            }

            if (w.Status == WeighOutStatus.Pending && await tx.WeighOuts.Where(x => x.Id == w.Id && x.Status == WeighOutStatus.Pending)
                    .ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, WeighOutStatus.Paid).SetProperty(p => p.PaymentIntentId, intent.Id), token) == 1)
            {
                await DailyStats.ProduceAsync(tx, w, +1, token);
                await ReceiptMessages.QueueOnceAsync(tx, w, now, token);
            }
            else if (w.Status == WeighOutStatus.Voided && w.RefundStatus == RefundStatus.NotRequired)
            {
                // Voided while the tourist was paying: the money goes back.
                payBack = await MarkRefundAsync(tx, w.Id, intent.Id, token);
            }

            return Result<Success>.Success(Success.Value);
        }, ct);
        if (payBack)
        {
            await RefundAsync(intent.WeighOutId!.Value, ct);
        }

        return applied.IsSuccess;
    }

    /// <summary>After a void: an open payment is cancelled; money already taken is paid back in full.</summary>
    public async Task SettleVoidAsync(Guid weighOutId, CancellationToken ct)
    {
        var w = await db.WeighOuts.AsNoTracking().SingleAsync(x => x.Id == weighOutId, ct);
        if (w.PaymentIntentId is not { } intentId || w.Status != WeighOutStatus.Voided)
        {
            return;
        }

        if (w.RefundStatus == RefundStatus.Pending)
        {
            await RefundAsync(weighOutId, ct);
            return;
        }

        var cancelled = await gateway.CancelIntentAsync(intentId, $"weighout:{weighOutId}:cancel", ct);
        if (cancelled.IsSuccess && cancelled.Value.State == IntentState.Succeeded)
        {
            // Paid just before the void: pay it back.
            var marked = await writes.RunAsync(async (tx, token) => Result<bool>.Success(await MarkRefundAsync(tx, weighOutId, intentId, token)), ct);
            if (marked.Value)
            {
                await RefundAsync(weighOutId, ct);
            }
        }
    }

    private static async Task<bool> MarkRefundAsync(IAppDbContext tx, Guid weighOutId, string intentId, CancellationToken ct) =>
        await tx.WeighOuts.Where(x => x.Id == weighOutId && x.Status == WeighOutStatus.Voided && x.RefundStatus == RefundStatus.NotRequired)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.RefundStatus, RefundStatus.Pending).SetProperty(p => p.PaymentIntentId, intentId), ct) == 1;

    private async Task RefundAsync(Guid weighOutId, CancellationToken ct)
    {
        var w = await db.WeighOuts.AsNoTracking().SingleAsync(x => x.Id == weighOutId, ct);
        if (w.RefundStatus != RefundStatus.Pending || w.PaymentIntentId is null)
        {
            return;
        }

        var refund = await gateway.RefundAsync(w.PaymentIntentId, w.Total, $"weighout:{w.Id}:refund", ct);
        if (!refund.IsSuccess)
        {
            LogRefundNotAsked(w.Id, refund.FirstError.Code);
            return;
        }

        var status = refund.Value.Status;
        await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.WeighOuts
            .Where(x => x.Id == weighOutId && x.RefundStatus == RefundStatus.Pending)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.RefundStatus, status), token)), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment of weigh-out {WeighOutId} could not be started: {Code}")]
    private partial void LogNotStarted(Guid weighOutId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The refund of voided weigh-out {WeighOutId} could not be asked for: {Code}")]
    private partial void LogRefundNotAsked(Guid weighOutId, string code);
}
