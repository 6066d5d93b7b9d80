using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reports;

/// <summary>Moves the per-offering daily figures with a booking's transitions, inside their transaction.</summary>
public static class DailyStats
{
    /// <summary>A booking started (+1) or stopped (-1) standing: its party counts as booked on each of its dates.</summary>
    public static Task BookedAsync(IAppDbContext tx, Booking b, int sign, CancellationToken ct) =>
        AddAsync(tx, b.OfferingId, b.Date, b.EndDate, booked: sign * b.PartySize, checkedIn: 0, revenue: 0, ct);

    public static Task CheckedInAsync(IAppDbContext tx, Booking b, int headcount, CancellationToken ct) =>
        AddAsync(tx, b.OfferingId, b.Date, b.EndDate, booked: 0, checkedIn: headcount, revenue: 0, ct);

    /// <summary>Money taken (positive) or given back (negative), on the visit's date.</summary>
    public static Task RevenueAsync(IAppDbContext tx, Booking b, long amount, CancellationToken ct) =>
        amount == 0 ? Task.CompletedTask : AddAsync(tx, b.OfferingId, b.Date, b.Date.AddDays(1), 0, 0, amount, ct);

    private static async Task AddAsync(
        IAppDbContext tx, Guid offeringId, DateOnly from, DateOnly until, int booked, int checkedIn, long revenue, CancellationToken ct)
    {
        var days = until.DayNumber - from.DayNumber;
        var updated = await tx.OfferingDays
            .Where(d => d.OfferingId == offeringId && d.Date >= from && d.Date < until)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Booked, x => x.Booked + booked)
                .SetProperty(x => x.CheckedIn, x => x.CheckedIn + checkedIn)
                .SetProperty(x => x.Revenue, x => x.Revenue + revenue), ct);
        if (updated == days)
        {
            return;
        }

        var existing = await tx.OfferingDays.Where(d => d.OfferingId == offeringId && d.Date >= from && d.Date < until)
            .Select(d => d.Date).ToListAsync(ct);
        var missing = Enumerable.Range(0, days).Select(from.AddDays).Except(existing).ToList();
        tx.OfferingDays.AddRange(missing.Select(date => new OfferingDay(offeringId, date, booked, checkedIn, revenue)));
        await tx.SaveChangesAsync(ct);
    }
}
