namespace BananTourism.Domain.Offerings;

/// <summary>Prices in fen. <see cref="Base"/> is the adult price of a time slot, or the price of one unit for
/// one night. Weekend and holiday prices replace <see cref="Base"/> on those days; a holiday wins over a
/// weekend. Children pay <see cref="Child"/> where set, else the adult price of the day.</summary>
public sealed class PriceList
{
    private PriceList()
    {
    }

    public PriceList(long @base, long? child, long? weekend, long? holiday)
    {
        Base = @base;
        Child = child;
        Weekend = weekend;
        Holiday = holiday;
    }

    public long Base { get; private set; }

    public long? Child { get; private set; }

    public long? Weekend { get; private set; }

    public long? Holiday { get; private set; }

    /// <summary>The lowest price a visitor can see, for "from ¥…" in listings.</summary>
    public long From => new[] { Base, Child ?? Base, Weekend ?? Base, Holiday ?? Base }.Min();

    /// <summary>Adult (or per-unit-night) price on <paramref name="day"/>.</summary>
    public long UnitPriceOn(DayType day) => day switch
    {
        DayType.Holiday => Holiday ?? Weekend ?? Base,
        DayType.Weekend => Weekend ?? Base,
        _ => Base,
    };

    public long ChildPriceOn(DayType day) => Child ?? UnitPriceOn(day);
}

public enum DayType
{
    Weekday,
    Weekend,
    Holiday,
}

public static class DayTypes
{
    /// <summary>Time slots charge weekend prices on Saturday and Sunday; stays on Friday and Saturday nights,
    /// the nights before a day off, as Chinese farm-stays do.</summary>
    public static DayType Of(DateOnly date, OfferingKind kind, bool isHoliday)
    {
        if (isHoliday)
        {
            return DayType.Holiday;
        }

        // A night is a weekend night when the next day is free (Friday and Saturday nights); a day out, on the day itself.
        var weekend = kind switch
        {
            OfferingKind.Nightly => date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday,
            OfferingKind.TimeSlot => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
        };
        return weekend ? DayType.Weekend : DayType.Weekday;
    }
}
