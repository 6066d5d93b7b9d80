namespace BananTourism.Domain.Offerings;

/// <summary>How many of an extra are taken in one session: a slot (<see cref="SlotId"/>), or one night of a stay
/// (<see cref="SlotId"/> empty). Moved only by conditional UPDATEs in the booking's transaction, like capacity; every
/// extra is counted, so a stock set later starts from the truth.</summary>
public sealed class ExtraStock
{
    private ExtraStock()
    {
    }

    public ExtraStock(Guid extraId, DateOnly date, Guid slotId, int taken)
    {
        ExtraId = extraId;
        Date = date;
        SlotId = slotId;
        Taken = taken;
    }

    public Guid ExtraId { get; private set; }

    public DateOnly Date { get; private set; }

    public Guid SlotId { get; private set; }

    public int Taken { get; private set; }
}
