using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.ChangeSlotCapacity;

/// <summary>An operator changes a slot's capacity, never below the places already booked.</summary>
[Allowed(Caller.Operator)]
public sealed record ChangeSlotCapacity(Guid SlotId, SlotCapacityBody Body) : ICommand<Result<SlotDto>>;

public sealed record SlotCapacityBody(int Capacity);

public sealed record SlotDto(Guid Id, Guid OfferingId, DateOnly Date, TimeOnly Start, TimeOnly End, int Capacity, int Reserved, int Remaining, bool Closed, string? ClosedReason)
{
    public static SlotDto From(Slot s) => new(s.Id, s.OfferingId, s.Date, s.Start, s.End, s.Capacity, s.Reserved, Math.Max(0, s.Capacity - s.Reserved), s.Closed, s.ClosedReason);
}

public sealed class ChangeSlotCapacityHandler(IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes)
    : ICommandHandler<ChangeSlotCapacity, Result<SlotDto>>
{
    public async ValueTask<Result<SlotDto>> Handle(ChangeSlotCapacity command, CancellationToken ct)
    {
        var owned = db.OwnedOfferings(currentUser);
        if (!await db.Slots.AnyAsync(s => s.Id == command.SlotId && owned.Any(o => o.Id == s.OfferingId), ct))
        {
            return OfferingErrors.SlotNotFound;
        }

        var capacity = command.Body.Capacity;
        return await writes.RunAsync<SlotDto>(async (tx, token) =>
        {
            // Conditional, so a booking taking the last places at this moment cannot end up above capacity.
            var changed = await tx.Slots.Where(s => s.Id == command.SlotId && s.Reserved <= capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity), token);
            var slot = await tx.Slots.AsNoTracking().SingleAsync(s => s.Id == command.SlotId, token);
            return changed == 1 ? SlotDto.From(slot) : OfferingErrors.CapacityBelowReserved(slot.Reserved);
        }, ct);
    }
}

public sealed class ChangeSlotCapacityValidator : AbstractValidator<ChangeSlotCapacity>
{
    public ChangeSlotCapacityValidator()
    {
        RuleFor(c => c.Body).NotNull();
        RuleFor(c => c.Body.Capacity).InclusiveBetween(0, 100_000).When(c => c.Body is not null);
    }
}
