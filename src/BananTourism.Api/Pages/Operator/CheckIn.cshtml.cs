using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.GetBooking;
using BananTourism.Application.Visits.CheckIn;
using BananTourism.Application.Visits.FindBookingByCode;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>核销 at the gate: a typed or scanned code and the headcount (the booked party when left empty).
/// The answer is one of: checked in, already checked in at HH:mm, not for today, unknown code.</summary>
public sealed class CheckInModel(ISender sender, TimeProvider clock) : PageModel
{
    public static readonly string[] Fields = ["code", "headcount"];

    [BindProperty]
    public CheckInInput Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    /// <summary>The booking just checked in (shown after the redirect, so a reload does not scan it again).</summary>
    public BookingDto? CheckedIn { get; private set; }

    /// <summary>The booking behind a refused code, to say why in the operator's words.</summary>
    public BookingDto? Refused { get; private set; }

    public string? RefusedCode { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid? done, CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        if (done is { } id && await sender.Send(new GetBooking(id), ct) is { IsSuccess: true } booking
            && booking.Value.Status == Domain.Bookings.BookingStatus.CheckedIn)
        {
            CheckedIn = booking.Value;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        if (Errors.AddBindingErrors(ModelState))
        {
            return Page();
        }

        var code = Input.Code ?? "";
        var headcount = Input.Headcount;
        if (headcount is null)
        {
            var found = await sender.Send(new FindBookingByCode(code), ct);
            if (!found.IsSuccess)
            {
                Errors.Add(found.Errors, Fields);
                return Page();
            }

            headcount = found.Value.Adults + found.Value.Children;
        }

        var result = await sender.Send(new CheckIn(code, headcount.Value), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/operator/checkin?done={result.Value.BookingId}");
        }

        if (result.FirstError.Code is "already_checked_in" or "not_checkable"
            && await sender.Send(new FindBookingByCode(code), ct) is { IsSuccess: true } booking)
        {
            Refused = booking.Value;
            RefusedCode = result.FirstError.Code;
            Input = new CheckInInput();
            return Page();
        }

        Errors.Add(result.Errors, Fields);
        return Page();
    }
}

public sealed class CheckInInput
{
    public string? Code { get; set; }

    public int? Headcount { get; set; }
}
