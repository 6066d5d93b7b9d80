using BananTourism.Application.Common;
using BananTourism.Application.Offerings.ChangeSlotCapacity;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.ListOwnedSlots;

/// <summary>The sessions of one of the operator's offerings in <c>[From, To]</c>, published or not, with what is
/// reserved and what is closed: the schedule as the operator manages it.</summary>
[Allowed(Caller.Operator)]
public sealed record ListOwnedSlots(Guid OfferingId, DateOnly From, DateOnly To) : IQuery<Result<IReadOnlyList<SlotDto>>>;

public sealed class ListOwnedSlotsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<ListOwnedSlots, Result<IReadOnlyList<SlotDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SlotDto>>> Handle(ListOwnedSlots query, CancellationToken ct)
    {
        if (!await db.OwnedOfferings(currentUser).AnyAsync(o => o.Id == query.OfferingId, ct))
        {
            return OfferingErrors.NotFound;
        }

        var slots = await db.Slots.AsNoTracking()
            .Where(s => s.OfferingId == query.OfferingId && s.Date >= query.From && s.Date <= query.To)
            .OrderBy(s => s.Date).ThenBy(s => s.Start)
            .ToListAsync(ct);
        return slots.Select(SlotDto.From).ToList();
    }
}

public sealed class ListOwnedSlotsValidator : AbstractValidator<ListOwnedSlots>
{
    public const int MaxDays = 62;

    public ListOwnedSlotsValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From)
            .Must((q, to) => to.DayNumber - q.From.DayNumber < MaxDays).WithMessage($"At most {MaxDays} days at once.");
}
