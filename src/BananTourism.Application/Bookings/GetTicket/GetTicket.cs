using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.GetTicket;

/// <summary>The QR code a tourist shows at the gate: it encodes the verification code.</summary>
[Allowed(Caller.Tourist)]
public sealed record GetTicket(Guid BookingId) : IQuery<Result<FileContent>>;

public sealed class GetTicketHandler(IAppDbContext db, ICurrentUser currentUser, IDocumentRenderer renderer)
    : IQueryHandler<GetTicket, Result<FileContent>>
{
    public async ValueTask<Result<FileContent>> Handle(GetTicket query, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.Id == query.BookingId && b.TouristId == me)
            .Select(b => new { b.Status, b.VerificationCode, b.Reference })
            .SingleOrDefaultAsync(ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        if (booking.Status is not (BookingStatus.Confirmed or BookingStatus.CheckedIn))
        {
            return BookingErrors.NotConfirmed;
        }

        return new FileContent("image/svg+xml", $"{booking.Reference}.svg", renderer.QrSvg(Codes.Format(booking.VerificationCode)));
    }
}
