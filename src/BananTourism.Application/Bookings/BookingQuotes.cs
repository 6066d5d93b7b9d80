using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings;

/// <summary>Prices a place in an offering on the server: a session for a party, or nights for units. Shared by a new
/// booking and a move, so both price the same way (weekend and holiday prices, children, nights).</summary>
public static class BookingQuotes
{
    public static async Task<Result<(Slot Slot, IReadOnlyList<BookingLine> Lines)>> ForSlotAsync(
        IAppDbContext db, Offering offering, Guid slotId, int adults, int children, DateTimeOffset now, CancellationToken ct)
    {
        var found = await db.Slots.AsNoTracking()
            .Where(s => s.Id == slotId && s.OfferingId == offering.Id)
            .Select(s => new { Slot = s, Holiday = db.Holidays.Any(h => h.Date == s.Date) })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BookingErrors.SlotNotFound;
        }

        if (VenueTime.ToInstant(found.Slot.Date, found.Slot.Start) <= now)
        {
            return BookingErrors.AlreadyStarted;
        }

        return (found.Slot, Pricing.ForSlot(offering.Prices, found.Slot.Date, found.Holiday, adults, children));
    }

    public static async Task<Result<IReadOnlyList<BookingLine>>> ForStayAsync(
        IAppDbContext db, Offering offering, DateOnly checkIn, DateOnly checkOut, int units, int party, DateTimeOffset now, CancellationToken ct)
    {
        if (offering.Units.Check(units, party) is { } misfit)
        {
            return misfit;
        }

        if (offering.MinNights is { } minNights && checkOut.DayNumber - checkIn.DayNumber < minNights)
        {
            return BookingErrors.MinNights(minNights);
        }

        if (checkIn < VenueTime.Today(now))
        {
            return BookingErrors.AlreadyStarted;
        }

        var holidays = (await db.Holidays.Where(h => h.Date >= checkIn && h.Date < checkOut).Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        return Result<IReadOnlyList<BookingLine>>.Success(Pricing.ForStay(offering.Prices, checkIn, checkOut, units, holidays));
    }
}
