using BananTourism.Application.Bookings;
using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.GetOwnedOffering;
using BananTourism.Application.Produce;
using BananTourism.Application.Produce.CreateWeighOut;
using BananTourism.Application.Produce.ListWeighOuts;
using BananTourism.Application.Produce.VoidWeighOut;
using BananTourism.Application.Visits.FindBookingByCode;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Produce;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>过秤 at the exit, on the phone beside the scale: the ticket's code typed or scanned (as at check-in), then a
/// quantity for each product taken home (a numeric keypad, big buttons), then collected at the stall or left for the
/// tourist to pay online. The receipt shows big; a mistake is voided within 15 minutes and weighed again.</summary>
public sealed class WeighOutModel(ISender sender, TimeProvider clock) : PageModel
{
    public static readonly string[] Fields = ["code"];

    public FormErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public List<WeighRow> Rows { get; set; } = [];

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public BookingDto? Booking { get; private set; }

    public OperatorOffering? Offering { get; private set; }

    /// <summary>The receipts of this booking so far, the newest last.</summary>
    public IReadOnlyList<WeighOutDto> Receipts { get; private set; } = [];

    /// <summary>The receipt just made (after the redirect, so a reload does not weigh it out again).</summary>
    public WeighOutDto? Done { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? done, CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        if (!string.IsNullOrWhiteSpace(Code))
        {
            await LoadAsync(ct);
            Done = done is { } id ? Receipts.FirstOrDefault(r => r.Id == id) : null;
        }

        return Page();
    }

    /// <summary>Weighs out what the rows hold, collected at the stall (<paramref name="collect"/> atGate) or online.</summary>
    public async Task<IActionResult> OnPostAsync(Collect collect, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Booking is null)
        {
            return Page();
        }

        var items = new List<WeighOutItem>();
        foreach (var row in Rows.Where(r => !string.IsNullOrWhiteSpace(r.Quantity)))
        {
            if (!decimal.TryParse(row.Quantity!.Replace('，', '.').Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out var quantity))
            {
                Errors.General.Add(UiText.T("InvalidQuantity"));
                return Page();
            }

            items.Add(new WeighOutItem(row.ProduceId, quantity));
        }

        if (items.Count == 0)
        {
            Errors.General.Add(UiText.T("WeighSomething"));
            return Page();
        }

        var made = await sender.Send(new CreateWeighOut(Booking.Id, items, collect) { IdempotencyKey = IdempotencyKey }, ct);
        if (!made.IsSuccess)
        {
            Errors.Add(made.Errors, []);
            IdempotencyKey = Guid.NewGuid().ToString("N");
            return Page();
        }

        return Redirect($"/operator/weigh-out?code={Uri.EscapeDataString(Code ?? "")}&done={made.Value.WeighOut.Id}");
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid receiptId, CancellationToken ct)
    {
        var voided = await sender.Send(new VoidWeighOut(receiptId), ct);
        if (!voided.IsSuccess)
        {
            Errors.Add(voided.Errors, []);
            await LoadAsync(ct);
            IdempotencyKey = Guid.NewGuid().ToString("N");
            return Page();
        }

        return Redirect($"/operator/weigh-out?code={Uri.EscapeDataString(Code ?? "")}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var found = await sender.Send(new FindBookingByCode(Code ?? ""), ct);
        if (!found.IsSuccess)
        {
            Errors.Add(found.Errors, Fields);
            return false;
        }

        Booking = found.Value;
        var offering = await sender.Send(new GetOwnedOffering(Booking.OfferingId), ct);
        Offering = offering.IsSuccess ? offering.Value : null;
        var receipts = await sender.Send(new ListWeighOuts(Booking.Id), ct);
        Receipts = receipts.IsSuccess ? receipts.Value : [];
        if (Booking.Status != BookingStatus.CheckedIn)
        {
            Errors.General.Add(UiText.T("Err.not_checked_in"));
        }

        return true;
    }
}

/// <summary>One product's line on the scale-side form: its quantity as typed (a decimal point or a Chinese comma).</summary>
public sealed class WeighRow
{
    public Guid ProduceId { get; set; }

    public string? Quantity { get; set; }
}
