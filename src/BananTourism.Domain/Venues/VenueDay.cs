namespace BananTourism.Domain.Venues;

/// <summary>One venue on one date: how many people active bookings hold there, checked against the venue's
/// daily cap (最大承载量) by a conditional UPDATE in the same transaction as the slot or nights.</summary>
public sealed class VenueDay
{
    private VenueDay()
    {
    }

    public VenueDay(Guid venueId, DateOnly date, int reserved, int walkIns = 0)
    {
        VenueId = venueId;
        Date = date;
        Reserved = reserved;
        WalkIns = walkIns;
    }

    public Guid VenueId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>People in held, confirmed and checked-in bookings for this date.</summary>
    public int Reserved { get; private set; }

    /// <summary>Walk-in visitors counted at the gate this day: the sum of the day's walk-in entries, kept here
    /// so a correction can be refused in the database when it would take the day below zero.</summary>
    public int WalkIns { get; private set; }
}
