using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Visits;
using FluentValidation;
using Mediator;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Visits.FindBookingByCode;

/// <summary>The gate looks a code up: who booked, for when and how many, and whether it was already used, so the
/// check-in page can say "already checked in at 10:42" or "booked for another day" in the operator's language.</summary>
[Allowed(Caller.Operator)]
public sealed record FindBookingByCode(string Code) : IQuery<Result<BookingDto>>;

public sealed class FindBookingByCodeHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<FindBookingByCode, Result<BookingDto>>
{
    public async ValueTask<Result<BookingDto>> Handle(FindBookingByCode query, CancellationToken ct)
    {
        var code = Codes.Normalize(query.Code);
        var found = await db.OwnedBookings(currentUser).Where(b => b.VerificationCode == code).ToDtosAsync(db, currentUser.Id, ct);
        return found.Count == 1 ? found[0] : VisitErrors.UnknownCode;
    }
}

public sealed class FindBookingByCodeValidator : AbstractValidator<FindBookingByCode>
{
    public FindBookingByCodeValidator() => RuleFor(q => q.Code).NotEmpty().MaximumLength(32);
}
