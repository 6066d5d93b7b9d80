using System.Globalization;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

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
/// the gate; visitors = checkedIn + walkIns; ticketRevenue and extrasRevenue = what the bookings brought (captured
/// payments minus refunds, plus what the gate collected at check-in) on the visit's date, split in proportion to the
/// extras' part of each booking's price; produceRevenue = produce weighed out at the exit that day; revenue = their sum.
/// Walk-ins have no offering, so by category they count under the venue's first category. Weeks are ISO weeks; all dates are Asia/Shanghai. Every period in the range
/// appears, with zeros where nothing happened.</summary>
[Allowed(Caller.Officer, Caller.Admin)]
public sealed record GetVisitorReport(
    DateOnly? From, DateOnly? To, Period? GroupBy, Guid? TownshipId, Guid? VillageId, Guid? VenueId, Category? Category, Breakdown? By)
    : IQuery<Result<VisitorReport>>;

public sealed record VisitorReport(IReadOnlyList<VisitorRow> Rows, VisitorTotals Totals);

/// <param name="Revenue">ticketRevenue + extrasRevenue + produceRevenue.</param>
public sealed record VisitorRow(
    string Period, string? Key, string? Name, int Booked, int CheckedIn, int WalkIns, int Visitors, Money Revenue,
    Money TicketRevenue, Money ExtrasRevenue, Money ProduceRevenue);

public sealed record VisitorTotals(
    int Booked, int CheckedIn, int WalkIns, int Visitors, Money Revenue, Money TicketRevenue, Money ExtrasRevenue, Money ProduceRevenue);

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

        // Grouped in the database by date and only the requested key: a three-year report by township reads
        // about a thousand rows per township, not one per offering and day.
        var days =
            from d in db.OfferingDays
            join o in db.Offerings on d.OfferingId equals o.Id
            join x in venues on o.VenueId equals x.Venue.Id
            where d.Date >= first && d.Date <= last && (query.Category == null || o.Category == query.Category)
            select new Row
            {
                Date = d.Date, TownshipId = x.Township.Id, TownshipName = x.Township.Name, VillageId = x.Village.Id, VillageName = x.Village.Name,
                VenueId = x.Venue.Id, VenueName = x.Venue.Name, Category = o.Category, VenueCategories = 0,
                Booked = d.Booked, CheckedIn = d.CheckedIn, WalkIns = 0, Revenue = d.Revenue, ExtrasRevenue = d.ExtrasRevenue, ProduceRevenue = d.ProduceRevenue,
            };
        var mask = query.Category is { } c ? CategoryMask.Of(c) : 0;
        var walkInDays =
            from d in db.VenueDays
            join x in venues on d.VenueId equals x.Venue.Id
            where d.Date >= first && d.Date <= last && d.WalkIns != 0 && (mask == 0 || (x.Venue.Categories & mask) != 0)
            select new Row
            {
                Date = d.Date, TownshipId = x.Township.Id, TownshipName = x.Township.Name, VillageId = x.Village.Id, VillageName = x.Village.Name,
                VenueId = x.Venue.Id, VenueName = x.Venue.Name, Category = null, VenueCategories = x.Venue.Categories,
                Booked = 0, CheckedIn = 0, WalkIns = d.WalkIns, Revenue = 0L, ExtrasRevenue = 0L, ProduceRevenue = 0L,
            };

        var facts = new List<Fact>();
        foreach (var source in new[] { days, walkInDays })
        {
            IQueryable<Fact> grouped = query.By switch
            {
                Breakdown.Township => source.GroupBy(r => new { r.Date, r.TownshipId, r.TownshipName })
                    .Select(g => new Fact(g.Key.Date, g.Key.TownshipId, g.Key.TownshipName, null, 0, g.Sum(r => r.Booked), g.Sum(r => r.CheckedIn), g.Sum(r => r.WalkIns), g.Sum(r => r.Revenue), g.Sum(r => r.ExtrasRevenue), g.Sum(r => r.ProduceRevenue))),
                Breakdown.Village => source.GroupBy(r => new { r.Date, r.VillageId, r.VillageName })
                    .Select(g => new Fact(g.Key.Date, g.Key.VillageId, g.Key.VillageName, null, 0, g.Sum(r => r.Booked), g.Sum(r => r.CheckedIn), g.Sum(r => r.WalkIns), g.Sum(r => r.Revenue), g.Sum(r => r.ExtrasRevenue), g.Sum(r => r.ProduceRevenue))),
                Breakdown.Venue => source.GroupBy(r => new { r.Date, r.VenueId, r.VenueName })
                    .Select(g => new Fact(g.Key.Date, g.Key.VenueId, g.Key.VenueName, null, 0, g.Sum(r => r.Booked), g.Sum(r => r.CheckedIn), g.Sum(r => r.WalkIns), g.Sum(r => r.Revenue), g.Sum(r => r.ExtrasRevenue), g.Sum(r => r.ProduceRevenue))),
                Breakdown.Category => source.GroupBy(r => new { r.Date, r.Category, r.VenueCategories })
                    .Select(g => new Fact(g.Key.Date, null, null, g.Key.Category, g.Key.VenueCategories, g.Sum(r => r.Booked), g.Sum(r => r.CheckedIn), g.Sum(r => r.WalkIns), g.Sum(r => r.Revenue), g.Sum(r => r.ExtrasRevenue), g.Sum(r => r.ProduceRevenue))),
                _ => source.GroupBy(r => r.Date)
                    .Select(g => new Fact(g.Key, null, null, null, 0, g.Sum(r => r.Booked), g.Sum(r => r.CheckedIn), g.Sum(r => r.WalkIns), g.Sum(r => r.Revenue), g.Sum(r => r.ExtrasRevenue), g.Sum(r => r.ProduceRevenue))),
            };
            facts.AddRange(await grouped.AsNoTracking().ToListAsync(ct));
        }

        var groupBy = query.GroupBy ?? Period.Month;
        var rows = Rows(facts, Periods(first, last, groupBy), groupBy, query.By);
        var totals = new VisitorTotals(
            rows.Sum(r => r.Booked), rows.Sum(r => r.CheckedIn), rows.Sum(r => r.WalkIns), rows.Sum(r => r.Visitors),
            Money.Yuan(rows.Sum(r => r.Revenue.Amount)), Money.Yuan(rows.Sum(r => r.TicketRevenue.Amount)),
            Money.Yuan(rows.Sum(r => r.ExtrasRevenue.Amount)), Money.Yuan(rows.Sum(r => r.ProduceRevenue.Amount)));
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
            var (bookings, extras, produce) = (list.Sum(f => f.Revenue), list.Sum(f => f.ExtrasRevenue), list.Sum(f => f.ProduceRevenue));
            return new VisitorRow(
                p, k.Id, k.Name, booked, checkedIn, walkIns, checkedIn + walkIns, Money.Yuan(bookings + produce),
                Money.Yuan(bookings - extras), Money.Yuan(extras), Money.Yuan(produce));
        }).Where(r => by is null || r.Key is not null)).ToList();
    }

    private static (string? Id, string? Name) KeyOf(Fact? f, Breakdown? by)
    {
        if (f is null || by is null)
        {
            return (null, null);
        }

        if (by != Breakdown.Category)
        {
            return (f.KeyId?.ToString(), f.KeyName);
        }

        // Walk-ins carry their venue's categories, not an offering's: they count under the first one.
        var category = f.Category ?? CategoryMask.Split(f.VenueCategories).FirstOrDefault();
        var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(category.ToString());
        return (name, name);
    }

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

    /// <summary>One offering-day or walk-in day with everything a report may group by (member-initialised, so
    /// the grouping that follows is translated to SQL).</summary>
    private sealed class Row
    {
        public DateOnly Date { get; init; }

        public Guid TownshipId { get; init; }

        public string TownshipName { get; init; } = "";

        public Guid VillageId { get; init; }

        public string VillageName { get; init; } = "";

        public Guid VenueId { get; init; }

        public string VenueName { get; init; } = "";

        public Category? Category { get; init; }

        public int VenueCategories { get; init; }

        public int Booked { get; init; }

        public int CheckedIn { get; init; }

        public int WalkIns { get; init; }

        public long Revenue { get; init; }

        public long ExtrasRevenue { get; init; }

        public long ProduceRevenue { get; init; }
    }

    /// <summary>A date's sums for one key: a township, village or venue (id and name), or a category (an offering's,
    /// or for walk-ins their venue's category mask).</summary>
    private sealed record Fact(
        DateOnly Date, Guid? KeyId, string? KeyName, Category? Category, int VenueCategories, int Booked, int CheckedIn, int WalkIns, long Revenue,
        long ExtrasRevenue, long ProduceRevenue);
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
