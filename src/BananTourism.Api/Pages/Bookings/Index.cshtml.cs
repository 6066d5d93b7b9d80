using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.ListMyBookings;
using BananTourism.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Bookings;

/// <summary>"My bookings", newest first, a page at a time.</summary>
[Authorize(Policy = AuthSetup.Tourist)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 20;

    // "page" is Razor Pages' own route value, so the query uses "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<BookingDto> Bookings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Bookings = (await sender.Send(new ListMyBookings(null, PageNumber, PageSize), ct)).Value;
    }
}
