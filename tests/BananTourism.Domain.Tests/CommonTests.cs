using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;

namespace BananTourism.Domain.Tests;

public class CommonTests
{
    [Fact]
    public void Result_FromError_IsAFailureCarryingIt()
    {
        Result<int> result = Error.Conflict("sold_out", "gone");
        Assert.False(result.IsSuccess);
        Assert.Equal("sold_out", result.FirstError.Code);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Result_FailureWithoutErrors_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Result<int>.Failure([]));

    [Fact]
    public void Money_AddsOnlyTheSameCurrency()
    {
        Assert.Equal(Money.Yuan(300), Money.Yuan(100) + Money.Yuan(200));
        Assert.Throws<InvalidOperationException>(() => Money.Yuan(1) + new Money(1, "USD"));
        Assert.Throws<OverflowException>(() => Money.Yuan(long.MaxValue) * 2);
    }

    [Fact]
    public void VenueTime_TodayIsTheShanghaiDate()
    {
        // 23:30 local on 30 November is 15:30 UTC the same day; 00:30 local on 1 December is 16:30 UTC on 30 November.
        Assert.Equal(new DateOnly(2026, 11, 30), VenueTime.Today(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 1), VenueTime.Today(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void CategoryMask_RoundTrips()
    {
        var mask = CategoryMask.Of([Category.Camping, Category.FarmStay]);
        Assert.Equal([Category.Camping, Category.FarmStay], CategoryMask.Split(mask));
        Assert.Empty(CategoryMask.Split(0));
    }

    [Theory]
    [InlineData(false, false, 10, 3, AvailabilityStatus.Open)]
    [InlineData(false, false, 10, 10, AvailabilityStatus.SoldOut)]
    [InlineData(true, false, 10, 3, AvailabilityStatus.Closed)]
    [InlineData(false, true, 10, 3, AvailabilityStatus.Closed)]
    public void Availability_SaysWhatATouristSees(bool closed, bool started, int capacity, int reserved, AvailabilityStatus expected) =>
        Assert.Equal(expected, Availability.Of(closed, started, capacity, reserved));

    [Theory]
    [InlineData("PageSize", "pageSize")]
    [InlineData("Contact.Phone", "contact.phone")]
    [InlineData("Times[0].Start", "times[0].start")]
    public void FieldName_IsTheJsonName(string property, string expected) => Assert.Equal(expected, FieldName.Of(property));

    [Fact]
    public void Like_EscapesWildcards() => Assert.Equal("%50\\%\\_off%", Like.Contains("50%_off"));
}
