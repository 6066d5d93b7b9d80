using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.GetBookingCalendar;

/// <summary>The booking as an iCalendar event for the tourist's phone calendar.</summary>
[Allowed(Caller.Tourist)]
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

        var entry = BookingCalendar.ToEntry(found.Booking, found.Offering, found.Venue, clock.GetUtcNow());
        return new FileContent("text/calendar", $"{found.Booking.Reference}.ics", renderer.Calendar("BananTourism", [entry]));
    }
}
