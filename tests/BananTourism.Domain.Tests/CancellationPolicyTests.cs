using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Tests;

public class CancellationPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CancellationPolicy Policy = new(freeUntilHoursBefore: 24, refundPercentAfter: 50);

    [Fact]
    public void RefundFor_BeforeTheFreeWindowCloses_RefundsEverything() =>
        Assert.Equal(17400, Policy.RefundFor(17400, Start, Start.AddHours(-24)));

    [Fact]
    public void RefundFor_InsideTheWindow_RefundsThePercentageRoundedDown() =>
        Assert.Equal(8700, Policy.RefundFor(17401, Start, Start.AddHours(-23)));

    [Fact]
    public void RefundFor_AtOrAfterTheStart_IsNotCancellable()
    {
        Assert.Null(Policy.RefundFor(17400, Start, Start));
        Assert.Null(Policy.RefundFor(17400, Start, Start.AddMinutes(1)));
    }

    [Fact]
    public void RefundFor_ZeroPercentAfter_RefundsNothingLate() =>
        Assert.Equal(0, new CancellationPolicy(2, 0).RefundFor(6000, Start, Start.AddHours(-1)));

    [Fact]
    public void RefundFor_OneSecondEitherSideOfEachDeadline()
    {
        Assert.Equal(17400, Policy.RefundFor(17400, Start, Start.AddHours(-24).AddSeconds(-1)));
        Assert.Equal(8700, Policy.RefundFor(17400, Start, Start.AddHours(-24).AddSeconds(1)));
        Assert.Equal(8700, Policy.RefundFor(17400, Start, Start.AddSeconds(-1)));
        Assert.Null(Policy.RefundFor(17400, Start, Start.AddSeconds(1)));
    }
}
