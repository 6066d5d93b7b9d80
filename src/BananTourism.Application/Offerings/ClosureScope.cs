using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;

namespace BananTourism.Application.Offerings;

/// <summary>What a closure of an offering over [From, To] (or of one slot) touches.</summary>
public sealed record ClosureScope(Guid OfferingId, OfferingKind Kind, DateOnly From, DateOnly To, Guid? SlotId)
{
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
        if (Kind == OfferingKind.TimeSlot)
        {
            var slots = Slots(db).Select(s => s.Id);
            return active.Where(b => b.SlotId != null && slots.Contains(b.SlotId.Value));
        }

        var (from, to) = (From, To);
        return active.Where(b => b.Date <= to && b.EndDate > from);
    }
}

public sealed record ClosureBody(DateOnly? From, DateOnly? To, Guid? SlotId, string Reason);

public sealed record ClosureResult(int ClosedSlots, int ClosedNights, int CancelledBookings, BananTourism.Domain.Common.Money Refunded);
