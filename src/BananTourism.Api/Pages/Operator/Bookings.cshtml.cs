using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.ListVenueBookings;
using BananTourism.Application.Bookings.MarkNoShow;
using BananTourism.Application.Bookings.SummariseVenueDay;
using BananTourism.Application.Catalog;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>A venue's bookings on one day (today by default), by session, with who has come.</summary>
public sealed class BookingsModel(ISender sender, TimeProvider clock) : PageModel
{
    public VenueSummary Venue { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public PagedList<BookingDto> Bookings { get; private set; } = null!;

    public VenueDaySummary Summary { get; private set; } = null!;

    // "page" is Razor Pages' own route value, so the query uses "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public FormErrors Errors { get; } = new();

    /// <summary>A confirmed booking whose session has ended without them: its places stay counted as booked.</summary>
    public async Task<IActionResult> OnPostNoShowAsync(Guid id, Guid bookingId, DateOnly? date, CancellationToken ct)
    {
        var marked = await sender.Send(new MarkNoShow(bookingId), ct);
        if (marked.IsSuccess)
        {
            return Redirect($"/operator/venues/{id}/bookings?date={marked.Value.Date:yyyy-MM-dd}");
        }

        Errors.Add(marked.Errors, []);
        return await OnGetAsync(id, date, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? date, CancellationToken ct)
    {
        if (await Owned.VenueAsync(sender, id, ct) is not { } venue)
        {
            return NotFound();
        }

        Venue = venue;
        Now = clock.GetUtcNow();
        Date = date ?? VenueTime.Today(clock.GetUtcNow());
        PageNumber = Math.Clamp(PageNumber, 1, Paging.MaxPage);
        Bookings = (await sender.Send(new ListVenueBookings(id, Date, null, PageNumber, Paging.MaxPageSize), ct)).Value;
        Summary = (await sender.Send(new SummariseVenueDay(id, Date), ct)).Value;
        return Page();
    }
}
