using BananTourism.Domain.Common;

namespace BananTourism.Domain.Produce;

/// <summary>A quantity of produce in thousandths of its unit (2.35 斤 is 2350): weights to the gram-ish third decimal
/// a shop scale shows, held as an integer so no amount ever passes through floating point.</summary>
public readonly record struct Quantity(long Thousandths)
{
    /// <summary>The most one line may hold: 10,000 units (a whole pond's catch is less).</summary>
    public const long MaxThousandths = 10_000_000;

    /// <summary>A quantity from the wire: above zero, at most three decimals, at most 10,000.</summary>
    public static Quantity? From(decimal value)
    {
        var thousandths = value * 1000m;
        if (value <= 0 || thousandths != decimal.Truncate(thousandths) || thousandths > MaxThousandths)
        {
            return null;
        }

        return new Quantity((long)thousandths);
    }

    public decimal Value => Thousandths / 1000m;
}

/// <summary>The money of a weigh-out receipt, in fen, exactly.
/// <para>The rule (one rounding, at the total): each line's exact amount is quantity × unit price, in thousandths of a fen;
/// the receipt's total is the sum of those exact amounts rounded half-up to the fen (x.5 fen → x+1). The lines shown
/// then share that total: each takes its exact amount rounded down, and the fen left over go one each to the lines with
/// the largest remainders (ties to the earlier line), so every line is its exact amount rounded down or up, and the
/// lines always add up to the total.</para></summary>
public static class Receipt
{
    public static (long Total, IReadOnlyList<long> LineAmounts) Price(IReadOnlyList<(Quantity Quantity, long UnitPrice)> lines)
    {
        var exact = lines.Select(l => checked(l.Quantity.Thousandths * l.UnitPrice)).ToList();
        var total = checked(exact.Sum() + 500) / 1000;
        var amounts = exact.Select(e => e / 1000).ToArray();
        var leftover = total - amounts.Sum();
        foreach (var i in Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] % 1000).ThenBy(i => i).Take((int)leftover))
        {
            amounts[i]++;
        }

        return (total, amounts);
    }
}
