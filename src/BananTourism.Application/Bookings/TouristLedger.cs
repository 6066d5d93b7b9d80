using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings;

/// <summary>What one tourist may hold without paying, kept like capacity (DESIGN rules 1 and 10): conditional
/// UPDATEs inside the booking's transaction, so neither parallel requests nor replicas can pass the limits.
/// <list type="bullet">
/// <item>unpaid holds at once (<see cref="BookingOptions.MaxUnpaidHolds"/>), a counter on the tourist's account;</item>
/// <item>people in open pay-on-arrival bookings per visit date (<see cref="BookingOptions.MaxPayOnArrivalPeoplePerDay"/>),
/// a counter per tourist and date.</item>
/// </list>
/// Every transition that ends a hold, or ends an open pay-on-arrival booking (cancelled, closed, checked in,
/// marked no-show), gives back what it took, in its own guarded transaction.</summary>
public static class TouristLedger
{
    public static Task<Error?> TakeAsync(IAppDbContext db, Booking booking, BookingOptions options, CancellationToken ct) =>
        booking.IsOnlinePayment
            ? TakeHoldAsync(db, booking.TouristId, options.MaxUnpaidHolds, ct)
            : TakePayOnArrivalAsync(db, booking, options.MaxPayOnArrivalPeoplePerDay, ct);

    /// <summary>After a held booking left <see cref="BookingStatus.Held"/> (paid, expired, cancelled, closed).</summary>
    public static Task ReleaseHoldAsync(IAppDbContext db, Guid touristId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == touristId && u.UnpaidHolds > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.UnpaidHolds, x => x.UnpaidHolds - 1), ct);

    /// <summary>After a confirmed pay-on-arrival booking was cancelled, closed, checked in or marked no-show.</summary>
    public static async Task ReleasePayOnArrivalAsync(IAppDbContext db, Booking booking, CancellationToken ct)
    {
        if (booking.IsOnlinePayment)
        {
            return;
        }

        var people = booking.PartySize;
        await db.TouristDays
            .Where(d => d.TouristId == booking.TouristId && d.Date >= booking.Date && d.Date < booking.EndDate && d.PayOnArrivalPeople >= people)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.PayOnArrivalPeople, x => x.PayOnArrivalPeople - people), ct);
    }

    private static async Task<Error?> TakeHoldAsync(IAppDbContext db, Guid touristId, int max, CancellationToken ct)
    {
        var taken = await db.Users.Where(u => u.Id == touristId && u.UnpaidHolds < max)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.UnpaidHolds, x => x.UnpaidHolds + 1), ct);
        return taken == 1 ? null : BookingErrors.TooManyHolds;
    }

    /// <summary>Counts the party on each of the booking's dates (a session's day, or every night of a stay). A date
    /// without a counter row gets one here, inside the transaction; on SQL Server two such first bookings may both
    /// try, and the primary key refuses one, which is retried.</summary>
    private static async Task<Error?> TakePayOnArrivalAsync(IAppDbContext db, Booking booking, int max, CancellationToken ct)
    {
        var people = booking.PartySize;
        var dates = booking.EndDate.DayNumber - booking.Date.DayNumber;
        var range = db.TouristDays.Where(d => d.TouristId == booking.TouristId && d.Date >= booking.Date && d.Date < booking.EndDate);
        var taken = await range.Where(d => d.PayOnArrivalPeople + people <= max)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.PayOnArrivalPeople, x => x.PayOnArrivalPeople + people), ct);
        if (taken == dates)
        {
            return null;
        }

        // Some dates have no row yet; any existing row that did not take the party means the ceiling is reached.
        var existing = await range.Select(d => d.Date).ToListAsync(ct);
        if (existing.Count != taken || people > max)
        {
            return BookingErrors.PayOnArrivalLimit(max); // the caller rolls back the dates that were taken
        }

        db.TouristDays.AddRange(booking.Dates.Except(existing).Select(date => new TouristDay(booking.TouristId, date, people)));
        return null;
    }
}
