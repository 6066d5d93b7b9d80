using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;

namespace BananTourism.Application.Bookings;

/// <summary>A booking as a calendar event: timed for a slot, all-day from check-in to check-out for a stay.</summary>
public static class BookingCalendar
{
    public static CalendarEntry ToEntry(Booking b, string offering, string venue, DateTimeOffset stamp, bool forOperator = false)
    {
        var who = $"{b.Adults} adult(s), {b.Children} child(ren)";
        var code = !forOperator && b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn ? $" · 核销码 {Codes.Format(b.VerificationCode)}" : "";
        var contact = forOperator ? $" · {b.ContactName} {b.ContactPhone}" : "";
        var description = $"{b.Reference} · {who}{code}{contact}";
        var summary = forOperator ? $"{offering} · {b.ContactName} ({b.PartySize})" : $"{offering} · {venue}";
        return b.Kind switch
        {
            OfferingKind.TimeSlot => new CalendarEntry($"{b.Id}@bantourism", summary, description, venue,
                VenueTime.ToInstant(b.Date, b.StartTime!.Value), VenueTime.ToInstant(b.Date, b.EndTime!.Value), null, null, stamp),
            OfferingKind.Nightly => new CalendarEntry($"{b.Id}@bantourism", summary, description + $" · {b.Units} unit(s)", venue,
                null, null, b.Date, b.EndDate, stamp),
        };
    }
}
