using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;
using CsCheck;

namespace BananTourism.Domain.Tests;

public class ProduceMoneyTests
{
    [Fact]
    public void TwoPointThreeFiveJin_AtTwelveEighty_IsThirtyYuanEightFen()
    {
        var (total, lines) = Receipt.Price([(Quantity.From(2.35m)!.Value, 1280)]);
        Assert.Equal(3008, total);
        Assert.Equal([3008L], lines);
    }

    [Fact]
    public void TheTotal_IsRoundedOnce_HalfUp_AndTheLinesShareIt()
    {
        // 0.5 fen + 0.5 fen: each line alone would round to 1 fen (2 in all); the receipt rounds once, to 1.
        var half = Quantity.From(0.001m)!.Value; // 0.001 × 500 fen = 0.5 fen
        var (total, lines) = Receipt.Price([(half, 500), (half, 500)]);
        Assert.Equal(1, total);
        Assert.Equal([1L, 0L], lines); // the leftover fen goes to the first of equal remainders

        // 0.4 fen rounds down, 0.5 fen up.
        Assert.Equal(0, Receipt.Price([(half, 400)]).Total);
        Assert.Equal(1, Receipt.Price([(half, 500)]).Total);
    }

    [Fact]
    public void EveryReceipt_IsTheExactSumRoundedHalfUp_AndItsLinesAddUpToIt()
    {
        var line = Gen.Select(Gen.Long[1, Quantity.MaxThousandths], Gen.Long[0, 10_000_000]);
        line.Array[1, 20].Sample(lines =>
        {
            var priced = lines.Select(l => (new Quantity(l.Item1), l.Item2)).ToList();
            var (total, amounts) = Receipt.Price(priced);

            // The reference, in decimal yuan-thousandths: the exact sum of quantity × price, then half-up to the fen.
            var exact = lines.Sum(l => l.Item1 / 1000m * l.Item2);
            Assert.Equal((long)decimal.Round(exact, 0, MidpointRounding.AwayFromZero), total);
            Assert.Equal(total, amounts.Sum());
            for (var i = 0; i < lines.Length; i++)
            {
                var exactLine = lines[i].Item1 / 1000m * lines[i].Item2;
                Assert.InRange(amounts[i], (long)decimal.Floor(exactLine), (long)decimal.Ceiling(exactLine));
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("2.35", 2350L)]
    [InlineData("0.001", 1L)]
    [InlineData("10000", 10_000_000L)]
    [InlineData("40", 40_000L)]
    public void Quantities_UpToThreeDecimals_AreAccepted(string value, long thousandths) =>
        Assert.Equal(thousandths, Quantity.From(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))!.Value.Thousandths);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2.3456")]
    [InlineData("10000.001")]
    public void Quantities_ThatAreNotAWeighing_AreRefused(string value) =>
        Assert.Null(Quantity.From(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AWeighOut_PricesFromTheList_AndRefusesWhatItDoesNotSell()
    {
        var now = new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var citrus = new ProduceItem(Guid.NewGuid(), "柑橘", "Citrus", ProduceUnit.Jin, 600);
        var roses = new ProduceItem(Guid.NewGuid(), "玫瑰", "Roses", ProduceUnit.Stem, 300);
        var offering = Offering.Create(Guid.NewGuid(), OfferingKind.TimeSlot, new OfferingDetails(
            "玫瑰采摘", null, "", Domain.Venues.Category.Picking, new PriceList(5800, null, null, null), null, null, null,
            new CancellationPolicy(24, 50), true, Produce: [citrus, roses]), now);

        var made = WeighOut.Create(Guid.NewGuid(), offering, [(citrus.Id, new Quantity(3200)), (roses.Id, new Quantity(40_000))], Collect.AtGate, Guid.NewGuid(), now);
        Assert.True(made.IsSuccess);
        Assert.Equal(1920 + 12000, made.Value.Total);
        Assert.Equal([1920L, 12000L], made.Value.Lines.Select(l => l.Amount));
        Assert.Equal(WeighOutStatus.Collected, made.Value.Status);
        Assert.Equal(new DateOnly(2026, 10, 1), made.Value.Date);

        Assert.Equal("items[0].produceId", WeighOut.Create(Guid.NewGuid(), offering, [(Guid.NewGuid(), new Quantity(1000))], Collect.AtGate, Guid.NewGuid(), now).FirstError.Field);
        Assert.Equal("items[1].produceId", WeighOut.Create(Guid.NewGuid(), offering, [(citrus.Id, new Quantity(1000)), (citrus.Id, new Quantity(1000))], Collect.AtGate, Guid.NewGuid(), now).FirstError.Field);
        Assert.Equal("items[0].quantity", WeighOut.Create(Guid.NewGuid(), offering, [(roses.Id, new Quantity(1500))], Collect.AtGate, Guid.NewGuid(), now).FirstError.Field);
    }

    [Fact]
    public void AReceipt_MayBeVoided_ForFifteenMinutes()
    {
        var now = new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var peach = new ProduceItem(Guid.NewGuid(), "香桃", null, ProduceUnit.Jin, 1280);
        var offering = Offering.Create(Guid.NewGuid(), OfferingKind.TimeSlot, new OfferingDetails(
            "桃", null, "", Domain.Venues.Category.Picking, new PriceList(5800, null, null, null), null, null, null,
            new CancellationPolicy(24, 50), true, Produce: [peach]), now);
        var receipt = WeighOut.Create(Guid.NewGuid(), offering, [(peach.Id, new Quantity(2350))], Collect.Online, Guid.NewGuid(), now).Value;
        Assert.Equal(WeighOutStatus.Pending, receipt.Status);
        Assert.False(receipt.Counts);
        Assert.True(receipt.VoidableAt(now + TimeSpan.FromMinutes(15)));
        Assert.False(receipt.VoidableAt(now + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1)));
    }
}
