using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.GetOperatorCalendar;

/// <summary>An operator's confirmed (and checked-in) bookings from a month ago to a year ahead as an iCalendar
/// feed, optionally for one venue.</summary>
[Allowed(Caller.Operator)]
public sealed record GetOperatorCalendar(Guid? VenueId) : IQuery<Result<FileContent>>;

public sealed class GetOperatorCalendarHandler(IAppDbContext db, ICurrentUser currentUser, IDocumentRenderer renderer, TimeProvider clock)
    : IQueryHandler<GetOperatorCalendar, Result<FileContent>>
{
    public async ValueTask<Result<FileContent>> Handle(GetOperatorCalendar query, CancellationToken ct)
    {
        if (query.VenueId is { } venueId && !await db.OwnedVenues(currentUser).AnyAsync(v => v.Id == venueId, ct))
        {
            return VenueErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        var today = VenueTime.Today(now);
        var (from, to) = (today.AddDays(-31), today.AddDays(366));
        var bookings = db.OwnedBookings(currentUser)
            .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn) && b.Date >= from && b.Date <= to);
        if (query.VenueId is { } onlyVenue)
        {
            bookings = bookings.Where(b => b.VenueId == onlyVenue);
        }

        var rows = await (
                from b in bookings
                join o in db.Offerings on b.OfferingId equals o.Id
                join v in db.Venues on b.VenueId equals v.Id
                orderby b.Date
                select new { Booking = b, Offering = o.Name, Venue = v.Name })
            .AsNoTracking()
            .Take(10_000)
            .ToListAsync(ct);
        var entries = rows.Select(r => BookingCalendar.ToEntry(r.Booking, r.Offering, r.Venue, now, forOperator: true));
        return new FileContent("text/calendar", "bookings.ics", renderer.Calendar("BananTourism bookings", entries));
    }
}
