using BananTourism.Application.Bookings.GetOperatorCalendar;
using BananTourism.Application.Catalog;
using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.ListVenueOfferings;
using BananTourism.Application.Reports;
using BananTourism.Application.Reports.GetToday;
using BananTourism.Application.Venues.ListMyVenues;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>The operator's home: their venues, each with its offerings and today's work.</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(VenueSummary Venue, IReadOnlyList<OperatorOffering> Offerings)> Venues { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Today at their venues: booked, arrived, to come, walk-ins, what remains.</summary>
    public TodayReport TodayBoard { get; private set; } = null!;

    public TodayBoardView TodayView => new(TodayBoard, "/today/stream");

    /// <summary>The venue's confirmed bookings as an iCalendar file (the API's feed, through the page's session).</summary>
    public async Task<IActionResult> OnGetCalendarAsync(Guid venueId, CancellationToken ct) =>
        (await sender.Send(new GetOperatorCalendar(venueId), ct)).ToDownload();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        var venues = (await sender.Send(new ListMyVenues(), ct)).Value;
        var list = new List<(VenueSummary, IReadOnlyList<OperatorOffering>)>(venues.Count);
        foreach (var venue in venues)
        {
            list.Add((venue, (await sender.Send(new ListVenueOfferings(venue.Id), ct)).Value));
        }

        Venues = list;
        TodayBoard = (await sender.Send(new GetToday(null), ct)).Value;
    }
}
