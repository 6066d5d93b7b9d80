using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.SummariseVenueDay;

/// <summary>The day at one of the operator's venues in three numbers, over all its bookings (the list beside it
/// is paged): bookings that stand, the people in them, and the people who have come. Stays count on each night.</summary>
[Allowed(Caller.Operator)]
public sealed record SummariseVenueDay(Guid VenueId, DateOnly Date) : IQuery<Result<VenueDaySummary>>;

public sealed record VenueDaySummary(int Bookings, int People, int CheckedIn);

public sealed class SummariseVenueDayHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<SummariseVenueDay, Result<VenueDaySummary>>
{
    public async ValueTask<Result<VenueDaySummary>> Handle(SummariseVenueDay query, CancellationToken ct)
    {
        if (!await db.OwnedVenues(currentUser).AnyAsync(v => v.Id == query.VenueId, ct))
        {
            return VenueErrors.NotFound;
        }

        var standing = await db.OwnedBookings(currentUser)
            .Where(b => b.VenueId == query.VenueId && b.Date <= query.Date && b.EndDate > query.Date
                        && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.NoShow))
            .GroupBy(_ => 1)
            .Select(g => new VenueDaySummary(
                g.Count(),
                g.Sum(b => b.Adults + b.Children),
                g.Sum(b => b.Status == BookingStatus.CheckedIn ? b.CheckedInHeadcount ?? 0 : 0)))
            .SingleOrDefaultAsync(ct);
        return standing ?? new VenueDaySummary(0, 0, 0);
    }
}

public sealed class SummariseVenueDayValidator : AbstractValidator<SummariseVenueDay>
{
    public SummariseVenueDayValidator() => RuleFor(q => q.VenueId).NotEmpty();
}
