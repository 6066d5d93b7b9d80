using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings.GetBookingCalendar;

/// <summary>The booking as an iCalendar event for the tourist's phone calendar.</summary>
public sealed record GetBookingCalendar(Guid BookingId) : IQuery<Result<FileContent>>;

public sealed class GetBookingCalendarHandler(IAppDbContext db, ICurrentUser currentUser, IDocumentRenderer renderer, TimeProvider clock)
    : IQueryHandler<GetBookingCalendar, Result<FileContent>>
{
    public async ValueTask<Result<FileContent>> Handle(GetBookingCalendar query, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var found = await (
                from b in db.Bookings
                join o in db.Offerings on b.OfferingId equals o.Id
                join v in db.Venues on b.VenueId equals v.Id
                where b.Id == query.BookingId && b.TouristId == me
                select new { Booking = b, Offering = o.Name, Venue = v.Name })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BookingErrors.NotFound;
        }

        var entry = ToEntry(found.Booking, found.Offering, found.Venue, clock.GetUtcNow());
        return new FileContent("text/calendar", $"{found.Booking.Reference}.ics", renderer.Calendar("BananTourism", [entry]));
    }

    public static CalendarEntry ToEntry(Booking b, string offering, string venue, DateTimeOffset stamp)
    {
        var who = $"{b.Adults} adult(s), {b.Children} child(ren)";
        var code = b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn ? $" · 核销码 {Codes.Format(b.VerificationCode)}" : "";
        var description = $"{b.Reference} · {who}{code}";
        return b.Kind == OfferingKind.TimeSlot
            ? new CalendarEntry($"{b.Id}@bantourism", $"{offering} · {venue}", description, venue,
                VenueTime.ToInstant(b.Date, b.StartTime!.Value), VenueTime.ToInstant(b.Date, b.EndTime!.Value), null, null, stamp)
            : new CalendarEntry($"{b.Id}@bantourism", $"{offering} · {venue}", description + $" · {b.Units} unit(s)", venue,
                null, null, b.Date, b.EndDate, stamp);
    }
}
