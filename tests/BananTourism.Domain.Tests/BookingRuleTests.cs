using BananTourism.Domain.Offerings;
using BananTourism.Domain.Users;

namespace BananTourism.Domain.Tests;

public class BookingRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 21, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 4, true)]
    [InlineData(1, 5, false)] // one pitch sleeps four
    [InlineData(3, 2, false)] // three pitches need three people: nobody takes rooms for empty beds
    [InlineData(5, 20, true)]
    [InlineData(6, 6, false)] // more units than one booking takes
    public void UnitRules_Check_APartyMustFitItsUnits(int units, int people, bool fits)
    {
        var error = UnitRules.Default.Check(units, people);
        Assert.Equal(fits, error is null);
        if (error is not null)
        {
            Assert.Equal("units", error.Field);
        }
    }

    [Fact]
    public void PayOnArrival_DefaultsByKind_AndMaxPeopleBoundsTheParty()
    {
        Assert.True(PayOnArrivalRule.DefaultFor(OfferingKind.TimeSlot).Permits(40));
        Assert.False(PayOnArrivalRule.DefaultFor(OfferingKind.Nightly).Permits(1));
        var small = new PayOnArrivalRule(true, 6);
        Assert.True(small.Permits(6));
        Assert.False(small.Permits(7));
        Assert.Null(new PayOnArrivalRule(false, 6).MaxPeople); // not allowed has no size
    }

    [Fact]
    public void PhoneCode_IsSixDigits_HashedPerRow_AndUsableForTenMinutes()
    {
        var (row, code) = PhoneCode.Issue(Guid.NewGuid(), "13800138000", Now);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, row.CodeHash, StringComparison.Ordinal);
        Assert.True(row.Matches(code));
        Assert.False(row.Matches(code == "000000" ? "000001" : "000000"));
        Assert.True(row.IsUsable(Now.AddMinutes(9)));
        Assert.False(row.IsUsable(Now.AddMinutes(10)));

        // Ten thousand codes: all six digits, spread over the range (a CSPRNG, not a counter or a clock).
        var codes = Enumerable.Range(0, 10_000).Select(_ => PhoneCode.Issue(Guid.NewGuid(), "13800138000", Now).Code).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 9_900);
        Assert.InRange(codes.Count(c => c[0] < '5'), 4_500, 5_500);
    }
}
