using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;

namespace BananTourism.Domain.Visits;

/// <summary>核销: what may be checked in, and how many people.</summary>
public static class CheckInRules
{
    /// <summary>A family often brings one more small child or grandparent than they booked; the gate may let in
    /// up to this many beyond the booking (and records the real number), more needs a new booking.</summary>
    public const int ExtraAllowance = 2;

    /// <param name="placeClosed">Its session (or a night of its stay) was closed by the venue: nobody is let in on it;
    /// the tourist moves it or is refunded.</param>
    public static Error? Check(Booking booking, int headcount, DateOnly today, bool placeClosed = false)
    {
        if (booking.Status == BookingStatus.CheckedIn)
        {
            return VisitErrors.AlreadyCheckedIn(booking.CheckedInAt);
        }

        if (booking.Status != BookingStatus.Confirmed)
        {
            return VisitErrors.NotCheckable($"The booking is {booking.Status.ToString().ToLowerInvariant()}, not confirmed.");
        }

        if (booking.Date != today)
        {
            return VisitErrors.NotCheckable($"The booking is for {booking.Date:yyyy-MM-dd}, not today ({today:yyyy-MM-dd}).");
        }

        if (placeClosed)
        {
            return VisitErrors.NotCheckable("The venue closed this session; the tourist can move the booking or is refunded.");
        }

        return headcount > booking.PartySize + ExtraAllowance
            ? VisitErrors.HeadcountTooHigh(booking.PartySize)
            : null;
    }

    /// <summary>What the gate collects: the whole price of a booking paid on arrival, or what a move to a dearer session
    /// left to pay on one paid online.</summary>
    public static long ToCollect(Booking booking) => booking.IsOnlinePayment ? booking.BalanceDue : booking.Total;

    /// <summary>A no-show can be marked once the session has ended, or a stay's check-in day is over.</summary>
    public static DateTimeOffset NoShowFrom(Booking booking) =>
        booking.EndTime is { } end ? VenueTime.ToInstant(booking.Date, end) : VenueTime.StartOfDay(booking.Date.AddDays(1));
}

public static class VisitErrors
{
    public static readonly Error UnknownCode = Error.NotFound("not_found", "No booking at your venues has this code.");

    public static Error AlreadyCheckedIn(DateTimeOffset? at) => Error.Conflict(
        "already_checked_in",
        at is { } when
            ? $"Already checked in at {when.ToOffset(VenueTime.Offset):yyyy-MM-dd HH:mm}."
            : "Already checked in.");

    public static Error NotCheckable(string why) => Error.Conflict("not_checkable", why);

    public static Error HeadcountTooHigh(int party) => Error.Unprocessable(
        "headcount_too_high", $"The booking is for {party}; at most {party + CheckInRules.ExtraAllowance} may come in on it.");

    public static readonly Error NotNoShowYet = Error.Conflict(
        "not_no_show_yet", "A booking can be marked as a no-show only after its session has ended.");

    public static readonly Error NotConfirmedForNoShow = Error.Conflict(
        "not_checkable", "Only a confirmed booking can be marked as a no-show.");

    public static readonly Error WalkInsBelowZero = Error.Conflict(
        "walk_ins_below_zero", "This correction would take the day's walk-ins below zero.");
}
