using BananTourism.Application.Catalog;
using BananTourism.Application.Visits;
using BananTourism.Application.Visits.ListWalkIns;
using BananTourism.Application.Visits.RecordWalkIn;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>Visitors who came without booking, counted at the gate; a negative count corrects a mistake.</summary>
public sealed class WalkInsModel(ISender sender, TimeProvider clock) : PageModel
{
    public static readonly string[] Fields = ["date", "count"];

    public VenueSummary Venue { get; private set; } = null!;

    public WalkInDay Day { get; private set; } = null!;

    [BindProperty]
    public WalkInInput Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public string? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? date, int? added, CancellationToken ct)
    {
        Input.Date = date ?? VenueTime.Today(clock.GetUtcNow());
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (added is { } count)
        {
            Recorded = string.Format(System.Globalization.CultureInfo.InvariantCulture, UiText.T("WalkInsRecorded"), count, Day.Total);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!Errors.AddBindingErrors(ModelState))
        {
            var recorded = await sender.Send(new RecordWalkIn(id, Input.Date ?? VenueTime.Today(clock.GetUtcNow()), Input.Count ?? 0), ct);
            if (recorded.IsSuccess)
            {
                // Back to a GET, so a reload does not count the same people twice.
                var entry = recorded.Value.Entry;
                return Redirect($"/operator/venues/{id}/walkins?date={entry.Date:yyyy-MM-dd}&added={entry.Count}");
            }

            Errors.Add(recorded.Errors, Fields);
        }

        Input.Date ??= VenueTime.Today(clock.GetUtcNow());
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await Owned.VenueAsync(sender, id, ct) is not { } venue)
        {
            return false;
        }

        Venue = venue;
        var day = await sender.Send(new ListWalkIns(id, Input.Date!.Value), ct);
        Day = day.IsSuccess ? day.Value : new WalkInDay(id, Input.Date!.Value, 0, []);
        return true;
    }
}

public sealed class WalkInInput
{
    public DateOnly? Date { get; set; }

    public int? Count { get; set; }
}
