namespace BananTourism.Domain.Visits;

/// <summary>散客: visitors without a booking, counted at the gate. Entries are never edited: a miscount is put
/// right with a negative entry, so the day's history shows who recorded what and when.</summary>
public sealed class WalkIn
{
    private WalkIn()
    {
    }

    public WalkIn(Guid venueId, DateOnly date, int count, Guid recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7(recordedAt);
        VenueId = venueId;
        Date = date;
        Count = count;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>People counted; negative for a correction.</summary>
    public int Count { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
