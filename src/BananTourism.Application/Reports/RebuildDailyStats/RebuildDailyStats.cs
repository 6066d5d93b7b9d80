using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Reports;
using BananTourism.Domain.Users;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Reports.RebuildDailyStats;

/// <summary>Recomputes the daily figures from the raw records (bookings and walk-in entries) and replaces the
/// kept ones. Kept and rebuilt figures must be identical; this is the check, and the repair if they ever differ.</summary>
[Allowed(Caller.Admin, Caller.System)]
public sealed record RebuildDailyStats : ICommand<Result<RebuildReport>>;

public sealed record RebuildReport(int OfferingDays, int VenueDays, bool Changed)
{
    public int ProduceDays { get; init; }
}

/// <summary>One offering's figures on one date.</summary>
public readonly record struct DayFigures(int Booked, int CheckedIn, long Revenue, long ExtrasRevenue, long ProduceRevenue, int ToCome = 0);

/// <summary>One product's figures on one date.</summary>
public readonly record struct ProduceFigures(string Name, ProduceUnit Unit, long QuantityThousandths, long Revenue);

public sealed class RebuildDailyStatsHandler(IAppDbContext db, IWriteTransactions writes)
    : ICommandHandler<RebuildDailyStats, Result<RebuildReport>>
{
    public async ValueTask<Result<RebuildReport>> Handle(RebuildDailyStats command, CancellationToken ct)
    {
        var (rebuilt, produce) = await ComputeAsync(db, ct);
        var walkIns = await db.WalkIns.AsNoTracking().GroupBy(w => new { w.VenueId, w.Date })
            .Select(g => new { g.Key.VenueId, g.Key.Date, Total = g.Sum(w => w.Count) }).ToListAsync(ct);
        var kept = (await db.OfferingDays.AsNoTracking().ToListAsync(ct))
            .Select(d => (Key: (d.OfferingId, d.Date), Value: new DayFigures(d.Booked, d.CheckedIn, d.Revenue, d.ExtrasRevenue, d.ProduceRevenue, d.ToCome)))
            .Where(d => d.Value != default)
            .ToDictionary(d => d.Key, d => d.Value);
        var keptProduce = (await db.ProduceDays.AsNoTracking().ToListAsync(ct))
            .Where(d => d.QuantityThousandths != 0 || d.Revenue != 0)
            .ToDictionary(d => (d.OfferingId, d.Date, d.ProduceId), d => (d.QuantityThousandths, d.Revenue));
        var changed = kept.Count != rebuilt.Count || rebuilt.Any(r => !kept.TryGetValue(r.Key, out var k) || k != r.Value)
                      || keptProduce.Count != produce.Count
                      || produce.Any(p => !keptProduce.TryGetValue(p.Key, out var k) || k != (p.Value.QuantityThousandths, p.Value.Revenue));

        await writes.RunAsync(async (tx, token) =>
        {
            await tx.OfferingDays.ExecuteDeleteAsync(token);
            await tx.ProduceDays.ExecuteDeleteAsync(token);
            tx.OfferingDays.AddRange(rebuilt.Select(r => new OfferingDay(
                r.Key.OfferingId, r.Key.Date, r.Value.Booked, r.Value.CheckedIn, r.Value.Revenue, r.Value.ExtrasRevenue, r.Value.ProduceRevenue, r.Value.ToCome)));
            tx.ProduceDays.AddRange(produce.Select(p => new ProduceDay(
                p.Key.OfferingId, p.Key.Date, p.Key.ProduceId, p.Value.Name, p.Value.Unit, p.Value.QuantityThousandths, p.Value.Revenue)));
            await tx.SaveChangesAsync(token);
            await tx.VenueDays.ExecuteUpdateAsync(d => d.SetProperty(x => x.WalkIns, 0), token);
            foreach (var w in walkIns)
            {
                await tx.VenueDays.Where(d => d.VenueId == w.VenueId && d.Date == w.Date)
                    .ExecuteUpdateAsync(d => d.SetProperty(x => x.WalkIns, w.Total), token);
            }

            return Result<Success>.Success(Success.Value);
        }, ct);
        return new RebuildReport(rebuilt.Count, walkIns.Count, changed) { ProduceDays = produce.Count };
    }

    /// <summary>The figures as the bookings and the weigh-outs say they are.</summary>
    public static async Task<(Dictionary<(Guid OfferingId, DateOnly Date), DayFigures> Days,
        Dictionary<(Guid OfferingId, DateOnly Date, Guid ProduceId), ProduceFigures> Produce)> ComputeAsync(IAppDbContext db, CancellationToken ct)
    {
        var figures = new Dictionary<(Guid, DateOnly), DayFigures>();
        void Add(Guid offering, DateOnly date, DayFigures f)
        {
            var c = figures.GetValueOrDefault((offering, date));
            figures[(offering, date)] = new DayFigures(
                c.Booked + f.Booked, c.CheckedIn + f.CheckedIn, c.Revenue + f.Revenue, c.ExtrasRevenue + f.ExtrasRevenue, c.ProduceRevenue + f.ProduceRevenue,
                c.ToCome + f.ToCome);
        }

        var bookings = db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.NoShow || b.AmountPaid > 0)
            .Select(b => new { b.OfferingId, b.Date, b.EndDate, b.Status, People = b.Adults + b.Children, b.CheckedInHeadcount, b.AmountPaid, b.RefundAmount, b.PaymentMethod, b.Total, b.ExtrasTotal, b.BalanceDue })
            .AsAsyncEnumerable();
        await foreach (var b in bookings.WithCancellation(ct))
        {
            var stands = b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.NoShow;
            for (var d = b.Date; d < b.EndDate; d = d.AddDays(1))
            {
                Add(b.OfferingId, d, new DayFigures(
                    stands ? b.People : 0, b.Status == BookingStatus.CheckedIn ? b.CheckedInHeadcount ?? 0 : 0, 0, 0, 0,
                    b.Status == BookingStatus.Confirmed ? b.People : 0));
            }

            // Money: captured minus refunded, plus what the gate collected; a paid booking refunded in full nets to nothing.
            var net = BookingRevenue.Net(b.AmountPaid, b.RefundAmount, b.Status, b.PaymentMethod, b.Total, b.BalanceDue);
            Add(b.OfferingId, b.Date, new DayFigures(0, 0, net, BookingRevenue.ExtrasShare(net, b.Total, b.ExtrasTotal), 0));
        }

        var produce = new Dictionary<(Guid, DateOnly, Guid), ProduceFigures>();
        var weighOuts = db.WeighOuts.AsNoTracking()
            .Where(w => w.Status == WeighOutStatus.Collected || w.Status == WeighOutStatus.Paid)
            .AsAsyncEnumerable();
        await foreach (var w in weighOuts.WithCancellation(ct))
        {
            Add(w.OfferingId, w.Date, new DayFigures(0, 0, 0, 0, w.Total));
            foreach (var line in w.Lines)
            {
                var key = (w.OfferingId, w.Date, line.ProduceId);
                var c = produce.GetValueOrDefault(key, new ProduceFigures(line.Name, line.Unit, 0, 0));
                produce[key] = c with { QuantityThousandths = c.QuantityThousandths + line.QuantityThousandths, Revenue = c.Revenue + line.Amount };
            }
        }

        return (figures.Where(f => f.Value != default).ToDictionary(f => f.Key, f => f.Value),
            produce.Where(p => p.Value.QuantityThousandths != 0 || p.Value.Revenue != 0).ToDictionary(p => p.Key, p => p.Value));
    }
}
