using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Application.Operators;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.CloseDates;

/// <summary>闭园: an operator closes an offering's dates (weather, crop not ripe), or one slot. Nothing more can
/// be booked there, and every held or confirmed booking it touches is cancelled with a full refund recorded
/// and the reason shown to its tourist. Closing again changes nothing and counts nothing.</summary>
[Allowed(Caller.Operator)]
public sealed record CloseDates(Guid OfferingId, ClosureBody Body) : ICommand<Result<ClosureResult>>;

public sealed partial class CloseDatesHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, PaymentSettlement settlement, TimeProvider clock, ILogger<CloseDatesHandler> logger)
    : ICommandHandler<CloseDates, Result<ClosureResult>>
{
    public async ValueTask<Result<ClosureResult>> Handle(CloseDates command, CancellationToken ct)
    {
        var scope = await ClosureScopes.ResolveAsync(db, currentUser, command.OfferingId, command.Body.From, command.Body.To, command.Body.SlotId, clock, ct);
        if (!scope.IsSuccess)
        {
            return Result<ClosureResult>.Failure(scope.Errors);
        }

        var reason = command.Body.Reason.Trim();
        var now = clock.GetUtcNow();
        var settleAfter = new List<Booking>();
        var result = await writes.RunAsync<ClosureResult>(async (tx, token) =>
        {
            settleAfter.Clear();
            var s = scope.Value;
            var closedSlots = s.Kind == OfferingKind.TimeSlot
                ? await s.Slots(tx).Where(x => !x.Closed).ExecuteUpdateAsync(x => x.SetProperty(p => p.Closed, true).SetProperty(p => p.ClosedReason, reason), token)
                : 0;
            var closedNights = s.Kind == OfferingKind.Nightly
                ? await s.Nights(tx).Where(x => !x.Closed).ExecuteUpdateAsync(x => x.SetProperty(p => p.Closed, true).SetProperty(p => p.ClosedReason, reason), token)
                : 0;

            var cancelled = 0;
            var refunded = 0L;
            foreach (var booking in await s.AffectedBookings(tx).AsNoTracking().ToListAsync(token))
            {
                var refund = booking.AmountPaid;
                var refused = await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Close, token, b => b
                    .SetProperty(x => x.CancelledAt, now)
                    .SetProperty(x => x.CancelReason, $"闭园 Closed by the venue: {reason}")
                    .SetProperty(x => x.RefundAmount, refund)
                    .SetProperty(x => x.RefundStatus, refund > 0 ? RefundStatus.Pending : RefundStatus.NotRequired)
                    .SetProperty(x => x.PaymentStatus, refund > 0 ? PaymentStatus.Refunded : PaymentStatus.Voided));
                if (refused is null)
                {
                    await DailyStats.RevenueAsync(tx, booking, -refund, token);
                    await BookingMessages.QueueAsync(tx, booking, BookingMessages.Cancelled, null, now, token, refund: refund, cancelledBy: CancelledBy.Closure, reason: reason);
                    cancelled++;
                    refunded += refund;
                    if (refund > 0 || booking.PaymentIntentId is not null)
                    {
                        settleAfter.Add(booking);
                    }
                }
            }

            return new ClosureResult(closedSlots, closedNights, cancelled, Money.Yuan(refunded));
        }, ct);

        foreach (var booking in result.IsSuccess ? settleAfter : [])
        {
            // Pay back what was paid; stop payments still open. A provider outage leaves these for reconciliation.
            if (booking.AmountPaid > 0)
            {
                await settlement.RefundAsync(booking.Id, ct);
            }
            else
            {
                await settlement.CancelIntentAsync(booking, ct);
            }
        }

        if (result.IsSuccess)
        {
            LogClosed(command.OfferingId, scope.Value.From, scope.Value.To, result.Value.CancelledBookings, result.Value.Refunded.Amount, reason);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offering {OfferingId} closed {From}..{To}: {Cancelled} bookings cancelled, {Refunded} fen to refund ({Reason})")]
    private partial void LogClosed(Guid offeringId, DateOnly from, DateOnly to, int cancelled, long refunded, string reason);
}

public sealed class CloseDatesValidator : AbstractValidator<CloseDates>
{
    public CloseDatesValidator()
    {
        RuleFor(c => c.Body).NotNull();
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.Reason).NotEmpty().MaximumLength(200).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why, for the tourists.");
            ClosureRules.Dates(this, c => c.Body.From, c => c.Body.To, c => c.Body.SlotId);
        });
    }
}
