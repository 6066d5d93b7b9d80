using System.Globalization;
using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Application.Catalog.GetOffering;
using BananTourism.Domain.Common;
using BananTourism.Application.Catalog.GetVenueCrowd;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Offerings;

/// <summary>An offering with two weeks of live availability: places left, the price of each day, sold-out and
/// closed days visible.</summary>
public sealed class DetailsModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int Days = 14;

    private const int OneReadDays = 62;

    public OfferingDetail Offering { get; private set; } = null!;

    public VenueCrowd? Crowd { get; private set; }

    /// <summary>The newest reviews (the first page).</summary>
    public BananTourism.Application.Reviews.ListReviews.ReviewPage? Reviews { get; private set; }

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
        Crowd = await sender.Send(new GetVenueCrowd(Offering.VenueId), ct) is { IsSuccess: true } crowd ? crowd.Value : null;
        Reviews = await sender.Send(new BananTourism.Application.Reviews.ListReviews.ListReviews(id, 1, 10), ct) is { IsSuccess: true } reviews ? reviews.Value : null;
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        Month = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
                && m >= thisMonth && m <= thisMonth.AddMonths(12)
            ? m
            : new DateOnly(From.Year, From.Month, 1);
        var (listTo, monthTo) = (From.AddDays(Days - 1), Month.AddMonths(1).AddDays(-1));

        // One read serves both views when they are close (the usual case: this month and the next two weeks).
        var first = From < Month ? From : Month;
        var last = listTo > monthTo ? listTo : monthTo;
        if (last.DayNumber - first.DayNumber <= OneReadDays)
        {
            var both = (await sender.Send(new GetAvailability(id, first, last), ct)).Value;
            Availability = Slice(both, From, listTo);
            MonthDays = MonthCalendar.Build(both, Month);
        }
        else
        {
            Availability = (await sender.Send(new GetAvailability(id, From, listTo), ct)).Value;
            MonthDays = MonthCalendar.Build((await sender.Send(new GetAvailability(id, Month, monthTo), ct)).Value, Month);
        }

        return Page();
    }

    private static AvailabilityDto Slice(AvailabilityDto all, DateOnly from, DateOnly to) => new(
        all.Kind,
        all.Slots?.Where(s => s.Date >= from && s.Date <= to).ToList(),
        all.Nights?.Where(n => n.Date >= from && n.Date <= to).ToList());
}
