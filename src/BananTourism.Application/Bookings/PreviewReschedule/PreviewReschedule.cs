using BananTourism.Application.Bookings.RescheduleBooking;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using FluentValidation;
using Mediator;

namespace BananTourism.Application.Bookings.PreviewReschedule;

/// <summary>What moving the caller's booking to <see cref="SlotId"/> (or to <see cref="CheckIn"/>–<see cref="CheckOut"/>)
/// would mean, before doing it: allowed or why not, the new total, and the difference (positive: to pay; negative:
/// to give back).</summary>
[Allowed(Caller.Tourist)]
public sealed record PreviewReschedule(Guid Id, Guid? SlotId, DateOnly? CheckIn, DateOnly? CheckOut) : IQuery<Result<ReschedulePreview>>;

public sealed record ReschedulePreview(bool Allowed, string? Code, string? Message, Money? NewTotal, Money? Difference);

public sealed class PreviewRescheduleHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<PreviewReschedule, Result<ReschedulePreview>>
{
    public async ValueTask<Result<ReschedulePreview>> Handle(PreviewReschedule query, CancellationToken ct)
    {
        var plan = await ReschedulePlans.MakeAsync(db, currentUser.Id!.Value, query.Id, query.SlotId, query.CheckIn, query.CheckOut, clock.GetUtcNow(), ct);
        if (plan.IsSuccess)
        {
            var target = plan.Value.Target;
            return new ReschedulePreview(true, null, null, Money.Yuan(target.NewTotal), Money.Yuan(target.Difference));
        }

        // A booking that is not there, or a request that names the wrong kind of place, is an error; a move the
        // rules refuse is an answer.
        var error = plan.FirstError;
        return error.Kind == ErrorKind.Conflict
            ? new ReschedulePreview(false, error.Code, error.Message, null, null)
            : Result<ReschedulePreview>.Failure(plan.Errors);
    }
}

public sealed class PreviewRescheduleValidator : AbstractValidator<PreviewReschedule>
{
    public PreviewRescheduleValidator() => ReschedulePlans.Rules(this, c => c.SlotId, c => c.CheckIn, c => c.CheckOut);
}
