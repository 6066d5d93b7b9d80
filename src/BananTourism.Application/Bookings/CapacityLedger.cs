using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings;

/// <summary>Takes and gives back capacity (slot seats, night units, the venue's daily cap) with conditional
/// UPDATEs only: the database decides, so no number of processes can oversell. Callers run these inside the
/// booking's transaction (on the context <see cref="IWriteTransactions"/> gives them) and roll back when any
/// part is refused.</summary>
public static class CapacityLedger
{
    public static async Task<Error?> TakeAsync(IAppDbContext db, Booking booking, int? dailyCap, CancellationToken ct)
    {
        var refused = booking.Kind switch
        {
            OfferingKind.TimeSlot => await TakeSlotAsync(db, booking.SlotId!.Value, booking.PartySize, ct),
            OfferingKind.Nightly => await TakeNightsAsync(db, booking.OfferingId, booking.Date, booking.EndDate, booking.Units!.Value, ct),
        };
        return refused ?? await TakeVenueDaysAsync(db, booking, dailyCap, ct) ?? await TakeExtrasAsync(db, booking, ct);
    }

    public static async Task ReleaseAsync(IAppDbContext db, Booking booking, CancellationToken ct)
    {
        var people = booking.PartySize;
        var units = booking.Units ?? 0;
        _ = booking.Kind switch
        {
            OfferingKind.TimeSlot => await db.Slots.Where(s => s.Id == booking.SlotId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved - people), ct),
            OfferingKind.Nightly => await db.Nights.Where(n => n.OfferingId == booking.OfferingId && n.Date >= booking.Date && n.Date < booking.EndDate)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Reserved, x => x.Reserved - units), ct),
        };

        await db.VenueDays.Where(d => d.VenueId == booking.VenueId && d.Date >= booking.Date && d.Date < booking.EndDate)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Reserved, x => x.Reserved - people), ct);
        var session = booking.SlotId ?? Guid.Empty;
        foreach (var extra in booking.ExtrasChosen)
        {
            var quantity = extra.Quantity;
            await db.ExtraStocks.Where(s => s.ExtraId == extra.ExtraId && s.SlotId == session && s.Date >= booking.Date && s.Date < booking.EndDate)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - quantity), ct);
        }
    }

    /// <summary>Takes each chosen extra in the booking's session (or on each night of a stay), within the stock the
    /// offering sets now where it sets one. Every extra is counted, limited or not, so releasing is always exact.</summary>
    private static async Task<Error?> TakeExtrasAsync(IAppDbContext db, Booking booking, CancellationToken ct)
    {
        var chosen = booking.ExtrasChosen.ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var offered = await db.Offerings.AsNoTracking().Where(o => o.Id == booking.OfferingId).Select(o => o.Extras).SingleAsync(ct);
        var session = booking.SlotId ?? Guid.Empty;
        var days = booking.EndDate.DayNumber - booking.Date.DayNumber;
        foreach (var extra in chosen)
        {
            var (quantity, stock) = (extra.Quantity, offered.FirstOrDefault(e => e.Id == extra.ExtraId)?.StockPerSession ?? int.MaxValue);
            if (quantity > stock)
            {
                return BookingErrors.ExtraSoldOut;
            }

            var taken = await db.ExtraStocks
                .Where(s => s.ExtraId == extra.ExtraId && s.SlotId == session && s.Date >= booking.Date && s.Date < booking.EndDate
                            && s.Taken + quantity <= stock)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + quantity), ct);
            if (taken == days)
            {
                continue;
            }

            var existing = await db.ExtraStocks
                .Where(s => s.ExtraId == extra.ExtraId && s.SlotId == session && s.Date >= booking.Date && s.Date < booking.EndDate)
                .Select(s => s.Date).ToListAsync(ct);
            if (existing.Count != taken)
            {
                return BookingErrors.ExtraSoldOut; // the caller rolls back what was taken
            }

            db.ExtraStocks.AddRange(booking.Dates.Except(existing).Select(date => new ExtraStock(extra.ExtraId, date, session, quantity)));
        }

        return null;
    }

    private static async Task<Error?> TakeSlotAsync(IAppDbContext db, Guid slotId, int people, CancellationToken ct)
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

    private static async Task<Error?> TakeNightsAsync(IAppDbContext db, Guid offeringId, DateOnly checkIn, DateOnly checkOut, int units, CancellationToken ct)
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

    /// <summary>Counts the party on each of the booking's dates at its venue, within the daily cap (walk-ins
    /// already counted at the gate that day use the cap too). A date
    /// nobody has booked yet has no counter row: it is created here, inside the transaction. On SQLite the
    /// transaction already holds the write lock; on SQL Server two first bookings of the same day may both try,
    /// and the primary key refuses one, whose booking is then retried.</summary>
    private static async Task<Error?> TakeVenueDaysAsync(IAppDbContext db, Booking booking, int? dailyCap, CancellationToken ct)
    {
        var people = booking.PartySize;
        var cap = dailyCap ?? int.MaxValue;
        var days = booking.EndDate.DayNumber - booking.Date.DayNumber;
        var taken = await db.VenueDays
            .Where(d => d.VenueId == booking.VenueId && d.Date >= booking.Date && d.Date < booking.EndDate
                        && d.Reserved + d.WalkIns + people <= cap)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Reserved, x => x.Reserved + people), ct);
        if (taken == days)
        {
            return null;
        }

        var existing = await db.VenueDays
            .Where(d => d.VenueId == booking.VenueId && d.Date >= booking.Date && d.Date < booking.EndDate)
            .Select(d => d.Date)
            .ToListAsync(ct);
        if (existing.Count != taken || people > cap)
        {
            return BookingErrors.DailyCapReached;
        }

        db.VenueDays.AddRange(booking.Dates.Except(existing).Select(date => new VenueDay(booking.VenueId, date, people)));
        return null;
    }
}
