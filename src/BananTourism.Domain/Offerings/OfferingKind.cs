namespace BananTourism.Domain.Offerings;

public enum OfferingKind
{
    /// <summary>场次: timed sessions with a capacity in people.</summary>
    TimeSlot = 0,

    /// <summary>房晚/营位: units (rooms, pitches) per night.</summary>
    Nightly = 1,
}
