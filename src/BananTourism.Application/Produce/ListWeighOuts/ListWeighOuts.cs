using BananTourism.Application.Bookings.GetBooking;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Produce.ListWeighOuts;

/// <summary>A booking's receipts from the exit, oldest first, for its tourist (who pays one online from here), its venue's
/// operator and admins.</summary>
[Allowed(Caller.Tourist, Caller.Operator, Caller.Admin)]
public sealed record ListWeighOuts(Guid BookingId) : IQuery<Result<IReadOnlyList<WeighOutDto>>>;

public sealed class ListWeighOutsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<ListWeighOuts, Result<IReadOnlyList<WeighOutDto>>>
{
    public async ValueTask<Result<IReadOnlyList<WeighOutDto>>> Handle(ListWeighOuts query, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(currentUser, db).Where(b => b.Id == query.BookingId)
            .Select(b => new { b.TouristId }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        var receipts = await db.WeighOuts.AsNoTracking().Where(w => w.BookingId == query.BookingId).OrderBy(w => w.CreatedAt).ToListAsync(ct);
        var tourist = booking.TouristId == currentUser.Id;
        return receipts.Select(w => w.ToDto(showSecret: tourist)).ToList();
    }
}
