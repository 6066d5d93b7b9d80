using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.GetMe;
using BananTourism.Application.Accounts.RequestPhoneCode;
using BananTourism.Application.Accounts.VerifyPhone;
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
public sealed class BookModel(ISender sender, TimeProvider clock, StripeOptions stripe, IHostEnvironment environment, BananTourism.Application.Bookings.BookingOptions bookings) : PageModel
{
    /// <summary>How long online payment holds the places (Bookings:HoldMinutes), for the sentence under the choice.</summary>
    public int HoldMinutes => bookings.HoldMinutes;

    public static readonly string[] Fields =
        ["slotId", "checkIn", "checkOut", "units", "adults", "children", "contact.name", "contact.phone", "contact.email", "notes"];

    public static readonly string[] PhoneFields = ["phone", "code"];

    /// <summary>How far ahead the form looks for sessions; schedules never reach further.</summary>
    public const int MaxDaysAhead = 366;

    [BindProperty]
    public BookingInput Input { get; set; } = new();

    public OfferingDetail Offering { get; private set; } = null!;

    /// <summary>The chosen day's sessions that can still be booked (slot offerings).</summary>
    public IReadOnlyList<SlotAvailability> Sessions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The first booking needs a verified mobile number: until then the page asks for it (and its SMS code)
    /// instead of showing the form.</summary>
    public bool PhoneVerified { get; private set; }

    [BindProperty]
    public PhoneStep Verify { get; set; } = new();

    public FormErrors PhoneErrors { get; } = new();

    private MeDto? _me;

    /// <summary>Set once a code is on its way: the page then asks for the code.</summary>
    public string? CodeSentTo { get; private set; }

    /// <summary>Development sends no SMS: it says where the code went instead.</summary>
    public bool ShowPickupHint => environment.IsDevelopment();

    /// <summary>Pay on arrival where the operator grants it; Alipay, WeChat Pay and card through Stripe, where configured.</summary>
    public IReadOnlyList<PaymentMethod> Methods =>
    [
        .. Offering.PayOnArrival.Allowed ? [PaymentMethod.PayOnArrival] : Array.Empty<PaymentMethod>(),
        .. stripe.PagesCanPay ? [PaymentMethod.Alipay, PaymentMethod.WechatPay, PaymentMethod.Card] : Array.Empty<PaymentMethod>(),
    ];

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
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (_me is { } me)
        {
            Input.Name = me.DisplayName;
            Input.Phone = me.Phone;
            Input.Email = me.Email;
            Verify.Phone = me.Phone;
        }

        return Page();
    }

    /// <summary>Step one of verifying the phone: an SMS code to the number typed.</summary>
    public async Task<IActionResult> OnPostSendCodeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var sent = await sender.Send(new RequestPhoneCode(Verify.Phone ?? "") { Language = UiText.IsEnglish ? "en" : "zh" }, ct);
        if (sent.IsSuccess)
        {
            CodeSentTo = sent.Value.Phone;
        }
        else
        {
            AddPhoneErrors(sent.Errors);
        }

        return Page();
    }

    /// <summary>Step two: the code from the SMS; then back to the booking form, for the same session or dates.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var verified = await sender.Send(new VerifyPhone(Verify.Phone ?? "", Verify.Code ?? ""), ct);
        if (!verified.IsSuccess)
        {
            CodeSentTo = Verify.Phone;
            AddPhoneErrors(verified.Errors);
            return Page();
        }

        var query = Offering.Kind == OfferingKind.TimeSlot
            ? $"date={Input.Date:yyyy-MM-dd}" + (Input.SlotId is { } slotId ? $"&slotId={slotId}" : "")
            : $"checkIn={Input.CheckIn:yyyy-MM-dd}";
        return Redirect($"/offerings/{id}/book?{query}");
    }

    private void AddPhoneErrors(IReadOnlyList<Error> errors)
    {
        foreach (var error in errors)
        {
            if (error.RetryAfter is { } wait && error.Kind == ErrorKind.TooManyRequests)
            {
                PhoneErrors.General.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, UiText.T("SmsWait"), UiText.Duration(wait)));
            }
            else
            {
                PhoneErrors.Add([error], PhoneFields);
            }
        }
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
        // Only the extras with a quantity go to the booking; the rows keep their place on the form for its errors.
        var chosen = Input.Extras.Select((row, index) => (row, index))
            .Where(x => x.row.Quantity is > 0 && Offering.Extras.Any(e => e.Id == x.row.ExtraId))
            .Select(x => (x.row.ExtraId, Quantity: x.row.Quantity!.Value, Row: x.index)).ToList();
        var command = new CreateBooking(
            id,
            slot ? Input.SlotId : null,
            slot ? null : Input.CheckIn,
            slot ? null : Input.CheckOut,
            slot ? null : Input.Units,
            Input.Adults ?? 0,
            Input.Children ?? 0,
            new ContactInput(Input.Name ?? "", Input.Phone ?? "", string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email),
            Methods.Contains(Input.PaymentMethod) ? Input.PaymentMethod : Methods.FirstOrDefault(),
            string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes,
            chosen.Count > 0 ? chosen.Select(c => new ExtraChoice(c.ExtraId, c.Quantity)).ToList() : null)
        {
            IdempotencyKey = string.IsNullOrEmpty(Input.IdempotencyKey) ? null : Input.IdempotencyKey,
            Language = UiText.IsEnglish ? "en" : "zh",
        };
        var booked = await sender.Send(command, ct);
        if (!booked.IsSuccess)
        {
            var rows = chosen.Select(c => c.Row).ToList();
            Errors.Add(booked.Errors.Select(e => FormRows.OnTheForm(e, "extras", rows, ".extraId", ".quantity")), [.. Fields, .. Offering.Extras.Select((_, i) => $"extras[{i}].quantity")]);
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
        var me = await sender.Send(new GetMe(), ct);
        _me = me.IsSuccess ? me.Value : null;
        PhoneVerified = _me?.PhoneVerified == true;
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

/// <summary>The phone verification step: the number, then the code the SMS brought.</summary>
public sealed class PhoneStep
{
    public string? Phone { get; set; }

    public string? Code { get; set; }
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

    /// <summary>One row per extra the offering has, in its order; a quantity of 0 or none leaves it out.</summary>
    public List<ExtraRow> Extras { get; set; } = [];
}

public sealed class ExtraRow
{
    public Guid ExtraId { get; set; }

    public int? Quantity { get; set; }
}
