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
/// be booked there. Every held or confirmed booking it touches is cancelled with a full refund recorded and the
/// reason shown to its tourist; or, with <see cref="ClosureMode.OfferMove"/>, confirmed ones stay and their tourists
/// are offered a move until a date (not moved by then: cancelled and refunded by <c>ExpireMoveOffers</c>).
/// Closing again changes nothing and counts nothing.</summary>
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
        var offerMove = command.Body.Mode == ClosureMode.OfferMove;
        var moveUntil = command.Body.MoveUntil ?? ClosureRules.DefaultMoveUntil(scope.Value.To, now);
        // Checked here, not by the validator: a slot's date is known only now.
        if (offerMove && (moveUntil < VenueTime.Today(now) || moveUntil < scope.Value.To))
        {
            return Error.Validation("moveUntil", "The offer must last at least until the last closed day.");
        }

        if (offerMove && moveUntil.DayNumber - scope.Value.From.DayNumber > ClosureRules.MaxDays)
        {
            return Error.Validation("moveUntil", $"At most {ClosureRules.MaxDays} days after the closure.");
        }

        var settleAfter = new List<Booking>();
        var result = await writes.RunAsync<ClosureResult>(async (tx, token) =>
        {
            settleAfter.Clear();
            var s = scope.Value;
            var (closedSlots, closedNights) = await s.CloseAsync(tx, reason, token);

            var cancelled = 0;
            var offered = 0;
            var refunded = 0L;
            foreach (var booking in await s.AffectedBookings(tx).AsNoTracking().ToListAsync(token))
            {
                if (offerMove && booking.Status == BookingStatus.Confirmed)
                {
                    if (await OfferMoveAsync(tx, booking, reason, moveUntil, now, token))
                    {
                        offered++;
                    }

                    continue;
                }

                if (booking.MoveOfferUntil is not null)
                {
                    continue; // a move is offered already, from an earlier closure: that offer stands
                }

                var refund = await ClosureCancellation.ApplyAsync(tx, booking, reason, now, token);
                if (refund is not null)
                {
                    cancelled++;
                    refunded += refund.Value;
                    if (refund > 0 || booking.PaymentIntentId is not null)
                    {
                        settleAfter.Add(booking);
                    }
                }
            }

            return new ClosureResult(closedSlots, closedNights, cancelled, Money.Yuan(refunded))
            {
                MovesOffered = offered,
                MoveUntil = offerMove ? moveUntil : null,
            };
        }, ct);

        foreach (var booking in result.IsSuccess ? settleAfter : [])
        {
            await ClosureCancellation.SettleAsync(settlement, booking, ct);
        }

        if (result.IsSuccess)
        {
            LogClosed(command.OfferingId, scope.Value.From, scope.Value.To, result.Value.CancelledBookings, result.Value.MovesOffered, result.Value.Refunded.Amount, reason);
        }

        return result;
    }

    /// <summary>Keeps a confirmed booking on the closed place, offering its tourist a move: once per booking (an offer
    /// already made stands), with its message queued in the same transaction.</summary>
    private static async Task<bool> OfferMoveAsync(
        IAppDbContext tx, Booking booking, string reason, DateOnly until, DateTimeOffset now, CancellationToken ct)
    {
        var offered = await tx.Bookings
            .Where(b => b.Id == booking.Id && b.Status == BookingStatus.Confirmed && b.MoveOfferUntil == null)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.MoveOfferReason, reason).SetProperty(x => x.MoveOfferUntil, until), ct);
        if (offered != 1)
        {
            return false;
        }

        var withOffer = await tx.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id, ct);
        await BookingMessages.QueueAsync(tx, withOffer, BookingMessages.ClosureMoveOffered, null, now, ct, reason: reason, refund: withOffer.AmountPaid);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offering {OfferingId} closed {From}..{To}: {Cancelled} bookings cancelled, {Offered} offered a move, {Refunded} fen to refund ({Reason})")]
    private partial void LogClosed(Guid offeringId, DateOnly from, DateOnly to, int cancelled, int offered, long refunded, string reason);
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
            RuleFor(c => c.Body.Mode).IsInEnum();
            RuleFor(c => c.Body.MoveUntil)
                .Null().When(c => c.Body.Mode != ClosureMode.OfferMove).WithMessage("moveUntil goes with mode offerMove.");
            RuleFor(c => c.Body.MoveUntil)
                .Must((c, until) => c.Body.To is not { } to || until >= to).WithMessage("The offer must last at least until the last closed day.")
                .Must((c, until) => c.Body.From is not { } from || until!.Value.DayNumber - from.DayNumber <= ClosureRules.MaxDays)
                .WithMessage($"At most {ClosureRules.MaxDays} days after the closure.")
                .When(c => c.Body.MoveUntil is not null);
        });
    }
}
