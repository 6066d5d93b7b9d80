using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.PreviewClosure;

/// <summary>What closing would do, without doing it: for the operator to see before confirming.</summary>
[Allowed(Caller.Operator)]
public sealed record PreviewClosure(Guid OfferingId, DateOnly? From, DateOnly? To, Guid? SlotId) : IQuery<Result<ClosureResult>>;

public sealed class PreviewClosureHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<PreviewClosure, Result<ClosureResult>>
{
    public async ValueTask<Result<ClosureResult>> Handle(PreviewClosure query, CancellationToken ct)
    {
        var scope = await ClosureScopes.ResolveAsync(db, currentUser, query.OfferingId, query.From, query.To, query.SlotId, clock, ct);
        if (!scope.IsSuccess)
        {
            return Result<ClosureResult>.Failure(scope.Errors);
        }

        var s = scope.Value;
        var slots = s.Kind == OfferingKind.TimeSlot ? await s.Slots(db).CountAsync(x => !x.Closed, ct) : 0;
        var nights = s.Kind == OfferingKind.Nightly ? await s.Nights(db).CountAsync(x => !x.Closed, ct) : 0;
        var affected = await s.AffectedBookings(db).Select(b => b.AmountPaid).ToListAsync(ct);
        return new ClosureResult(slots, nights, affected.Count, Money.Yuan(affected.Sum()));
    }
}

public sealed class PreviewClosureValidator : AbstractValidator<PreviewClosure>
{
    public PreviewClosureValidator() => ClosureRules.Dates(this, q => q.From, q => q.To, q => q.SlotId);
}
