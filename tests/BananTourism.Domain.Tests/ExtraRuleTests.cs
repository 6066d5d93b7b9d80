using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Reports;

namespace BananTourism.Domain.Tests;

public class ExtraRuleTests
{
    private static readonly Extra Rod = new(Guid.NewGuid(), "钓竿与饵料", "Rod and bait", 1500, ExtraPer.Person, 5);
    private static readonly Extra Table = new(Guid.NewGuid(), "加工灶台", "Cooking table", 3000, ExtraPer.Booking, null);
    private static readonly Extra Dinner = new(Guid.NewGuid(), "农家晚餐", "Farm dinner", 4800, ExtraPer.Night, null);
    private static readonly Extra Tent = new(Guid.NewGuid(), "帐篷租赁", "Tent hire", 8000, ExtraPer.Unit, 30);
    private static readonly Extra[] Offered = [Rod, Table, Dinner, Tent];
    private static readonly DateOnly Day = new(2026, 10, 12);

    [Fact]
    public void Extras_ArePricedPerBookingPersonNightOrPiece()
    {
        var lines = ExtraPricing.Lines(Offered, [new(Rod.Id, 2), new(Table.Id, 1), new(Dinner.Id, 3), new(Tent.Id, 2)], Day, Day.AddDays(2), party: 3).Value;
        Assert.Equal(3000, lines.Single(l => l.ExtraId == Rod.Id).Amount);
        Assert.Equal(3000, lines.Single(l => l.ExtraId == Table.Id).Amount);
        Assert.Equal([Day, Day.AddDays(1)], lines.Where(l => l.ExtraId == Dinner.Id).Select(l => l.Date));
        Assert.All(lines.Where(l => l.ExtraId == Dinner.Id), l => Assert.Equal(3 * 4800, l.Amount));
        Assert.Equal(16000, lines.Single(l => l.ExtraId == Tent.Id).Amount);
        Assert.All(lines, l => Assert.Equal(LineKind.Extra, l.Kind));
    }

    [Theory]
    [InlineData(0, "extras[0].quantity")]
    [InlineData(4, "extras[0].quantity")] // more rods than people
    public void AQuantityOutsideItsBounds_IsNamed(int rods, string field) =>
        Assert.Equal(field, ExtraPricing.Lines(Offered, [new(Rod.Id, rods)], Day, Day.AddDays(1), party: 3).FirstError.Field);

    [Fact]
    public void AnExtraNotOffered_OrListedTwice_IsNamed()
    {
        Assert.Equal("extras[0].extraId", ExtraPricing.Lines(Offered, [new(Guid.NewGuid(), 1)], Day, Day.AddDays(1), 2).FirstError.Field);
        Assert.Equal("extras[1].extraId", ExtraPricing.Lines(Offered, [new(Table.Id, 1), new(Table.Id, 1)], Day, Day.AddDays(1), 2).FirstError.Field);
        Assert.Equal("extras[0].quantity", ExtraPricing.Lines(Offered, [new(Table.Id, 2)], Day, Day.AddDays(1), 2).FirstError.Field);
    }

    [Fact]
    public void AMove_KeepsTheExtras_ThePricesBooked_AndADinnerForEachNewNight()
    {
        var booked = ExtraPricing.Lines(Offered, [new(Dinner.Id, 2), new(Tent.Id, 1)], Day, Day.AddDays(2), party: 2).Value;
        var moved = ExtraPricing.Moved(booked, Day.AddDays(10), Day.AddDays(13));
        Assert.Equal(3, moved.Count(l => l.ExtraId == Dinner.Id));
        Assert.All(moved.Where(l => l.ExtraId == Dinner.Id), l => Assert.Equal((2, 4800L), (l.Quantity, l.UnitPrice)));
        Assert.Equal(Day.AddDays(10), moved.Single(l => l.ExtraId == Tent.Id).Date);
    }

    [Theory]
    [InlineData(10000, 10000, 2000, 2000)]
    [InlineData(5000, 10000, 2000, 1000)]   // half refunded: half of each
    [InlineData(3333, 10000, 2000, 666)]    // the odd fen stays with the tickets
    [InlineData(0, 10000, 2000, 0)]
    [InlineData(10000, 10000, 0, 0)]
    [InlineData(500, 0, 0, 0)]
    public void TheExtrasShare_IsInProportion_RoundedTowardZero(long net, long total, long extras, long share) =>
        Assert.Equal(share, BookingRevenue.ExtrasShare(net, total, extras));
}
