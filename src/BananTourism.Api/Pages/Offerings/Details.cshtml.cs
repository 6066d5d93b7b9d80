using System.Globalization;
using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Application.Catalog.GetOffering;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Offerings;

/// <summary>An offering with two weeks of live availability: places left, the price of each day, sold-out and
/// closed days visible.</summary>
public sealed class DetailsModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int Days = 14;

    public OfferingDetail Offering { get; private set; } = null!;

    public AvailabilityDto Availability { get; private set; } = null!;

    public DateOnly From { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The first day of the month shown as a calendar.</summary>
    public DateOnly Month { get; private set; }

    public IReadOnlyList<CalendarDay> MonthDays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? from, string? month, CancellationToken ct)
    {
        var offering = await sender.Send(new GetOffering(id), ct);
        if (!offering.IsSuccess)
        {
            return NotFound();
        }

        Today = VenueTime.Today(clock.GetUtcNow());
        From = from is { } f && f >= Today && f <= Today.AddDays(366) ? f : Today;
        Offering = offering.Value;
        Availability = (await sender.Send(new GetAvailability(id, From, From.AddDays(Days - 1)), ct)).Value;

        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        Month = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
                && m >= thisMonth && m <= thisMonth.AddMonths(12)
            ? m
            : new DateOnly(From.Year, From.Month, 1);
        var monthly = await sender.Send(new GetAvailability(id, Month, Month.AddMonths(1).AddDays(-1)), ct);
        MonthDays = MonthCalendar.Build(monthly.Value, Month);
        return Page();
    }
}
