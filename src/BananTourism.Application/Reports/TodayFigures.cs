using BananTourism.Application.Common;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reports;

/// <summary>One venue today, as the township's board and the operator's home show it.</summary>
/// <param name="Booked">People in today's standing bookings (confirmed, checked in, no-show).</param>
/// <param name="Arrived">Headcount checked in at the gate.</param>
/// <param name="ExpectedToCome">People in confirmed bookings not yet checked in.</param>
/// <param name="Capacity">The venue's daily cap, or else the places of its open sessions and the beds of its open nights today.</param>
/// <param name="Remaining">Capacity not taken by bookings or walk-ins.</param>
/// <param name="Utilization">(booked + walk-ins) ÷ capacity, to four decimals.</param>
public sealed record TodayVenueRow(
    Guid VenueId, string Name, string? NameEn, Guid TownshipId, Guid VillageId, Guid OperatorId, int? DailyCap, int Capacity,
    int Booked, int Arrived, int WalkIns, int ExpectedToCome, int Remaining, decimal Utilization, CrowdLevel Level);

public sealed record TodayTotals(int Venues, int Capacity, int Booked, int Arrived, int WalkIns, int ExpectedToCome, decimal Utilization);

public sealed record TodayReport(DateOnly Date, IReadOnlyList<TodayVenueRow> Venues, TodayTotals Totals)
{
    public static TodayReport Of(DateOnly date, IReadOnlyList<TodayVenueRow> rows)
    {
        var capacity = rows.Sum(r => r.Capacity);
        return new TodayReport(date, rows, new TodayTotals(
            rows.Count, capacity, rows.Sum(r => r.Booked), rows.Sum(r => r.Arrived), rows.Sum(r => r.WalkIns), rows.Sum(r => r.ExpectedToCome),
            CrowdThresholds.Utilization(rows.Sum(r => r.Booked + r.WalkIns), capacity)));
    }
}

/// <summary>Reads today's rows from the figures kept in the booking and walk-in transactions (offering days, venue days)
/// and today's sessions and nights: a handful of indexed reads of one date, never a scan of bookings.</summary>
public static class TodayFigures
{
    /// <summary>The venues of <paramref name="townshipId"/> (or of <paramref name="operatorId"/>, or all), by name.</summary>
    public static async Task<IReadOnlyList<TodayVenueRow>> ReadAsync(
        IAppDbContext db, DateOnly today, Guid? townshipId, Guid? operatorId, Guid? venueId, CancellationToken ct)
    {
        var venues = await (from v in db.Venues
                            join vil in db.Villages on v.VillageId equals vil.Id
                            where (townshipId == null || vil.TownshipId == townshipId)
                                  && (operatorId == null || v.OperatorId == operatorId)
                                  && (venueId == null || v.Id == venueId)
                            orderby v.Name, v.Id
                            select new { v.Id, v.Name, v.NameEn, vil.TownshipId, v.VillageId, v.OperatorId, v.DailyCap, v.CrowdBusy, v.CrowdCrowded })
            .AsNoTracking().ToListAsync(ct);
        if (venues.Count == 0)
        {
            return [];
        }

        var single = venues.Count == 1 ? venues[0].Id : (Guid?)null;
        var figures = await (from d in db.OfferingDays
                             join o in db.Offerings on d.OfferingId equals o.Id
                             where d.Date == today && (single == null || o.VenueId == single)
                             group d by o.VenueId into g
                             select new { VenueId = g.Key, Booked = g.Sum(d => d.Booked), Arrived = g.Sum(d => d.CheckedIn), ToCome = g.Sum(d => d.ToCome) })
            .AsNoTracking().ToDictionaryAsync(f => f.VenueId, ct);
        var walkIns = await db.VenueDays.Where(d => d.Date == today && (single == null || d.VenueId == single))
            .Select(d => new { d.VenueId, d.WalkIns }).AsNoTracking().ToDictionaryAsync(d => d.VenueId, d => d.WalkIns, ct);
        var sessions = await (from s in db.Slots
                              join o in db.Offerings on s.OfferingId equals o.Id
                              where s.Date == today && (single == null || o.VenueId == single)
                              group s by o.VenueId into g
                              select new { VenueId = g.Key, Places = g.Sum(s => s.Closed ? 0 : s.Capacity), Open = g.Count(s => !s.Closed) })
            .AsNoTracking().ToDictionaryAsync(s => s.VenueId, ct);
        var nights = await (from n in db.Nights
                            join o in db.Offerings on n.OfferingId equals o.Id
                            where n.Date == today && (single == null || o.VenueId == single)
                            group new { n.Units, n.Closed, o.Units.MaxPeople } by o.VenueId into g
                            select new { VenueId = g.Key, Beds = g.Sum(n => n.Closed ? 0 : n.Units * n.MaxPeople), Open = g.Count(n => !n.Closed) })
            .AsNoTracking().ToDictionaryAsync(n => n.VenueId, ct);

        return venues.Select(v =>
        {
            var f = figures.GetValueOrDefault(v.Id);
            var (booked, arrived, toCome) = f is null ? (0, 0, 0) : (f.Booked, f.Arrived, f.ToCome);
            var walked = walkIns.GetValueOrDefault(v.Id);
            var s = sessions.GetValueOrDefault(v.Id);
            var n = nights.GetValueOrDefault(v.Id);
            var scheduled = s is not null || n is not null;
            var open = (s?.Open ?? 0) + (n?.Open ?? 0) > 0;
            // Closed: everything on today's schedule is closed, or nothing is on it and no cap lets walk-ins in.
            var closed = scheduled ? !open : v.DailyCap is null;
            var capacity = v.DailyCap ?? (s?.Places ?? 0) + (n?.Beds ?? 0);
            var people = booked + walked;
            var thresholds = new CrowdThresholds(v.CrowdBusy, v.CrowdCrowded);
            return new TodayVenueRow(
                v.Id, v.Name, v.NameEn, v.TownshipId, v.VillageId, v.OperatorId, v.DailyCap, capacity, booked, arrived, walked, toCome,
                Math.Max(0, capacity - people), CrowdThresholds.Utilization(people, capacity), thresholds.LevelOf(people, capacity, closed));
        }).ToList();
    }
}
