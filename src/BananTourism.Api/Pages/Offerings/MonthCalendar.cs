using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Domain.Offerings;

namespace BananTourism.Api.Pages.Offerings;

/// <summary>One day of the month view: <see cref="Status"/> is null where nothing is scheduled.</summary>
public sealed record CalendarDay(DateOnly Date, AvailabilityStatus? Status, int Remaining, long? FromPrice);

/// <summary>A month of availability as a Monday-first grid: a day is open while any session (or the night) has
/// room, sold out when all that is scheduled is full, closed when all of it is closed or started.</summary>
public static class MonthCalendar
{
    public static IReadOnlyList<CalendarDay> Build(AvailabilityDto availability, DateOnly first)
    {
        var last = first.AddMonths(1).AddDays(-1);
        var days = new List<CalendarDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            days.Add(availability.Slots is { } slots
                ? Summarise(date, slots.Where(s => s.Date == date).Select(s => (s.Status, s.Remaining, s.Price.Adult.Amount)).ToList())
                : Summarise(date, (availability.Nights ?? []).Where(n => n.Date == date).Select(n => (n.Status, n.Remaining, n.Price.Amount)).ToList()));
        }

        return days;
    }

    /// <summary>Blank cells before the 1st so that it falls under its weekday (Monday first).</summary>
    public static int LeadingBlanks(DateOnly first) => ((int)first.DayOfWeek + 6) % 7;

    private static CalendarDay Summarise(DateOnly date, List<(AvailabilityStatus Status, int Remaining, long Price)> items)
    {
        if (items.Count == 0)
        {
            return new CalendarDay(date, null, 0, null);
        }

        var open = items.Where(i => i.Status == AvailabilityStatus.Open).ToList();
        if (open.Count > 0)
        {
            return new CalendarDay(date, AvailabilityStatus.Open, open.Sum(i => i.Remaining), open.Min(i => i.Price));
        }

        var status = items.Any(i => i.Status == AvailabilityStatus.SoldOut) ? AvailabilityStatus.SoldOut : AvailabilityStatus.Closed;
        return new CalendarDay(date, status, 0, null);
    }
}
