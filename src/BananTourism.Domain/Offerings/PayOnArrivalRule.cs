namespace BananTourism.Domain.Offerings;

/// <summary>到店付款 as the operator grants it: whether a party may book without paying online, and up to how
/// many people. Nothing is paid until the gate, so it is a privilege: sessions allow it by default, stays (whose
/// rooms and pitches an unpaid booking can empty for nights) do not.</summary>
public sealed class PayOnArrivalRule
{
    private PayOnArrivalRule()
    {
    }

    public PayOnArrivalRule(bool allowed, int? maxPeople)
    {
        Allowed = allowed;
        MaxPeople = allowed ? maxPeople : null;
    }

    public bool Allowed { get; private set; }

    /// <summary>The largest party that may pay on arrival; null for any party the offering takes.</summary>
    public int? MaxPeople { get; private set; }

    public static PayOnArrivalRule DefaultFor(OfferingKind kind) => kind switch
    {
        OfferingKind.TimeSlot => new PayOnArrivalRule(true, null),
        OfferingKind.Nightly => new PayOnArrivalRule(false, null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An offering kind without a pay-on-arrival default."),
    };

    /// <summary>Whether a party of <paramref name="people"/> may pay at the gate.</summary>
    public bool Permits(int people) => Allowed && (MaxPeople is not { } max || people <= max);
}
