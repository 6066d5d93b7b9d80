using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Visits;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.MarkNoShow;

/// <summary>The operator marks a confirmed booking whose party never came, once its session is over. Its places
/// stay counted as taken: the session is past and reports should show the booked-but-absent party.</summary>
[Allowed(Caller.Operator)]
public sealed record MarkNoShow(Guid BookingId) : ICommand<Result<BookingDto>>;

public sealed class MarkNoShowHandler(IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, TimeProvider clock)
    : ICommandHandler<MarkNoShow, Result<BookingDto>>
{
    public async ValueTask<Result<BookingDto>> Handle(MarkNoShow command, CancellationToken ct)
    {
        var booking = await db.OwnedBookings(currentUser).AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BookingId, ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        if (booking.Status != BookingStatus.Confirmed)
        {
            return VisitErrors.NotConfirmedForNoShow;
        }

        if (booking.MoveOfferUntil is not null)
        {
            return VisitErrors.NotCheckable("The venue closed this session and offered a move: nobody could come.");
        }

        if (clock.GetUtcNow() < CheckInRules.NoShowFrom(booking))
        {
            return VisitErrors.NotNoShowYet;
        }

        var marked = await writes.RunAsync(async (tx, token) =>
        {
            return await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.NoShow, token) is null
                ? Result<Success>.Success(Success.Value)
                : Result<Success>.Failure([VisitErrors.NotConfirmedForNoShow]);
        }, ct);
        return marked.IsSuccess ? (await BookingViews.LoadAsync(db, booking.Id, currentUser.Id, ct))! : Result<BookingDto>.Failure(marked.Errors);
    }
}
