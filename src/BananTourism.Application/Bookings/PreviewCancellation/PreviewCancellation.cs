using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.PreviewCancellation;

/// <summary>What cancelling now would give back, shown to the tourist before they confirm. The refund is only
/// a preview: <see cref="CancelBooking.CancelBooking"/> computes it again at the moment it happens.</summary>
[Allowed(Caller.Tourist)]
public sealed record PreviewCancellation(Guid Id) : IQuery<Result<CancellationPreview>>;

/// <summary><see cref="FreeUntil"/> is when the full refund ends; <see cref="Refund"/> is null when it can no longer
/// be cancelled (started, checked in, already cancelled).</summary>
public sealed record CancellationPreview(BookingDto Booking, Money AmountPaid, Money? Refund, DateTimeOffset FreeUntil);

public sealed class PreviewCancellationHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<PreviewCancellation, Result<CancellationPreview>>
{
    public async ValueTask<Result<CancellationPreview>> Handle(PreviewCancellation query, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.Id && b.TouristId == me, ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        // The same decision the cancellation makes (a venue's offer to move gives everything back).
        var refund = booking.CancellationAt(clock.GetUtcNow())?.Refund;
        var view = await BookingViews.LoadAsync(db, booking.Id, currentUser.Id, ct);
        return new CancellationPreview(
            view!,
            Money.Yuan(booking.AmountPaid),
            refund is { } r ? Money.Yuan(r) : null,
            booking.StartsAt - TimeSpan.FromHours(booking.FreeCancelHoursBefore));
    }
}
