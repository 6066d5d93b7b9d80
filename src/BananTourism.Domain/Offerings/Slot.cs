namespace BananTourism.Domain.Offerings;

/// <summary>场次: one timed session of a time-slot offering. <see cref="Reserved"/> only ever changes through a
/// conditional UPDATE in the database, never by reading, adding and writing back in application code.</summary>
public sealed class Slot
{
    private Slot()
    {
    }

    public Slot(Guid id, Guid offeringId, DateOnly date, TimeOnly start, TimeOnly end, int capacity)
    {
        Id = id;
        OfferingId = offeringId;
        Date = date;
        Start = start;
        End = end;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }

    public Guid OfferingId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public int Capacity { get; private set; }

    public int Reserved { get; private set; }

    public bool Closed { get; private set; }

    public string? ClosedReason { get; private set; }
}
