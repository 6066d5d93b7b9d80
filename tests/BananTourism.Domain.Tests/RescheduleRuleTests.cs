using System.Reflection;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;

namespace BananTourism.Domain.Tests;

/// <summary>改期 and 闭园改期 decisions (issue 15): the policy's deadline and count to the second, what a move offered by
/// the venue frees, the money a move leaves, and which payments a refund comes from.</summary>
public class RescheduleRuleTests
{
    private static readonly DateTimeOffset Booked = new(2026, 9, 21, 9, 0, 0, VenueTime.Offset);
    private static readonly DateTimeOffset Starts = new(2026, 10, 10, 9, 0, 0, VenueTime.Offset);

    [Fact]
    public void TheDeadline_IsTwentyFourHoursBeforeTheStart_ToTheSecond()
    {
        var booking = Confirmed();
        Assert.Null(booking.RescheduleRefusalAt(Starts.AddHours(-24)));
        Assert.Equal("not_reschedulable", booking.RescheduleRefusalAt(Starts.AddHours(-24).AddSeconds(1))?.Code);
        Assert.Null(booking.RescheduleRefusalAt(Starts.AddHours(-24).AddSeconds(-1)));
    }

    [Theory]
    [InlineData(BookingStatus.Held)]
    [InlineData(BookingStatus.CheckedIn)]
    [InlineData(BookingStatus.Cancelled)]
    [InlineData(BookingStatus.Expired)]
    [InlineData(BookingStatus.NoShow)]
    public void OnlyAConfirmedBooking_Moves(BookingStatus status)
    {
        var booking = Confirmed();
        Row.Set(booking, nameof(Booking.Status), status);
        Assert.Equal("not_reschedulable", booking.RescheduleRefusalAt(Booked)?.Code);
    }

    [Fact]
    public void TwoMoves_ThenNoMore()
    {
        var booking = Confirmed();
        booking.MoveToSlot(SlotOn(11), Lines(5800), Booked);
        Assert.Null(booking.RescheduleRefusalAt(Booked));
        booking.MoveToSlot(SlotOn(10), Lines(5800), Booked);
        Assert.Equal(2, booking.RescheduleCount);
        Assert.Equal("not_reschedulable", booking.RescheduleRefusalAt(Booked)?.Code);
        Assert.Equal(new DateOnly(2026, 10, 11), booking.RescheduledFromDate);
    }

    [Fact]
    public void AMoveOfferedByTheVenue_HoldsUntilTheEndOfItsLastDay_PastTheDeadlineAndTheStart_AndUsesNoneOfTheTouristsMoves()
    {
        var booking = Confirmed();
        booking.MoveToSlot(SlotOn(11), Lines(5800), Booked);
        booking.MoveToSlot(SlotOn(10), Lines(5800), Booked); // both of the tourist's own moves used
        Row.Set(booking, nameof(Booking.MoveOfferUntil), (DateOnly?)new DateOnly(2026, 10, 20));
        Row.Set(booking, nameof(Booking.MoveOfferReason), "暴雨");

        var lastSecond = new DateTimeOffset(2026, 10, 20, 23, 59, 59, VenueTime.Offset);
        var over = lastSecond.AddSeconds(1);
        Assert.True(booking.HasMoveOfferAt(lastSecond));
        Assert.Null(booking.RescheduleRefusalAt(lastSecond)); // ten days after the closed session started
        Assert.False(booking.MoveOfferEndedAt(lastSecond));
        Assert.False(booking.HasMoveOfferAt(over));
        Assert.True(booking.MoveOfferEndedAt(over));
        Assert.Equal("not_reschedulable", booking.RescheduleRefusalAt(over)?.Code);

        booking.MoveToSlot(SlotOn(12), Lines(5800), lastSecond);
        Assert.Null(booking.MoveOfferUntil);
        Assert.Null(booking.MoveOfferReason);
        Assert.Equal(3, booking.RescheduleCount);
        Assert.Equal(3, booking.MaxReschedules);
        Assert.False(booking.MoveOfferEndedAt(over)); // moved: nothing left to end
    }

    [Fact]
    public void DecliningAnOffer_RefundsEverything_EvenAfterTheStart()
    {
        var booking = PaidOnline(11600);
        var afterStart = Starts.AddHours(2);
        Assert.Null(booking.CancellationAt(afterStart)); // the policy: the visit has begun
        Row.Set(booking, nameof(Booking.MoveOfferUntil), (DateOnly?)new DateOnly(2026, 10, 20));
        var terms = booking.CancellationAt(afterStart);
        Assert.Equal(new CancellationTerms(11600, PaymentStatus.Refunded, RefundStatus.Pending), terms);
    }

    [Fact]
    public void PaidOnline_ADearerSessionLeavesABalance_ACheaperOneGivesTheDifferenceBack()
    {
        var booking = PaidOnline(11600);
        Assert.Equal(2000, booking.RescheduleDifference(13600));
        Assert.Equal(0, booking.MoveToSlot(SlotOn(11), Lines(6800), Booked));
        Assert.Equal((13600L, 11600L, 2000L), (booking.Total, booking.AmountPaid, booking.BalanceDue));
        Assert.Null(booking.PaymentClientSecret);

        Assert.Equal(2000, booking.MoveToSlot(SlotOn(10), Lines(4800), Booked));
        Assert.Equal((9600L, 9600L, 0L), (booking.Total, booking.AmountPaid, booking.BalanceDue));
    }

    [Fact]
    public void PayOnArrival_AMoveOnlyChangesWhatTheGateTakes()
    {
        var booking = Confirmed();
        Assert.Equal(0, booking.MoveToSlot(SlotOn(11), Lines(6800), Booked));
        Assert.Equal((13600L, 0L, 0L), (booking.Total, booking.AmountPaid, booking.BalanceDue));
    }

    [Fact]
    public void ARefund_ComesFromTheFirstPaymentFirst_ThenTheBalances_NeverMoreThanEachCanGiveBack()
    {
        PaymentSource[] sources = [new("pi_first", 9600), new("pi_balance1", 2000), new("pi_balance2", 500)];
        Assert.Equal([("pi_first", 9600L)], RefundAllocation.Split(9600, sources));
        Assert.Equal([("pi_first", 9600L), ("pi_balance1", 2000L), ("pi_balance2", 100L)], RefundAllocation.Split(11700, sources));
        Assert.Equal([("pi_balance1", 300L)], RefundAllocation.Split(300, [new("pi_first", 0), new("pi_balance1", 2000)]));
        Assert.Throws<InvalidOperationException>(() => RefundAllocation.Split(12101, sources));
    }

    private static Booking Confirmed()
    {
        var offering = Offering.Create(Guid.NewGuid(), OfferingKind.TimeSlot, new OfferingDetails(
            "玫瑰采摘", null, "", Category.Picking, new PriceList(5800, null, 6800, null), null, null, null,
            new CancellationPolicy(24, 50), true), Booked);
        var draft = new BookingDraft(Guid.NewGuid(), offering, 2, 0, new Contact("张三", "13800000000", null), PaymentMethod.PayOnArrival,
            null, "BT-TEST0001", "ABCD2345");
        return Booking.ForSlot(draft, SlotOn(10), Lines(5800), Booked, TimeSpan.FromMinutes(15));
    }

    /// <summary>As the database row is after its payment arrived.</summary>
    private static Booking PaidOnline(long paid)
    {
        var booking = Confirmed();
        Row.Set(booking, nameof(Booking.PaymentMethod), PaymentMethod.Card);
        Row.Set(booking, nameof(Booking.PaymentStatus), PaymentStatus.Paid);
        Row.Set(booking, nameof(Booking.AmountPaid), paid);
        Row.Set(booking, nameof(Booking.FirstPaymentAmount), paid);
        Row.Set(booking, nameof(Booking.PaymentClientSecret), "pi_first_secret");
        return booking;
    }

    private static Slot SlotOn(int day) => new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 10, day), new TimeOnly(9, 0), new TimeOnly(12, 0), 40);

    private static BookingLine[] Lines(long adultPrice) => [new(new DateOnly(2026, 10, 10), LineKind.Adult, 2, adultPrice)];

    /// <summary>Stands in for the guarded UPDATEs that change a booking's row in the database.</summary>
    private static class Row
    {
        public static void Set(Booking booking, string property, object? value) =>
            typeof(Booking).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetSetMethod(nonPublic: true)!.Invoke(booking, [value]);
    }
}
