using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Payments.HandlePaymentEvent;

/// <summary>A webhook from the payment provider: verified, processed once, and treated only as a trigger: the
/// payment's current state is fetched and applied, so events arriving late or out of order do the right thing.</summary>
[Allowed(Caller.Anyone)]
public sealed record HandlePaymentEvent(string Payload, string? Signature) : ICommand<Result<Success>>;

public sealed class HandlePaymentEventHandler(
    IAppDbContext db, IPaymentGateway gateway, PaymentSettlement settlement, IWriteTransactions writes, BananMetrics metrics, TimeProvider clock)
    : ICommandHandler<HandlePaymentEvent, Result<Success>>
{
    private static readonly string[] IntentEvents =
        ["payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled", "payment_intent.processing"];

    private static readonly string[] RefundEvents =
        ["charge.refunded", "refund.updated", "refund.failed", "charge.refund.updated", "refund.created"];

    public async ValueTask<Result<Success>> Handle(HandlePaymentEvent command, CancellationToken ct)
    {
        var read = gateway.ReadEvent(command.Payload, command.Signature);
        if (!read.IsSuccess)
        {
            return Result<Success>.Failure(read.Errors);
        }

        var e = read.Value;
        if (await db.ProcessedPaymentEvents.AnyAsync(p => p.EventId == e.Id, ct))
        {
            return Success.Value;
        }

        try
        {
            if (IntentEvents.Contains(e.Type) && e.IntentId is { } intentId)
            {
                var intent = await gateway.GetIntentAsync(intentId, ct);
                if (!intent.IsSuccess)
                {
                    return Result<Success>.Failure(intent.Errors); // 503: the provider delivers the event again later
                }

                if (await settlement.ApplyAsync(intent.Value, e, failureReported: e.Type == "payment_intent.payment_failed", ct))
                {
                    RecordLag(e);
                }

                return Success.Value;
            }

            var now = clock.GetUtcNow();
            await writes.RunAsync(async (tx, token) =>
            {
                tx.ProcessedPaymentEvents.Add(new ProcessedPaymentEvent(e.Id, e.Type, now));
                await tx.SaveChangesAsync(token);
                if (RefundEvents.Contains(e.Type) && e.RefundStatus is { } moveStatus && e.RefundId is { } refundId
                    && await tx.BookingAdjustments.AnyAsync(a => a.RefundId == refundId, token))
                {
                    // A move's difference (or a balance's share of a cancellation) paid back: its own record, not the booking's refund.
                    var adjusted = moveStatus == RefundStatus.Succeeded ? AdjustmentStatus.Succeeded
                        : moveStatus == RefundStatus.Failed ? AdjustmentStatus.Failed : AdjustmentStatus.Pending;
                    // Only forward from pending: a late "created" event does not undo a success or a failure.
                    await tx.BookingAdjustments.Where(a => a.RefundId == refundId && a.Status == AdjustmentStatus.Pending)
                        .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, adjusted).SetProperty(x => x.SettledAt, now), token);
                    await tx.Bookings.Where(b => b.RefundId == refundId && b.RefundStatus == RefundStatus.Pending) // a refund paid wholly from a balance
                        .ExecuteUpdateAsync(b => b.SetProperty(x => x.RefundStatus, moveStatus), token);
                }
                else if (RefundEvents.Contains(e.Type) && e.RefundStatus is { } status && e.IntentId is { } refundedIntent)
                {
                    var refunded = tx.Bookings.Where(b => b.PaymentIntentId == refundedIntent && b.RefundAmount > 0
                                                          && (e.RefundId == null || b.RefundId == null || b.RefundId == e.RefundId));
                    await refunded.ExecuteUpdateAsync(b => b.SetProperty(x => x.RefundStatus, status).SetProperty(x => x.RefundId, x => x.RefundId ?? e.RefundId), token);
                    if (status == RefundStatus.Succeeded)
                    {
                        // Once per booking however many events say so (the message's key); the refund's own answer may have said it first.
                        foreach (var booking in await refunded.AsNoTracking().ToListAsync(token))
                        {
                            await BookingMessages.QueueAsync(tx, booking, BookingMessages.RefundSucceeded, null, now, token, refund: booking.RefundAmount);
                        }
                    }
                }

                return Result<Success>.Success(Success.Value);
            }, ct);
            RecordLag(e);
            return Success.Value;
        }
        catch (DuplicateKeyException)
        {
            return Success.Value; // the same event, delivered twice at once: the other delivery did the work
        }
    }

    private void RecordLag(PaymentEvent e)
    {
        if (e.CreatedAt is { } created)
        {
            metrics.WebhookApplied(clock.GetUtcNow() - created);
        }
    }
}
