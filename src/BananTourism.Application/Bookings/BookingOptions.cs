namespace BananTourism.Application.Bookings;

/// <summary>Configuration section <c>Bookings</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "Bookings";

    /// <summary>How long an online-payment booking keeps its capacity while the tourist pays.</summary>
    public int HoldMinutes { get; set; } = 15;

    /// <summary>Unpaid holds one tourist may have at once, so nobody can lock a village's capacity for free.</summary>
    public int MaxUnpaidHolds { get; set; } = 3;

    /// <summary>People one tourist's open pay-on-arrival bookings may hold for one visit date, over all offerings:
    /// nothing is paid until the gate, so one account cannot empty a village for a day.</summary>
    public int MaxPayOnArrivalPeoplePerDay { get; set; } = 20;

    /// <summary>How often overdue holds are expired.</summary>
    public int ExpirySweepSeconds { get; set; } = 15;
}
