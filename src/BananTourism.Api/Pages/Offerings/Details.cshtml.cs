using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Application.Catalog.GetOffering;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Offerings;

/// <summary>An offering with two weeks of live availability: places left, the price of each day, sold-out and
/// closed days visible.</summary>
public sealed class DetailsModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int Days = 14;

    public OfferingDetail Offering { get; private set; } = null!;

    public AvailabilityDto Availability { get; private set; } = null!;

    public DateOnly From { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? from, CancellationToken ct)
    {
        var offering = await sender.Send(new GetOffering(id), ct);
        if (!offering.IsSuccess)
        {
            return NotFound();
        }

        Today = VenueTime.Today(clock.GetUtcNow());
        From = from is { } f && f >= Today && f <= Today.AddDays(366) ? f : Today;
        Offering = offering.Value;
        Availability = (await sender.Send(new GetAvailability(id, From, From.AddDays(Days - 1)), ct)).Value;
        return Page();
    }
}
