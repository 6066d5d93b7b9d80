namespace BananTourism.Domain.Offerings;

/// <summary>房晚/营位: the units of a nightly offering for one night (the night that starts on <see cref="Date"/>).</summary>
public sealed class NightInventory
{
    private NightInventory()
    {
    }

    public NightInventory(Guid id, Guid offeringId, DateOnly date, int units)
    {
        Id = id;
        OfferingId = offeringId;
        Date = date;
        Units = units;
    }

    public Guid Id { get; private set; }

    public Guid OfferingId { get; private set; }

    public DateOnly Date { get; private set; }

    public int Units { get; private set; }

    public int Reserved { get; private set; }

    public bool Closed { get; private set; }

    public string? ClosedReason { get; private set; }
}
