using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings.GetRescheduleTerms;

/// <summary>Whether the tourist's booking may be moved now, until when and how many more times; for the page that
/// offers the move, before any new place is chosen.</summary>
[Allowed(Caller.Tourist)]
public sealed record GetRescheduleTerms(Guid Id) : IQuery<Result<RescheduleTerms>>;

/// <param name="Refusal">Why it may not be moved now (null: it may).</param>
/// <param name="MovesLeft">Moves of the tourist's own left; a move the venue offers does not use one.</param>
/// <param name="Free">The venue closed its place: the next move is free of the policy.</param>
public sealed record RescheduleTerms(string? Refusal, DateTimeOffset Deadline, int MovesLeft, int MaxReschedules, int FreeUntilHoursBefore, bool Free);

public sealed class GetRescheduleTermsHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetRescheduleTerms, Result<RescheduleTerms>>
{
    public async ValueTask<Result<RescheduleTerms>> Handle(GetRescheduleTerms query, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.Id && b.TouristId == me, ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        return new RescheduleTerms(
            booking.RescheduleRefusalAt(now)?.Message,
            booking.StartsAt - TimeSpan.FromHours(booking.RescheduleFreeHoursBefore),
            Math.Max(0, booking.MaxReschedules - booking.RescheduleCount),
            booking.MaxReschedules,
            booking.RescheduleFreeHoursBefore,
            booking.HasMoveOfferAt(now));
    }
}
