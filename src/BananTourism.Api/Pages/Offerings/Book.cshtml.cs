using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Bookings.CreateBooking;
using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Application.Catalog.GetOffering;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Infrastructure.Payments;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BananTourism.Api.Pages.Offerings;

/// <summary>The booking form: a session (or nights), the party and a contact; the server prices and books it
/// through the same use case as the API, and a resubmitted form books once (its idempotency key).</summary>
[Authorize(Policy = AuthSetup.Tourist)]
[EnableRateLimiting(RateLimits.PageBookings)]
public sealed class BookModel(ISender sender, TimeProvider clock, StripeOptions stripe) : PageModel
{
    public static readonly string[] Fields =
        ["slotId", "checkIn", "checkOut", "units", "adults", "children", "contact.name", "contact.phone", "contact.email", "notes"];

    /// <summary>How far ahead the form looks for sessions; schedules never reach further.</summary>
    public const int MaxDaysAhead = 366;

    [BindProperty]
    public BookingInput Input { get; set; } = new();

    public OfferingDetail Offering { get; private set; } = null!;

    /// <summary>The chosen day's sessions that can still be booked (slot offerings).</summary>
    public IReadOnlyList<SlotAvailability> Sessions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Card, Alipay and WeChat Pay through Stripe, where configured; pay on arrival always.</summary>
    public IReadOnlyList<PaymentMethod> Methods => stripe.PagesCanPay
        ? [PaymentMethod.PayOnArrival, PaymentMethod.Alipay, PaymentMethod.WechatPay, PaymentMethod.Card]
        : [PaymentMethod.PayOnArrival];

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? date, Guid? slotId, DateOnly? checkIn, CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        var day = WithinReach(date ?? checkIn);
        Input = new BookingInput
        {
            Date = day,
            SlotId = slotId,
            CheckIn = day,
            CheckOut = day.AddDays(1),
            Units = 1,
            Adults = 2,
            Children = 0,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        };
        var me = await sender.Send(new GetMe(), ct);
        if (me.IsSuccess)
        {
            Input.Name = me.Value.DisplayName;
            Input.Phone = me.Value.Phone;
            Input.Email = me.Value.Email;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Errors.AddBindingErrors(ModelState))
        {
            return Page();
        }

        var slot = Offering.Kind == OfferingKind.TimeSlot;
        var command = new CreateBooking(
            id,
            slot ? Input.SlotId : null,
            slot ? null : Input.CheckIn,
            slot ? null : Input.CheckOut,
            slot ? null : Input.Units,
            Input.Adults ?? 0,
            Input.Children ?? 0,
            new ContactInput(Input.Name ?? "", Input.Phone ?? "", string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email),
            Methods.Contains(Input.PaymentMethod) ? Input.PaymentMethod : PaymentMethod.PayOnArrival,
            string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes)
        {
            IdempotencyKey = string.IsNullOrEmpty(Input.IdempotencyKey) ? null : Input.IdempotencyKey,
        };
        var booked = await sender.Send(command, ct);
        if (!booked.IsSuccess)
        {
            Errors.Add(booked.Errors, Fields);
            await LoadAsync(id, ct);
            return Page();
        }

        return Redirect($"/bookings/{booked.Value.Booking.Id}");
    }

    /// <summary>A date from the address bar or the form, or today where it is past or beyond the schedules.</summary>
    private DateOnly WithinReach(DateOnly? asked) =>
        asked is { } d && d >= Today && d <= Today.AddDays(MaxDaysAhead) ? d : Today;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        var offering = await sender.Send(new GetOffering(id), ct);
        if (!offering.IsSuccess)
        {
            return false;
        }

        Offering = offering.Value;
        if (Offering.Kind == OfferingKind.TimeSlot)
        {
            var day = WithinReach(Input.Date);
            Input.Date = day;
            var availability = await sender.Send(new GetAvailability(id, day, day), ct);
            Sessions = availability.IsSuccess ? availability.Value.Slots ?? [] : [];
        }

        return true;
    }
}

/// <summary>Strings and nullable numbers, so that whatever was typed binds and comes back to the form.</summary>
public sealed class BookingInput
{
    public DateOnly? Date { get; set; }

    public Guid? SlotId { get; set; }

    public DateOnly? CheckIn { get; set; }

    public DateOnly? CheckOut { get; set; }

    public int? Units { get; set; }

    public int? Adults { get; set; }

    public int? Children { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Notes { get; set; }

    public string? IdempotencyKey { get; set; }

    public PaymentMethod PaymentMethod { get; set; }
}
