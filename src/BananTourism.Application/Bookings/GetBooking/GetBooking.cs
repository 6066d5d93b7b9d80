using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.GetBooking;

/// <summary>Its tourist, the venue's operator and admins see a booking; for anyone else it does not exist.</summary>
[Allowed(Caller.Tourist, Caller.Operator, Caller.Admin)]
public sealed record GetBooking(Guid Id) : IQuery<Result<BookingDto>>;

public sealed class GetBookingHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetBooking, Result<BookingDto>>
{
    public async ValueTask<Result<BookingDto>> Handle(GetBooking query, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(currentUser, db).Where(b => b.Id == query.Id).ToDtosAsync(db, currentUser.Id, ct);
        return booking.Count == 1 ? booking[0] : BookingErrors.NotFound;
    }
}

public static class BookingAccess
{
    /// <summary>The bookings the caller may see: their own as a tourist, their venues' as an operator, all as admin.</summary>
    public static IQueryable<Booking> VisibleTo(this IQueryable<Booking> bookings, ICurrentUser user, IAppDbContext db)
    {
        var id = user.Id ?? Guid.Empty;
        return user.Role switch
        {
            Role.Admin => bookings,
            Role.Tourist => bookings.Where(b => b.TouristId == id),
            Role.Operator => bookings.Where(b => db.Venues.Any(v => v.Id == b.VenueId && v.OperatorId == id)),
            _ => bookings.Where(_ => false),
        };
    }
}
