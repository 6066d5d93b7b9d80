using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings;

/// <summary>Takes and gives back capacity (slot seats, night units, the venue's daily cap) with conditional
/// UPDATEs only: the database decides, so no number of processes can oversell. Callers run these inside the
/// booking's transaction and roll back when any part is refused.</summary>
public sealed class CapacityLedger(IAppDbContext db)
{
    /// <summary>Makes sure the venue has a counter row for each date. Runs before the booking transaction;
    /// the primary key settles two requests creating the same row.</summary>
    public async Task EnsureVenueDaysAsync(Guid venueId, IReadOnlyCollection<DateOnly> dates, CancellationToken ct)
    {
        var existing = await db.VenueDays.Where(d => d.VenueId == venueId && dates.Contains(d.Date)).Select(d => d.Date).ToListAsync(ct);
        foreach (var date in dates.Except(existing))
        {
            var day = new VenueDay(venueId, date);
            db.VenueDays.Add(day);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DuplicateKeyException)
            {
                // Another booking created it first; that is all we wanted.
            }
            finally
            {
                db.Entry(day).State = EntityState.Detached;
            }
        }
    }

    public async Task<Error?> TakeAsync(Booking booking, int? dailyCap, CancellationToken ct)
    {
        var refused = booking.Kind == OfferingKind.TimeSlot
            ? await TakeSlotAsync(booking.SlotId!.Value, booking.PartySize, ct)
            : await TakeNightsAsync(booking.OfferingId, booking.Date, booking.EndDate, booking.Units!.Value, ct);
        return refused ?? await TakeVenueDaysAsync(booking, dailyCap, ct);
    }

    public async Task ReleaseAsync(Booking booking, CancellationToken ct)
    {
        var people = booking.PartySize;
        if (booking.Kind == OfferingKind.TimeSlot)
        {
            await db.Slots.Where(s => s.Id == booking.SlotId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved - people), ct);
        }
        else
        {
            var units = booking.Units!.Value;
            await db.Nights.Where(n => n.OfferingId == booking.OfferingId && n.Date >= booking.Date && n.Date < booking.EndDate)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Reserved, x => x.Reserved - units), ct);
        }

        await db.VenueDays.Where(d => d.VenueId == booking.VenueId && d.Date >= booking.Date && d.Date < booking.EndDate)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Reserved, x => x.Reserved - people), ct);
    }

    private async Task<Error?> TakeSlotAsync(Guid slotId, int people, CancellationToken ct)
    {
        var taken = await db.Slots
            .Where(s => s.Id == slotId && !s.Closed && s.Reserved + people <= s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved + people), ct);
        if (taken == 1)
        {
            return null;
        }

        var closed = await db.Slots.Where(s => s.Id == slotId).Select(s => s.Closed).SingleAsync(ct);
        return closed ? BookingErrors.Closed : BookingErrors.SoldOut;
    }

    private async Task<Error?> TakeNightsAsync(Guid offeringId, DateOnly checkIn, DateOnly checkOut, int units, CancellationToken ct)
    {
        var nights = checkOut.DayNumber - checkIn.DayNumber;
        var taken = await db.Nights
            .Where(n => n.OfferingId == offeringId && n.Date >= checkIn && n.Date < checkOut
                        && !n.Closed && n.Reserved + units <= n.Units)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Reserved, x => x.Reserved + units), ct);
        if (taken == nights)
        {
            return null;
        }

        // Some night refused: the caller rolls back the nights that were taken. Say why.
        var range = db.Nights.Where(n => n.OfferingId == offeringId && n.Date >= checkIn && n.Date < checkOut);
        if (await range.CountAsync(ct) < nights)
        {
            return BookingErrors.NotOnSale;
        }

        return await range.AnyAsync(n => n.Closed, ct) ? BookingErrors.Closed : BookingErrors.SoldOut;
    }

    private async Task<Error?> TakeVenueDaysAsync(Booking booking, int? dailyCap, CancellationToken ct)
    {
        var people = booking.PartySize;
        var cap = dailyCap ?? int.MaxValue;
        var days = booking.EndDate.DayNumber - booking.Date.DayNumber;
        var taken = await db.VenueDays
            .Where(d => d.VenueId == booking.VenueId && d.Date >= booking.Date && d.Date < booking.EndDate
                        && d.Reserved + people <= cap)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Reserved, x => x.Reserved + people), ct);
        return taken == days ? null : BookingErrors.DailyCapReached;
    }
}
