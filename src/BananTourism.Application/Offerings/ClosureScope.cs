using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Offerings;

/// <summary>What a closure of an offering over [From, To] (or of one slot) touches.</summary>
public sealed record ClosureScope(Guid OfferingId, OfferingKind Kind, DateOnly From, DateOnly To, Guid? SlotId)
{
    /// <summary>Closes what is open in the scope (slots or nights), with the reason tourists see: how many of each.</summary>
    public async Task<(int Slots, int Nights)> CloseAsync(IAppDbContext tx, string reason, CancellationToken ct) => Kind switch
    {
        OfferingKind.TimeSlot => (await Slots(tx).Where(x => !x.Closed)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.Closed, true).SetProperty(p => p.ClosedReason, reason), ct), 0),
        OfferingKind.Nightly => (0, await Nights(tx).Where(x => !x.Closed)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.Closed, true).SetProperty(p => p.ClosedReason, reason), ct)),
    };

    /// <summary>How many slots or nights in the scope are still open.</summary>
    public async Task<(int Slots, int Nights)> OpenAsync(IAppDbContext db, CancellationToken ct) => Kind switch
    {
        OfferingKind.TimeSlot => (await Slots(db).CountAsync(x => !x.Closed, ct), 0),
        OfferingKind.Nightly => (0, await Nights(db).CountAsync(x => !x.Closed, ct)),
    };

    public IQueryable<Slot> Slots(IAppDbContext db) =>
        db.Slots.Where(s => s.OfferingId == OfferingId && s.Date >= From && s.Date <= To && (SlotId == null || s.Id == SlotId));

    public IQueryable<NightInventory> Nights(IAppDbContext db) =>
        db.Nights.Where(n => n.OfferingId == OfferingId && n.Date >= From && n.Date <= To);

    /// <summary>Held and confirmed bookings on a closed slot, or staying any closed night. Checked-in bookings
    /// came already; cancelled, expired and no-show ones hold nothing.</summary>
    public IQueryable<Booking> AffectedBookings(IAppDbContext db)
    {
        var active = db.Bookings.Where(b => b.OfferingId == OfferingId
                                            && (b.Status == BookingStatus.Held || b.Status == BookingStatus.Confirmed));
        var (from, to) = (From, To);
        return Kind switch
        {
            OfferingKind.TimeSlot => active.Where(b => b.SlotId != null && Slots(db).Select(s => s.Id).Contains(b.SlotId.Value)),
            OfferingKind.Nightly => active.Where(b => b.Date <= to && b.EndDate > from),
        };
    }
}

/// <param name="Mode">What happens to the bookings it touches: cancelled and refunded (the default), or kept with a
/// move offered until <paramref name="MoveUntil"/> (default: 30 days from today, and never before the last closed day).</param>
public sealed record ClosureBody(DateOnly? From, DateOnly? To, Guid? SlotId, string Reason, ClosureMode? Mode = null, DateOnly? MoveUntil = null);

public enum ClosureMode
{
    /// <summary>Every held or confirmed booking it touches is cancelled and refunded in full.</summary>
    Cancel,

    /// <summary>Confirmed bookings stay, with an offer to move free of the policy until a date (闭园改期); unpaid
    /// holds are released, as there is nothing to move yet.</summary>
    OfferMove,
}

public sealed record ClosureResult(int ClosedSlots, int ClosedNights, int CancelledBookings, BananTourism.Domain.Common.Money Refunded)
{
    /// <summary>Bookings kept with an offer to move (mode <see cref="ClosureMode.OfferMove"/>).</summary>
    public int MovesOffered { get; init; }

    /// <summary>The last day a move is offered, when any was.</summary>
    public DateOnly? MoveUntil { get; init; }
}
