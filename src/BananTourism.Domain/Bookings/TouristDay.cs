namespace BananTourism.Domain.Bookings;

/// <summary>One tourist on one visit date: how many people their open pay-on-arrival bookings hold, checked
/// against <c>Bookings:MaxPayOnArrivalPeoplePerDay</c> by a conditional UPDATE in the booking's transaction, so
/// parallel requests and replicas cannot pass it.</summary>
public sealed class TouristDay
{
    private TouristDay()
    {
    }

    public TouristDay(Guid touristId, DateOnly date, int payOnArrivalPeople)
    {
        TouristId = touristId;
        Date = date;
        PayOnArrivalPeople = payOnArrivalPeople;
    }

    public Guid TouristId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>People in this tourist's confirmed, not yet checked-in bookings paid on arrival, for this date.</summary>
    public int PayOnArrivalPeople { get; private set; }
}
