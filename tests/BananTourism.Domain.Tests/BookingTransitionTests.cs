using BananTourism.Domain.Bookings;

namespace BananTourism.Domain.Tests;

/// <summary>The booking state machine (rule 12): which transitions start from which statuses, and what each moves.</summary>
public class BookingTransitionTests
{
    private const BookingStatus Held = BookingStatus.Held;
    private const BookingStatus Confirmed = BookingStatus.Confirmed;
    private const BookingStatus CheckedIn = BookingStatus.CheckedIn;
    private const BookingStatus Expired = BookingStatus.Expired;
    private const BookingStatus Cancelled = BookingStatus.Cancelled;
    private const BookingStatus NoShow = BookingStatus.NoShow;

    public static TheoryData<string, BookingStatus[]> Starts => new()
    {
        { "pay", [Held] },
        { "payAfterExpiry", [Expired] },
        { "refundLatePayment", [Expired, Cancelled] },
        { "expire", [Held] },
        { "cancel", [Held, Confirmed] },
        { "close", [Held, Confirmed] },
        { "checkIn", [Confirmed] },
        { "noShow", [Confirmed] },
        { "reschedule", [Confirmed] },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void EveryTransition_StartsOnlyFromItsStatuses_AndRefusesTheRest(string name, BookingStatus[] from)
    {
        var transition = BookingTransition.All.Single(t => t.Name == name);
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            Assert.Equal(from.Contains(status), transition.Allows(status));
            if (!from.Contains(status))
            {
                Assert.Throws<InvalidOperationException>(() => transition.EffectsFrom(status, PaymentMethod.Card));
            }
        }
    }

    [Fact]
    public void EveryTransition_IsListed_AndEveryStatusHasAStanding()
    {
        Assert.Equal(9, BookingTransition.All.Count);
        Assert.Equal(BookingTransition.All.Count, BookingTransition.All.Select(t => t.Name).Distinct().Count());
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            _ = BookingStanding.Of(status, PaymentMethod.PayOnArrival); // throws for a status nobody declared
        }
    }

    public static TheoryData<string, BookingStatus, PaymentMethod, int, int, int, int, int> Effects => new()
    {
        // transition, from, method: places, booked, unpaid holds, pay-on-arrival people, expected to come
        { "pay", Held, PaymentMethod.Card, 0, +1, -1, 0, +1 },
        { "payAfterExpiry", Expired, PaymentMethod.Alipay, +1, +1, 0, 0, +1 },
        { "refundLatePayment", Expired, PaymentMethod.Card, 0, 0, 0, 0, 0 },
        { "refundLatePayment", Cancelled, PaymentMethod.Card, 0, 0, 0, 0, 0 },
        { "expire", Held, PaymentMethod.WechatPay, -1, 0, -1, 0, 0 },
        { "cancel", Held, PaymentMethod.Card, -1, 0, -1, 0, 0 },
        { "cancel", Confirmed, PaymentMethod.Card, -1, -1, 0, 0, -1 },
        { "cancel", Confirmed, PaymentMethod.PayOnArrival, -1, -1, 0, -1, -1 },
        { "close", Held, PaymentMethod.Alipay, -1, 0, -1, 0, 0 },
        { "close", Confirmed, PaymentMethod.PayOnArrival, -1, -1, 0, -1, -1 },
        { "checkIn", Confirmed, PaymentMethod.PayOnArrival, 0, 0, 0, -1, -1 },
        { "checkIn", Confirmed, PaymentMethod.Card, 0, 0, 0, 0, -1 },
        { "noShow", Confirmed, PaymentMethod.PayOnArrival, 0, 0, 0, -1, -1 },
        { "noShow", Confirmed, PaymentMethod.Card, 0, 0, 0, 0, -1 },
        { "reschedule", Confirmed, PaymentMethod.PayOnArrival, 0, 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Effects))]
    public void EachTransition_MovesWhatItsTwoStatusesImply(
        string name, BookingStatus from, PaymentMethod method, int places, int booked, int unpaidHolds, int payOnArrival, int toCome)
    {
        var effects = BookingTransition.All.Single(t => t.Name == name).EffectsFrom(from, method);
        Assert.Equal(new TransitionEffects(places, booked, unpaidHolds, payOnArrival, toCome), effects);
    }

    [Fact]
    public void NoTransition_LeavesATerminalStatus_ExceptToRefundMoneyThatCameLate()
    {
        foreach (var terminal in new[] { CheckedIn, NoShow })
        {
            Assert.DoesNotContain(BookingTransition.All, t => t.Allows(terminal));
        }

        Assert.Equal(["payAfterExpiry", "refundLatePayment"], BookingTransition.All.Where(t => t.Allows(Expired)).Select(t => t.Name));
        Assert.Equal(["refundLatePayment"], BookingTransition.All.Where(t => t.Allows(Cancelled)).Select(t => t.Name));
    }
}
