using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.ChangeSlotCapacity;
using BananTourism.Application.Offerings.ListOwnedSlots;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>The sessions of an offering two weeks at a time: places reserved of capacity, closed ones with their
/// reason, a capacity to change (never below what is reserved) and a single session to close.</summary>
public sealed class SlotsModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int Days = 14;

    public OperatorOffering Offering { get; private set; } = null!;

    public IReadOnlyList<SlotDto> Slots { get; private set; } = [];

    public DateOnly From { get; private set; }

    public DateOnly Today { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The slot whose capacity was just changed, to say so next to it.</summary>
    public Guid? Changed { get; private set; }

    /// <summary>The slot whose change was refused, and why, shown in its row.</summary>
    public (Guid Slot, string Message)? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? from, Guid? changed, CancellationToken ct)
    {
        Changed = changed;
        return await LoadAsync(id, from, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCapacityAsync(Guid id, Guid slotId, int? capacity, DateOnly? from, CancellationToken ct)
    {
        if (!await LoadAsync(id, from, ct))
        {
            return NotFound();
        }

        if (Slots.All(s => s.Id != slotId))
        {
            return NotFound();
        }

        var changed = await sender.Send(new ChangeSlotCapacity(slotId, new SlotCapacityBody(capacity ?? 0)), ct);
        if (!changed.IsSuccess)
        {
            Errors.Add(changed.Errors, []);
            Refused = (slotId, UiText.ErrorText(changed.FirstError));
            return Page();
        }

        return Redirect($"/operator/offerings/{id}/slots?from={From:yyyy-MM-dd}&changed={slotId}");
    }

    private async Task<bool> LoadAsync(Guid id, DateOnly? from, CancellationToken ct)
    {
        if (await Owned.OfferingAsync(sender, id, ct) is not { } offering)
        {
            return false;
        }

        Offering = offering;
        Today = VenueTime.Today(clock.GetUtcNow());
        From = from is { } f && f >= Today.AddDays(-ListOwnedSlotsValidator.MaxDays) && f <= Today.AddDays(366) ? f : Today;
        if (offering.Kind == OfferingKind.TimeSlot)
        {
            Slots = (await sender.Send(new ListOwnedSlots(id, From, From.AddDays(Days - 1)), ct)).Value;
        }

        return true;
    }
}
