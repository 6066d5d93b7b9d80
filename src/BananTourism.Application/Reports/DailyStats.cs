using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Produce;
using BananTourism.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reports;

/// <summary>Moves the per-offering daily figures with a booking's transitions, and the produce figures with weigh-outs,
/// inside their transaction.</summary>
public static class DailyStats
{
    /// <summary>A booking started (+1) or stopped (-1) counting as booked and as expected to come: its party counts on
    /// each of its dates.</summary>
    public static Task StandingAsync(IAppDbContext tx, Booking b, int booked, int toCome, CancellationToken ct) =>
        booked == 0 && toCome == 0
            ? Task.CompletedTask
            : AddAsync(tx, b.OfferingId, b.Date, b.EndDate, new Figures(booked * b.PartySize, 0, 0, 0, 0, toCome * b.PartySize), ct);

    /// <summary>A confirmed booking arrives (+1, made or moved here) or leaves (-1, moved away): booked and expected.</summary>
    public static Task ConfirmedAsync(IAppDbContext tx, Booking b, int sign, CancellationToken ct) => StandingAsync(tx, b, sign, sign, ct);

    public static Task CheckedInAsync(IAppDbContext tx, Booking b, int headcount, CancellationToken ct) =>
        AddAsync(tx, b.OfferingId, b.Date, b.EndDate, new Figures(0, headcount, 0, 0, 0, 0), ct);

    /// <summary>Money taken (positive) or given back (negative), on the visit's date. <paramref name="b"/> is the booking as
    /// it was before this money: its extras' share moves from what it had brought to what it brings now.</summary>
    public static Task RevenueAsync(IAppDbContext tx, Booking b, long amount, CancellationToken ct)
    {
        var before = BookingRevenue.Net(b);
        return MoneyAsync(tx, b, before, before + amount, ct);
    }

    /// <summary>The booking's money goes from <paramref name="from"/> to <paramref name="to"/> fen (a move takes it all
    /// from the old date, and brings it all to the new one).</summary>
    public static Task MoneyAsync(IAppDbContext tx, Booking b, long from, long to, CancellationToken ct)
    {
        var extras = BookingRevenue.ExtrasShare(to, b.Total, b.ExtrasTotal) - BookingRevenue.ExtrasShare(from, b.Total, b.ExtrasTotal);
        return to == from ? Task.CompletedTask : AddAsync(tx, b.OfferingId, b.Date, b.Date.AddDays(1), new Figures(0, 0, to - from, extras, 0, 0), ct);
    }

    /// <summary>A weigh-out's money counted (+1, collected or paid) or no longer (-1, voided): the offering's produce revenue
    /// and each product's quantity and revenue on the day it was weighed.</summary>
    public static async Task ProduceAsync(IAppDbContext tx, WeighOut w, int sign, CancellationToken ct)
    {
        await AddAsync(tx, w.OfferingId, w.Date, w.Date.AddDays(1), new Figures(0, 0, 0, 0, sign * w.Total, 0), ct);
        foreach (var line in w.Lines)
        {
            var (quantity, revenue) = (sign * line.QuantityThousandths, sign * line.Amount);
            var updated = await tx.ProduceDays
                .Where(d => d.OfferingId == w.OfferingId && d.Date == w.Date && d.ProduceId == line.ProduceId)
                .ExecuteUpdateAsync(d => d
                    .SetProperty(x => x.QuantityThousandths, x => x.QuantityThousandths + quantity)
                    .SetProperty(x => x.Revenue, x => x.Revenue + revenue), ct);
            if (updated == 0)
            {
                tx.ProduceDays.Add(new ProduceDay(w.OfferingId, w.Date, line.ProduceId, line.Name, line.Unit, quantity, revenue));
                await tx.SaveChangesAsync(ct);
            }
        }
    }

    private readonly record struct Figures(int Booked, int CheckedIn, long Revenue, long ExtrasRevenue, long ProduceRevenue, int ToCome);

    private static async Task AddAsync(IAppDbContext tx, Guid offeringId, DateOnly from, DateOnly until, Figures f, CancellationToken ct)
    {
        var days = until.DayNumber - from.DayNumber;
        var updated = await tx.OfferingDays
            .Where(d => d.OfferingId == offeringId && d.Date >= from && d.Date < until)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Booked, x => x.Booked + f.Booked)
                .SetProperty(x => x.ToCome, x => x.ToCome + f.ToCome)
                .SetProperty(x => x.CheckedIn, x => x.CheckedIn + f.CheckedIn)
                .SetProperty(x => x.Revenue, x => x.Revenue + f.Revenue)
                .SetProperty(x => x.ExtrasRevenue, x => x.ExtrasRevenue + f.ExtrasRevenue)
                .SetProperty(x => x.ProduceRevenue, x => x.ProduceRevenue + f.ProduceRevenue), ct);
        if (updated == days)
        {
            return;
        }

        var existing = await tx.OfferingDays.Where(d => d.OfferingId == offeringId && d.Date >= from && d.Date < until)
            .Select(d => d.Date).ToListAsync(ct);
        var missing = Enumerable.Range(0, days).Select(from.AddDays).Except(existing).ToList();
        tx.OfferingDays.AddRange(missing.Select(date =>
            new OfferingDay(offeringId, date, f.Booked, f.CheckedIn, f.Revenue, f.ExtrasRevenue, f.ProduceRevenue, f.ToCome)));
        await tx.SaveChangesAsync(ct);
    }
}
