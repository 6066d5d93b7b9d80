using System.Linq.Expressions;
using BananTourism.Application.Common;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace BananTourism.Application.Bookings;

/// <summary>Applies a <see cref="BookingTransition"/> inside the caller's write transaction, the one way a booking's
/// status changes (rule 12): a guarded UPDATE from the row the caller read (its status, which the transition must allow,
/// its moves and its money), whose affected rows are always checked, then every side effect the two statuses imply (<see cref="BookingStanding"/>):
/// places, the day's booked figure, the tourist's counters. Revenue, refunds and messages differ by cause and stay
/// with the caller, after a transition that was applied.</summary>
public static class BookingStateMachine
{
    /// <summary>Null when applied (<paramref name="guard"/>: a further condition the row must meet); <see cref="Lost"/>
    /// when another change got to the booking first (nothing was changed); or the refusal of taking places again (sold
    /// out, closed, daily cap), with nothing changed either.</summary>
    public static async Task<Error?> ApplyAsync(
        IAppDbContext tx, Booking booking, BookingTransition transition, CancellationToken ct,
        Action<UpdateSettersBuilder<Booking>>? set = null, int? dailyCap = null, Expression<Func<Booking, bool>>? guard = null)
    {
        var effects = transition.EffectsFrom(booking.Status, booking.PaymentMethod);
        if (effects.Places > 0 && await CapacityLedger.TakeAsync(tx, booking, dailyCap, ct) is { } refused)
        {
            return refused;
        }

        // The row must still be the booking the caller decided on: same status, and no move or payment since (which keep
        // the status but change its places and money), so effects and amounts computed from what was read stay right.
        var (from, moves, paid, due) = (booking.Status, booking.RescheduleCount, booking.AmountPaid, booking.BalanceDue);
        var to = transition.To;
        var row = tx.Bookings.Where(b => b.Id == booking.Id && b.Status == from
                                         && b.RescheduleCount == moves && b.AmountPaid == paid && b.BalanceDue == due);
        var won = await (guard is null ? row : row.Where(guard))
            .ExecuteUpdateAsync(b =>
            {
                b.SetProperty(x => x.Status, to);
                set?.Invoke(b);
            }, ct);
        if (won != 1)
        {
            if (effects.Places > 0)
            {
                await CapacityLedger.ReleaseAsync(tx, booking, ct); // what was just taken, in this same transaction
            }

            return Lost;
        }

        if (effects.Places < 0)
        {
            await CapacityLedger.ReleaseAsync(tx, booking, ct);
        }

        if (effects.UnpaidHold < 0)
        {
            await TouristLedger.ReleaseHoldAsync(tx, booking.TouristId, ct);
        }

        if (effects.PayOnArrivalPeople < 0)
        {
            await TouristLedger.ReleasePayOnArrivalAsync(tx, booking, ct);
        }

        await DailyStats.StandingAsync(tx, booking, effects.Booked, effects.ToCome, ct);

        return null;
    }

    /// <summary>The booking was no longer in the status it was read in.</summary>
    public static readonly Error Lost = Error.Conflict("booking_changed", "The booking changed meanwhile; read it again.");
}
