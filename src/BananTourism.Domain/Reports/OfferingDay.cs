namespace BananTourism.Domain.Reports;

/// <summary>One offering on one date, kept in step with its bookings in the same transaction as every change,
/// so reports read days × offerings rows, not bookings. A stay counts its party on each night's date;
/// money counts on the visit's (first) date.</summary>
public sealed class OfferingDay
{
    private OfferingDay()
    {
    }

    public OfferingDay(
        Guid offeringId, DateOnly date, int booked, int checkedIn, long revenue, long extrasRevenue = 0, long produceRevenue = 0, int toCome = 0)
    {
        ToCome = toCome;
        OfferingId = offeringId;
        Date = date;
        Booked = booked;
        CheckedIn = checkedIn;
        Revenue = revenue;
        ExtrasRevenue = extrasRevenue;
        ProduceRevenue = produceRevenue;
    }

    public Guid OfferingId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>People in confirmed, checked-in and no-show bookings: everyone who held a booking that stood.</summary>
    public int Booked { get; private set; }

    /// <summary>People in confirmed bookings not yet checked in (nor marked no-show): who is still expected.</summary>
    public int ToCome { get; private set; }

    /// <summary>Headcount recorded at the gate.</summary>
    public int CheckedIn { get; private set; }

    /// <summary>Fen the bookings brought (tickets or nights, and extras): captured online payments minus refunds, plus
    /// what the gate collects at check-in.</summary>
    public long Revenue { get; private set; }

    /// <summary>The extras' share of <see cref="Revenue"/> (see <see cref="BookingRevenue.ExtrasShare"/>).</summary>
    public long ExtrasRevenue { get; private set; }

    /// <summary>Fen from produce weighed out at the exit that day: collected at the stall, or paid online.</summary>
    public long ProduceRevenue { get; private set; }
}
