using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Reports;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Reports.RebuildDailyStats;

/// <summary>Recomputes the daily figures from the raw records (bookings and walk-in entries) and replaces the
/// kept ones. Kept and rebuilt figures must be identical; this is the check, and the repair if they ever differ.</summary>
[Allowed(Caller.Admin, Caller.System)]
public sealed record RebuildDailyStats : ICommand<Result<RebuildReport>>;

public sealed record RebuildReport(int OfferingDays, int VenueDays, bool Changed);

public sealed class RebuildDailyStatsHandler(IAppDbContext db, IWriteTransactions writes)
    : ICommandHandler<RebuildDailyStats, Result<RebuildReport>>
{
    public async ValueTask<Result<RebuildReport>> Handle(RebuildDailyStats command, CancellationToken ct)
    {
        var rebuilt = await ComputeAsync(db, ct);
        var walkIns = await db.WalkIns.AsNoTracking().GroupBy(w => new { w.VenueId, w.Date })
            .Select(g => new { g.Key.VenueId, g.Key.Date, Total = g.Sum(w => w.Count) }).ToListAsync(ct);
        var kept = (await db.OfferingDays.AsNoTracking().ToListAsync(ct))
            .Where(d => d.Booked != 0 || d.CheckedIn != 0 || d.Revenue != 0)
            .ToDictionary(d => (d.OfferingId, d.Date), d => (d.Booked, d.CheckedIn, d.Revenue));
        var changed = kept.Count != rebuilt.Count || rebuilt.Any(r => !kept.TryGetValue(r.Key, out var k) || k != r.Value);

        await writes.RunAsync(async (tx, token) =>
        {
            await tx.OfferingDays.ExecuteDeleteAsync(token);
            tx.OfferingDays.AddRange(rebuilt.Select(r => new OfferingDay(r.Key.OfferingId, r.Key.Date, r.Value.Booked, r.Value.CheckedIn, r.Value.Revenue)));
            await tx.SaveChangesAsync(token);
            await tx.VenueDays.ExecuteUpdateAsync(d => d.SetProperty(x => x.WalkIns, 0), token);
            foreach (var w in walkIns)
            {
                await tx.VenueDays.Where(d => d.VenueId == w.VenueId && d.Date == w.Date)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.WalkIns, w.Total), token);
            }

            return Result<Success>.Success(Success.Value);
        }, ct);
        return new RebuildReport(rebuilt.Count, walkIns.Count, changed);
    }

    /// <summary>The figures as the bookings say they are.</summary>
    public static async Task<Dictionary<(Guid OfferingId, DateOnly Date), (int Booked, int CheckedIn, long Revenue)>> ComputeAsync(
        IAppDbContext db, CancellationToken ct)
    {
        var figures = new Dictionary<(Guid, DateOnly), (int Booked, int CheckedIn, long Revenue)>();
        void Add(Guid offering, DateOnly date, int booked, int checkedIn, long revenue)
        {
            var current = figures.GetValueOrDefault((offering, date));
            figures[(offering, date)] = (current.Booked + booked, current.CheckedIn + checkedIn, current.Revenue + revenue);
        }

        var bookings = db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.NoShow || b.AmountPaid > 0)
            .Select(b => new { b.OfferingId, b.Date, b.EndDate, b.Status, People = b.Adults + b.Children, b.CheckedInHeadcount, b.AmountPaid, b.RefundAmount, b.PaymentMethod, b.Total, b.BalanceDue })
            .AsAsyncEnumerable();
        await foreach (var b in bookings.WithCancellation(ct))
        {
            var stands = b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.NoShow;
            for (var d = b.Date; d < b.EndDate; d = d.AddDays(1))
            {
                Add(b.OfferingId, d, stands ? b.People : 0, b.Status == BookingStatus.CheckedIn ? b.CheckedInHeadcount ?? 0 : 0, 0);
            }

            // Money: captured minus refunded; a paid booking refunded in full nets to nothing.
            // At the gate, on check-in: the price of a booking paid on arrival, or a move's balance left unpaid online.
            var revenue = b.AmountPaid - b.RefundAmount
                          + (b.Status == BookingStatus.CheckedIn ? (b.PaymentMethod == PaymentMethod.PayOnArrival ? b.Total : b.BalanceDue) : 0);
            Add(b.OfferingId, b.Date, 0, 0, revenue);
        }

        return figures.Where(f => f.Value != (0, 0, 0L)).ToDictionary(f => f.Key, f => f.Value);
    }
}
