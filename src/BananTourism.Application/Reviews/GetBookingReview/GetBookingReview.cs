using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reviews.GetBookingReview;

/// <summary>The tourist's own review of one of their bookings, if they wrote one (hidden or not: it is theirs).</summary>
[Allowed(Caller.Tourist)]
public sealed record GetBookingReview(Guid BookingId) : IQuery<Result<ReviewDto?>>;

public sealed class GetBookingReviewHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetBookingReview, Result<ReviewDto?>>
{
    public async ValueTask<Result<ReviewDto?>> Handle(GetBookingReview query, CancellationToken ct)
    {
        var me = currentUser.Id;
        if (!await db.Bookings.AnyAsync(b => b.Id == query.BookingId && b.TouristId == me, ct))
        {
            return BookingErrors.NotFound;
        }

        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.BookingId == query.BookingId, ct);
        return Result<ReviewDto?>.Success(review is null ? null : ReviewDto.Of(review));
    }
}
