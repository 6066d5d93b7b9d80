using System.Globalization;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reports.GetVisitorReport;

public enum Period
{
    Day,
    Week,
    Month,
    Year,
}

public enum Breakdown
{
    Township,
    Village,
    Venue,
    Category,
}

/// <summary>Visitors and revenue per period (and optionally per township, village, venue or category):
/// booked = people in bookings that stood (confirmed, checked in, no-show) on each date, a stay counting its
/// party on each night; checkedIn = headcount recorded at the gate (per night for stays); walkIns = counted at
/// the gate; visitors = checkedIn + walkIns; revenue = captured payments minus refunds, plus pay-on-arrival
/// bookings once checked in, on the visit's date. Walk-ins have no offering, so by category they count under
/// the venue's first category. Weeks are ISO weeks; all dates are Asia/Shanghai. Every period in the range
/// appears, with zeros where nothing happened.</summary>
public sealed record GetVisitorReport(
    DateOnly? From, DateOnly? To, Period? GroupBy, Guid? TownshipId, Guid? VillageId, Guid? VenueId, Category? Category, Breakdown? By)
    : IQuery<Result<VisitorReport>>;

public sealed record VisitorReport(IReadOnlyList<VisitorRow> Rows, VisitorTotals Totals);

public sealed record VisitorRow(string Period, string? Key, string? Name, int Booked, int CheckedIn, int WalkIns, int Visitors, Money Revenue);

public sealed record VisitorTotals(int Booked, int CheckedIn, int WalkIns, int Visitors, Money Revenue);

public sealed class GetVisitorReportHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetVisitorReport, Result<VisitorReport>>
{
    public async ValueTask<Result<VisitorReport>> Handle(GetVisitorReport query, CancellationToken ct)
    {
        var scope = await ReportScope.TownshipAsync(db, currentUser, query.TownshipId, query.VillageId, query.VenueId, ct);
        if (!scope.IsSuccess)
        {
            return Result<VisitorReport>.Failure(scope.Errors);
        }

        var (first, last) = (query.From!.Value, query.To!.Value);
        var township = scope.Value;
        var venues =
            from v in db.Venues
            join vil in db.Villages on v.VillageId equals vil.Id
            join t in db.Townships on vil.TownshipId equals t.Id
            where (township == null || vil.TownshipId == township)
                  && (query.VillageId == null || v.VillageId == query.VillageId)
                  && (query.VenueId == null || v.Id == query.VenueId)
            select new { Venue = v, Village = vil, Township = t };

        var byOffering = await (
                from d in db.OfferingDays
                join o in db.Offerings on d.OfferingId equals o.Id
                join x in venues on o.VenueId equals x.Venue.Id
                where d.Date >= first && d.Date <= last && (query.Category == null || o.Category == query.Category)
                group d by new { d.Date, x.Venue.Id, VenueName = x.Venue.Name, VillageId = x.Village.Id, VillageName = x.Village.Name, TownshipId = x.Township.Id, TownshipName = x.Township.Name, o.Category } into g
                select new Fact(g.Key.Date, g.Key.Id, g.Key.VenueName, g.Key.VillageId, g.Key.VillageName, g.Key.TownshipId, g.Key.TownshipName, g.Key.Category,
                    g.Sum(d => d.Booked), g.Sum(d => d.CheckedIn), 0, g.Sum(d => d.Revenue)))
            .AsNoTracking()
            .ToListAsync(ct);

        var mask = query.Category is { } c ? CategoryMask.Of(c) : 0;
        var walkIns = (await (
                from d in db.VenueDays
                join x in venues on d.VenueId equals x.Venue.Id
                where d.Date >= first && d.Date <= last && d.WalkIns != 0 && (mask == 0 || (x.Venue.Categories & mask) != 0)
                select new { d.Date, x.Venue.Id, x.Venue.Name, VillageId = x.Village.Id, VillageName = x.Village.Name, TownshipId = x.Township.Id, TownshipName = x.Township.Name, x.Venue.Categories, d.WalkIns })
            .AsNoTracking()
            .ToListAsync(ct))
            .Select(w => new Fact(w.Date, w.Id, w.Name, w.VillageId, w.VillageName, w.TownshipId, w.TownshipName,
                query.Category ?? CategoryMask.Split(w.Categories).FirstOrDefault(), 0, 0, w.WalkIns, 0));

        var facts = byOffering.Concat(walkIns).ToList();
        var groupBy = query.GroupBy ?? Period.Month;
        var rows = Rows(facts, Periods(first, last, groupBy), groupBy, query.By);
        var totals = new VisitorTotals(
            rows.Sum(r => r.Booked), rows.Sum(r => r.CheckedIn), rows.Sum(r => r.WalkIns), rows.Sum(r => r.Visitors),
            Money.Yuan(rows.Sum(r => r.Revenue.Amount)));
        return new VisitorReport(rows, totals);
    }

    private static List<VisitorRow> Rows(List<Fact> facts, IReadOnlyList<string> periods, Period groupBy, Breakdown? by)
    {
        var keyed = facts.Select(f => (Period: PeriodOf(f.Date, groupBy), Key: KeyOf(f, by), Fact: f)).ToList();
        var keys = keyed.Select(k => k.Key).Distinct().OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            keys.Add(KeyOf(null, by));
        }

        var sums = keyed.GroupBy(k => (k.Period, k.Key.Id)).ToDictionary(g => g.Key, g => g.Select(x => x.Fact).ToList());
        return periods.SelectMany(p => keys.Select(k =>
        {
            var list = sums.GetValueOrDefault((p, k.Id)) ?? [];
            var (booked, checkedIn, walkIns) = (list.Sum(f => f.Booked), list.Sum(f => f.CheckedIn), list.Sum(f => f.WalkIns));
            return new VisitorRow(p, k.Id, k.Name, booked, checkedIn, walkIns, checkedIn + walkIns, Money.Yuan(list.Sum(f => f.Revenue)));
        }).Where(r => by is null || r.Key is not null)).ToList();
    }

    private static (string? Id, string? Name) KeyOf(Fact? f, Breakdown? by) => (f, by) switch
    {
        (null, _) or (_, null) => (null, null),
        (_, Breakdown.Township) => (f.TownshipId.ToString(), f.TownshipName),
        (_, Breakdown.Village) => (f.VillageId.ToString(), f.VillageName),
        (_, Breakdown.Venue) => (f.VenueId.ToString(), f.VenueName),
        _ => (System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(f.Category.ToString()), System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(f.Category.ToString())),
    };

    public static string PeriodOf(DateOnly date, Period period) => period switch
    {
        Period.Day => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Period.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):00}"),
        Period.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    private static List<string> Periods(DateOnly from, DateOnly to, Period period)
    {
        var periods = new List<string>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var p = PeriodOf(d, period);
            if (periods.Count == 0 || periods[^1] != p)
            {
                periods.Add(p);
            }
        }

        return periods;
    }

    private sealed record Fact(
        DateOnly Date, Guid VenueId, string VenueName, Guid VillageId, string VillageName, Guid TownshipId, string TownshipName,
        Category Category, int Booked, int CheckedIn, int WalkIns, long Revenue);
}

public sealed class GetVisitorReportValidator : AbstractValidator<GetVisitorReport>
{
    /// <summary>Three years.</summary>
    public const int MaxDays = 1096;

    public GetVisitorReportValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull()
            .Must((q, to) => to >= q.From).WithMessage("'to' must not be before 'from'.")
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < MaxDays).WithMessage("A report may cover at most three years.")
            .When(q => q.From is not null);
        RuleFor(q => q.GroupBy).IsInEnum();
        RuleFor(q => q.By).IsInEnum();
        RuleFor(q => q.Category).IsInEnum();
    }
}
