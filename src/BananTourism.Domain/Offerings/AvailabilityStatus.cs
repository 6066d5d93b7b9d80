namespace BananTourism.Domain.Offerings;

public enum AvailabilityStatus
{
    Open,
    Closed,
    SoldOut,
}

public static class Availability
{
    /// <summary>What a tourist sees for a slot or night: closed (by the operator, or already started), sold
    /// out, or open.</summary>
    public static AvailabilityStatus Of(bool closed, bool started, int capacity, int reserved) =>
        closed || started ? AvailabilityStatus.Closed
        : reserved >= capacity ? AvailabilityStatus.SoldOut
        : AvailabilityStatus.Open;
}
