using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Payments.RetryPayment;

/// <summary>The tourist asks again for the payment of a held booking (e.g. the provider was down when they
/// booked); the answer carries the client secret to complete it.</summary>
[Allowed(Caller.Tourist)]
public sealed record RetryPayment(Guid BookingId) : ICommand<Result<BookingDto>>;

public sealed class RetryPaymentHandler(IAppDbContext db, ICurrentUser currentUser, PaymentSettlement settlement)
    : ICommandHandler<RetryPayment, Result<BookingDto>>
{
    public async ValueTask<Result<BookingDto>> Handle(RetryPayment command, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        if (!await db.Bookings.AnyAsync(b => b.Id == command.BookingId && b.TouristId == me, ct))
        {
            return BookingErrors.NotFound;
        }

        var started = await settlement.StartAsync(command.BookingId, ct);
        return started.IsSuccess
            ? (await BookingViews.LoadAsync(db, command.BookingId, currentUser.Id, ct))!
            : Result<BookingDto>.Failure(started.Errors);
    }
}
