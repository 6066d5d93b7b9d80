using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings.CancelBooking;
using BananTourism.Application.Bookings.PreviewCancellation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BananTourism.Api.Pages.Bookings;

/// <summary>Cancelling shows the refund it will give first; confirming cancels with the refund computed again at
/// that moment (the preview can be minutes old).</summary>
[Authorize(Policy = AuthSetup.Tourist)]
[EnableRateLimiting(RateLimits.PageBookings)]
public sealed class CancelModel(ISender sender) : PageModel
{
    public CancellationPreview Preview { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var cancelled = await sender.Send(new CancelBooking(id), ct);
        if (cancelled.IsSuccess)
        {
            return Redirect($"/bookings/{id}");
        }

        Errors.Add(cancelled.Errors, []);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var preview = await sender.Send(new PreviewCancellation(id), ct);
        if (!preview.IsSuccess)
        {
            return false;
        }

        Preview = preview.Value;
        return true;
    }
}
