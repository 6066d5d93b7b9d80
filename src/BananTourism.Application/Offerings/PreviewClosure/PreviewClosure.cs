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
public sealed record PreviewClosure(Guid OfferingId, DateOnly? From, DateOnly? To, Guid? SlotId, ClosureMode? Mode = null, DateOnly? MoveUntil = null)
    : IQuery<Result<ClosureResult>>;

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
        var (slots, nights) = await s.OpenAsync(db, ct);
        var affected = await s.AffectedBookings(db).Where(b => b.MoveOfferUntil == null)
            .Select(b => new { b.Status, b.AmountPaid }).ToListAsync(ct);
        if (query.Mode != ClosureMode.OfferMove)
        {
            return new ClosureResult(slots, nights, affected.Count, Money.Yuan(affected.Sum(b => b.AmountPaid)));
        }

        // Offering a move keeps confirmed bookings (and their money); only unpaid holds end.
        var held = affected.Where(b => b.Status == BookingStatus.Held).ToList();
        return new ClosureResult(slots, nights, held.Count, Money.Yuan(held.Sum(b => b.AmountPaid)))
        {
            MovesOffered = affected.Count - held.Count,
            MoveUntil = query.MoveUntil ?? ClosureRules.DefaultMoveUntil(s.To, clock.GetUtcNow()),
        };
    }
}

public sealed class PreviewClosureValidator : AbstractValidator<PreviewClosure>
{
    public PreviewClosureValidator() => ClosureRules.Dates(this, q => q.From, q => q.To, q => q.SlotId);
}
