using BananTourism.Application.Catalog.GetVenue;
using BananTourism.Application.Catalog.GetVenueCrowd;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Venues;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public VenueDetail Venue { get; private set; } = null!;

    public VenueCrowd? Crowd { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var venue = await sender.Send(new GetVenue(id), ct);
        if (!venue.IsSuccess)
        {
            return NotFound();
        }

        Venue = venue.Value;
        Crowd = await sender.Send(new GetVenueCrowd(id), ct) is { IsSuccess: true } crowd ? crowd.Value : null;
        return Page();
    }
}
