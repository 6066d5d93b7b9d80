using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.GenerateSchedule;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>Puts sessions (or nights) on sale for a range of dates; running it again adds only what is missing.</summary>
public sealed class ScheduleModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int TimeRows = 4;

    public static readonly string[] Fields = ["from", "to", "daysOfWeek", "times", "capacity", "units"];

    public OperatorOffering Offering { get; private set; } = null!;

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public ScheduleResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var today = VenueTime.Today(clock.GetUtcNow());
        Input = new ScheduleInput
        {
            From = today,
            To = today.AddDays(29),
            DaysOfWeek = [1, 2, 3, 4, 5, 6, 7],
            Starts = ["09:00", "14:00", "", ""],
            Ends = ["12:00", "17:00", "", ""],
            Capacity = 40,
            Units = 5,
        };
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

        var slots = Offering.Kind == OfferingKind.TimeSlot;
        List<TimesBody>? times = null;
        if (slots)
        {
            times = [];
            for (var i = 0; i < Math.Min(TimeRows, Input.Starts.Count); i++)
            {
                var start = Input.Starts[i];
                var end = i < Input.Ends.Count ? Input.Ends[i] : null;
                if (string.IsNullOrWhiteSpace(start) && string.IsNullOrWhiteSpace(end))
                {
                    continue;
                }

                if (!TimeOnly.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, out var s)
                    || !TimeOnly.TryParse(end, System.Globalization.CultureInfo.InvariantCulture, out var e))
                {
                    Errors.Add([Error.Validation("times", "Each session needs a start and an end time (HH:mm).")], Fields);
                    return Page();
                }

                times.Add(new TimesBody(s, e));
            }
        }

        var body = new ScheduleBody(Input.From, Input.To, Input.DaysOfWeek, times, slots ? Input.Capacity : null, slots ? null : Input.Units);
        var result = await sender.Send(new GenerateSchedule(id, body), ct);
        if (result.IsSuccess)
        {
            Result = result.Value;
        }
        else
        {
            Errors.Add(result.Errors, Fields);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await Owned.OfferingAsync(sender, id, ct) is not { } offering)
        {
            return false;
        }

        Offering = offering;
        return true;
    }
}

public sealed class ScheduleInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public List<int> DaysOfWeek { get; set; } = [];

    public List<string?> Starts { get; set; } = [];

    public List<string?> Ends { get; set; } = [];

    public int? Capacity { get; set; }

    public int? Units { get; set; }
}
