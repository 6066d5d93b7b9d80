using System.Globalization;
using System.Text.Json;
using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Catalog;
using BananTourism.Application.Catalog.GetTownships;
using BananTourism.Application.Catalog.ListVenues;
using BananTourism.Application.Reports.GetOccupancyReport;
using BananTourism.Application.Reports.GetProduceReport;
using BananTourism.Application.Reports.GetVisitorReport;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Officer;

/// <summary>The officers' dashboard: a year's visitors by month (booked, came, walk-ins) against the year
/// before, revenue, and the split by township, village or venue, with the same filters as the report API and a
/// CSV of what is shown. Officers see their township; admins the district.</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? TownshipId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? VillageId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? VenueId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Category? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public Breakdown? By { get; set; }

    public int ThisYear { get; private set; }

    public IReadOnlyList<TownshipDto> Townships { get; private set; } = [];

    public IReadOnlyList<VenueSummary> Venues { get; private set; } = [];

    /// <summary>An officer's own township, fixed in the filters.</summary>
    public Guid? OwnTownship { get; private set; }

    public VisitorReport Months { get; private set; } = null!;

    public VisitorReport LastYearMonths { get; private set; } = null!;

    public VisitorReport Split { get; private set; } = null!;

    /// <summary>The year's produce weighed out at the exits, product by product (the best-selling first).</summary>
    public IReadOnlyList<ProductTotal> TopProducts { get; private set; } = [];

    /// <summary>The year's occupancy of sessions and rooms, offering by offering (the busiest first).</summary>
    public IReadOnlyList<OccupancyRow> Occupancy { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadFiltersAsync(ct);
        if (Errors.AddBindingErrors(ModelState, ""))
        {
            Year = ThisYear;
            TownshipId = VillageId = VenueId = null;
            Category = null;
        }

        var year = Year!.Value;
        var months = await sender.Send(Query(year, Period.Month, null), ct);
        if (!months.IsSuccess)
        {
            // A filter outside the officer's township (or no township at all): say so, show what they may see.
            Errors.Add(months.Errors, []);
            (TownshipId, VillageId, VenueId) = (OwnTownship, null, null);
            months = await sender.Send(Query(year, Period.Month, null), ct);
        }

        Months = OrEmpty(months);
        LastYearMonths = OrEmpty(await sender.Send(Query(year - 1, Period.Month, null), ct));
        Split = OrEmpty(await sender.Send(Query(year, Period.Year, By ?? Breakdown.Township), ct));
        var produce = await sender.Send(new GetProduceReport(
            new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Period.Year, null, TownshipId, VillageId, VenueId), ct);
        TopProducts = produce.IsSuccess ? produce.Value.Totals.Products.Take(10).ToList() : [];
        var occupancy = await sender.Send(new GetOccupancyReport(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), VenueId), ct);
        var shown = Venues.Where(v => (TownshipId is null || v.TownshipId == TownshipId) && (VillageId is null || v.VillageId == VillageId))
            .Select(v => v.Id).ToHashSet();
        Occupancy = occupancy.IsSuccess
            ? occupancy.Value.Where(o => o.Capacity > 0 && shown.Contains(o.VenueId)).OrderByDescending(o => o.Rate).ThenBy(o => o.OfferingName).ToList()
            : [];
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        var report = await sender.Send(Query(Year!.Value, Period.Month, By), ct);
        return report.IsSuccess
            ? File(VisitorCsv.Write(report.Value), VisitorCsv.ContentType, $"visitors-{Year}.csv")
            : NotFound();
    }

    /// <summary>What the charts draw, as JSON for wwwroot/js/dashboard.js (the numbers are also in the tables).</summary>
    public string ChartData() => JsonSerializer.Serialize(new
    {
        months = Months.Rows.Select(r => r.Period[5..]).ToArray(),
        booked = Months.Rows.Select(r => r.Booked).ToArray(),
        checkedIn = Months.Rows.Select(r => r.CheckedIn).ToArray(),
        walkIns = Months.Rows.Select(r => r.WalkIns).ToArray(),
        lastYearVisitors = LastYearMonths.Rows.Select(r => r.Visitors).ToArray(),
        revenue = Months.Rows.Select(r => r.Revenue.Amount / 100m).ToArray(),
        lastYearRevenue = LastYearMonths.Rows.Select(r => r.Revenue.Amount / 100m).ToArray(),
        split = Split.Rows.Select(r => r.Name ?? r.Key ?? "").ToArray(),
        splitVisitors = Split.Rows.Select(r => r.Visitors).ToArray(),
        splitBooked = Split.Rows.Select(r => r.Booked).ToArray(),
        occupancy = Occupancy.Take(15).Select(o => o.OfferingName + " · " + o.VenueName).ToArray(),
        occupancyRate = Occupancy.Take(15).Select(o => Math.Round(o.Rate * 100, 1)).ToArray(),
        labels = new
        {
            booked = UiText.T("Booked"), checkedIn = UiText.T("CameWithBooking"), walkIns = UiText.T("WalkIns"),
            lastYear = string.Format(CultureInfo.InvariantCulture, UiText.T("VisitorsIn"), Year - 1),
            revenue = string.Format(CultureInfo.InvariantCulture, UiText.T("RevenueIn"), Year),
            lastYearRevenue = string.Format(CultureInfo.InvariantCulture, UiText.T("RevenueIn"), Year - 1),
            visitors = UiText.T("Visitors"),
            occupancy = UiText.T("Rate"),
        },
    });

    private static VisitorReport OrEmpty(Result<VisitorReport> report) => report.IsSuccess
        ? report.Value
        : new VisitorReport([], new VisitorTotals(0, 0, 0, 0, Money.Yuan(0), Money.Yuan(0), Money.Yuan(0), Money.Yuan(0)));

    /// <summary>Change against the year before, or null when there is nothing to compare with.</summary>
    public static decimal? Change(long now, long before) => before == 0 ? null : Math.Round((now - before) * 100m / before, 1);

    private GetVisitorReport Query(int year, Period period, Breakdown? by) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), period, TownshipId, VillageId, VenueId, Category, by);

    /// <summary>The year, and an officer's own township whatever the address bar says.</summary>
    private async Task LoadScopeAsync(CancellationToken ct)
    {
        ThisYear = VenueTime.Today(clock.GetUtcNow()).Year;
        Year = Year is { } y && y >= 2000 && y <= ThisYear + 1 ? y : ThisYear;
        var me = (await sender.Send(new GetMe(), ct)).Value;
        if (me.Role == Role.Officer)
        {
            OwnTownship = me.TownshipId;
            TownshipId = me.TownshipId;
        }
    }

    /// <summary>The scope and the choices of the filter form (the CSV needs only the scope).</summary>
    private async Task LoadFiltersAsync(CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        Townships = (await sender.Send(new GetTownships(), ct)).Value
            .Where(t => OwnTownship is null || t.Id == OwnTownship).ToList();
        var venues = await sender.Send(new ListVenues(TownshipId, VillageId, null, null, 1, 100), ct);
        Venues = venues.IsSuccess ? venues.Value.Items : [];
    }
}
