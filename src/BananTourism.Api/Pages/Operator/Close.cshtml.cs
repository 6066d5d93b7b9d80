using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.CloseDates;
using BananTourism.Application.Offerings.PreviewClosure;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>Closing dates (weather, maintenance): first a preview of what it cancels, refunds or offers to move, then
/// the closure itself, which either cancels and refunds every booking on those dates or keeps them with a move offered.</summary>
public sealed class CloseModel(ISender sender, TimeProvider clock) : PageModel
{
    public static readonly string[] Fields = ["from", "to", "reason", "mode", "moveUntil"];

    public OperatorOffering Offering { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    /// <summary>Cancel the bookings it touches (the default), or keep them and offer their tourists a move.</summary>
    [BindProperty(SupportsGet = true)]
    public ClosureMode Mode { get; set; } = ClosureMode.Cancel;

    /// <summary>The last day a move is offered (offerMove; default 30 days from today).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? MoveUntil { get; set; }

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

        var until = Mode == ClosureMode.OfferMove ? MoveUntil : null;
        var preview = await sender.Send(SlotId is { } slot
            ? new PreviewClosure(id, null, null, slot, Mode, until)
            : new PreviewClosure(id, From, To ?? From, null, Mode, until), ct);
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

        var until = Mode == ClosureMode.OfferMove ? MoveUntil : null;
        var body = SlotId is { } slot
            ? new ClosureBody(null, null, slot, Reason ?? "", Mode, until)
            : new ClosureBody(From, To ?? From, null, Reason ?? "", Mode, until);
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
