using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.GetBooking;
using BananTourism.Application.Bookings.GetRescheduleTerms;
using BananTourism.Application.Bookings.PreviewReschedule;
using BananTourism.Application.Bookings.RescheduleBooking;
using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BananTourism.Api.Pages.Bookings;

/// <summary>改期 for the tourist: pick another session (a week of them at a time) or other nights, see what it costs,
/// then move. The move carries an idempotency key from the preview, so a double tap moves once.</summary>
[Authorize(Policy = AuthSetup.Tourist)]
[EnableRateLimiting(RateLimits.PageBookings)]
public sealed class RescheduleModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int Days = 7;

    /// <summary>How far ahead the week shown may start (schedules are made at most a year ahead).</summary>
    public const int MaxDaysAhead = 400;

    public static readonly string[] Fields = ["slotId", "checkIn", "checkOut"];

    public BookingDto Booking { get; private set; } = null!;

    /// <summary>Whether it may be moved at all now, until when, how many more times.</summary>
    public RescheduleTerms Terms { get; private set; } = null!;

    /// <summary>The sessions shown to choose from (time-slot bookings).</summary>
    public IReadOnlyList<SlotAvailability> Sessions { get; private set; } = [];

    public DateOnly From { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SlotId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? CheckIn { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? CheckOut { get; set; }

    /// <summary>What the chosen place costs, once one is chosen.</summary>
    public ReschedulePreview? Preview { get; private set; }

    /// <summary>The chosen session, to say when it is.</summary>
    public SlotAvailability? Chosen { get; private set; }

    /// <summary>Made with the preview and sent with the move: a second tap of the same preview moves once.</summary>
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString("N");

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? from, CancellationToken ct)
    {
        if (!await LoadAsync(id, from, ct))
        {
            return NotFound();
        }

        if (Errors.AddBindingErrors(ModelState, "") || (SlotId is null && (CheckIn is null || CheckOut is null)))
        {
            return Page();
        }

        var preview = await sender.Send(new PreviewReschedule(id, SlotId, CheckIn, CheckOut), ct);
        if (preview.IsSuccess)
        {
            Preview = preview.Value;
        }
        else
        {
            Errors.Add(preview.Errors, Fields);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? key, CancellationToken ct)
    {
        var moved = Errors.AddBindingErrors(ModelState, "")
            ? null
            : await sender.Send(new RescheduleBooking(id, SlotId, CheckIn, CheckOut) { IdempotencyKey = string.IsNullOrEmpty(key) ? null : key }, ct);
        if (moved is { IsSuccess: true })
        {
            return Redirect($"/bookings/{id}");
        }

        if (moved is not null)
        {
            Errors.Add(moved.Errors, Fields);
        }

        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, DateOnly? from, CancellationToken ct)
    {
        var booking = await sender.Send(new GetBooking(id), ct);
        if (!booking.IsSuccess)
        {
            return false;
        }

        Booking = booking.Value;
        var today = Today = VenueTime.Today(clock.GetUtcNow());
        var start = Booking.Date > today ? Booking.Date : today;
        From = from is { } f && f >= today && f.DayNumber - today.DayNumber <= MaxDaysAhead ? f : start;

        var terms = await sender.Send(new GetRescheduleTerms(id), ct);
        if (!terms.IsSuccess)
        {
            return false;
        }

        Terms = terms.Value;
        if (Terms.Refusal is not null)
        {
            return true;
        }

        if (Booking.Kind == OfferingKind.TimeSlot)
        {
            var sessions = await sender.Send(new GetAvailability(Booking.OfferingId, From, From.AddDays(Days - 1)), ct);
            Sessions = sessions.IsSuccess ? sessions.Value.Slots ?? [] : [];
            Chosen = SlotId is { } chosen ? Sessions.FirstOrDefault(s => s.Id == chosen) : null;
        }

        return true;
    }
}
