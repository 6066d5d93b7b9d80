using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Tests;

public class PriceListTests
{
    private static readonly PriceList Roses = new(5800, 2800, 6800, 7800);

    [Theory]
    [InlineData(DayType.Weekday, 5800)]
    [InlineData(DayType.Weekend, 6800)]
    [InlineData(DayType.Holiday, 7800)]
    public void UnitPriceOn_UsesThePriceOfTheDay(DayType day, long expected) =>
        Assert.Equal(expected, Roses.UnitPriceOn(day));

    [Fact]
    public void UnitPriceOn_WhenNoHolidayPrice_FallsBackToWeekendThenBase()
    {
        Assert.Equal(6800, new PriceList(5800, null, 6800, null).UnitPriceOn(DayType.Holiday));
        Assert.Equal(5800, new PriceList(5800, null, null, null).UnitPriceOn(DayType.Holiday));
    }

    [Fact]
    public void ChildPriceOn_WhenNoChildPrice_ChargesTheAdultPriceOfTheDay()
    {
        Assert.Equal(2800, Roses.ChildPriceOn(DayType.Holiday));
        Assert.Equal(6800, new PriceList(5800, null, 6800, null).ChildPriceOn(DayType.Weekend));
    }

    [Fact]
    public void From_IsTheLowestPriceAnyoneCanPay() => Assert.Equal(2800, Roses.From);

    [Theory]
    [InlineData("2026-12-04", OfferingKind.TimeSlot, DayType.Weekday)] // Friday
    [InlineData("2026-12-05", OfferingKind.TimeSlot, DayType.Weekend)] // Saturday
    [InlineData("2026-12-06", OfferingKind.TimeSlot, DayType.Weekend)] // Sunday
    [InlineData("2026-12-04", OfferingKind.Nightly, DayType.Weekend)] // Friday night
    [InlineData("2026-12-06", OfferingKind.Nightly, DayType.Weekday)] // Sunday night
    public void DayTypes_WeekendsDifferForSlotsAndNights(string date, OfferingKind kind, DayType expected) =>
        Assert.Equal(expected, DayTypes.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), kind, isHoliday: false));

    [Fact]
    public void DayTypes_HolidayWinsOverWeekday() =>
        Assert.Equal(DayType.Holiday, DayTypes.Of(new DateOnly(2026, 10, 1), OfferingKind.TimeSlot, isHoliday: true));
}
