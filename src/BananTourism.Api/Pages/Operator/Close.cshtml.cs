using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.CloseDates;
using BananTourism.Application.Offerings.PreviewClosure;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>Closing dates (weather, maintenance): first a preview of what it cancels and refunds, then the
/// closure itself, which cancels and refunds every booking on those dates.</summary>
public sealed class CloseModel(ISender sender, TimeProvider clock) : PageModel
{
    public static readonly string[] Fields = ["from", "to", "reason"];

    public OperatorOffering Offering { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    /// <summary>One session only (from the sessions page), instead of whole dates.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? SlotId { get; set; }

    public ClosureResult? Preview { get; private set; }

    public ClosureResult? Closed { get; private set; }

    public FormErrors Errors { get; } = new();

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Errors.AddBindingErrors(ModelState, "") || (From is null && SlotId is null) || (SlotId is not null && Reason is null))
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors.Add([Error.Validation("reason", "Give a reason; tourists see it.")], Fields);
            return Page();
        }

        var preview = await sender.Send(SlotId is { } slot ? new PreviewClosure(id, null, null, slot) : new PreviewClosure(id, From, To ?? From, null), ct);
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

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Errors.AddBindingErrors(ModelState, ""))
        {
            return Page();
        }

        var body = SlotId is { } slot ? new ClosureBody(null, null, slot, Reason ?? "") : new ClosureBody(From, To ?? From, null, Reason ?? "");
        var closed = await sender.Send(new CloseDates(id, body), ct);
        if (closed.IsSuccess)
        {
            Closed = closed.Value;
        }
        else
        {
            Errors.Add(closed.Errors, Fields);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        if (await Owned.OfferingAsync(sender, id, ct) is not { } offering)
        {
            return false;
        }

        Offering = offering;
        return true;
    }
}
