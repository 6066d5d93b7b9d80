using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Bookings;

/// <summary>The server's price for a booking; clients never send one.</summary>
public static class Pricing
{
    public static IReadOnlyList<BookingLine> ForSlot(PriceList prices, DateOnly date, bool isHoliday, int adults, int children)
    {
        var day = DayTypes.Of(date, OfferingKind.TimeSlot, isHoliday);
        var lines = new List<BookingLine>();
        if (adults > 0)
        {
            lines.Add(new BookingLine(date, LineKind.Adult, adults, prices.UnitPriceOn(day)));
        }

        if (children > 0)
        {
            lines.Add(new BookingLine(date, LineKind.Child, children, prices.ChildPriceOn(day)));
        }

        return lines;
    }

    public static IReadOnlyList<BookingLine> ForStay(
        PriceList prices, DateOnly checkIn, DateOnly checkOut, int units, ISet<DateOnly> holidays) =>
        Enumerable.Range(0, checkOut.DayNumber - checkIn.DayNumber)
            .Select(checkIn.AddDays)
            .Select(night => new BookingLine(
                night, LineKind.Night, units,
                prices.UnitPriceOn(DayTypes.Of(night, OfferingKind.Nightly, holidays.Contains(night)))))
            .ToList();
}
