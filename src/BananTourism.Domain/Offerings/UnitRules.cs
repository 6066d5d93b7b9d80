using BananTourism.Domain.Common;

namespace BananTourism.Domain.Offerings;

/// <summary>For stays: how many people one unit (a room, a camp pitch) sleeps, and how many units one booking may
/// take. A party must fit the units it books, so two people cannot take thirty pitches.</summary>
public sealed class UnitRules
{
    private UnitRules()
    {
    }

    public UnitRules(int minPeople, int maxPeople, int maxUnitsPerBooking)
    {
        MinPeople = minPeople;
        MaxPeople = maxPeople;
        MaxUnitsPerBooking = maxUnitsPerBooking;
    }

    public static UnitRules Default => new(1, 4, 5);

    public int MinPeople { get; private set; }

    public int MaxPeople { get; private set; }

    public int MaxUnitsPerBooking { get; private set; }

    /// <summary>Null when <paramref name="units"/> suit a party of <paramref name="people"/>; else the reason, on
    /// the <c>units</c> field.</summary>
    public Error? Check(int units, int people)
    {
        if (units > MaxUnitsPerBooking)
        {
            return Error.Validation("units", $"One booking takes at most {MaxUnitsPerBooking} units.");
        }

        return units * MinPeople <= people && people <= units * MaxPeople
            ? null
            : Error.Validation("units", $"{units} units take {units * MinPeople} to {units * MaxPeople} people; this party is {people}.");
    }
}
