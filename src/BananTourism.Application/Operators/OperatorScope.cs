using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;

namespace BananTourism.Application.Operators;

/// <summary>What an operator may touch: their own venues and what hangs off them. Everything else does not
/// exist for them (404), so ids of other operators' things reveal nothing.</summary>
public static class OperatorScope
{
    public static Guid Me(this ICurrentUser user) => user.Id ?? Guid.Empty;

    public static IQueryable<Venue> OwnedVenues(this IAppDbContext db, ICurrentUser user)
    {
        var me = user.Me();
        return db.Venues.Where(v => v.OperatorId == me);
    }

    public static IQueryable<Offering> OwnedOfferings(this IAppDbContext db, ICurrentUser user)
    {
        var me = user.Me();
        return from o in db.Offerings
               join v in db.Venues on o.VenueId equals v.Id
               where v.OperatorId == me
               select o;
    }

    public static IQueryable<Booking> OwnedBookings(this IAppDbContext db, ICurrentUser user)
    {
        var me = user.Me();
        return db.Bookings.Where(b => db.Venues.Any(v => v.Id == b.VenueId && v.OperatorId == me));
    }
}
