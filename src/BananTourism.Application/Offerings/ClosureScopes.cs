using System.Linq.Expressions;
using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Offerings;

public static class ClosureScopes
{
    /// <summary>The operator's offering and the dates to close: a whole range, or the date of one slot.</summary>
    public static async Task<Result<ClosureScope>> ResolveAsync(
        IAppDbContext db, ICurrentUser user, Guid offeringId, DateOnly? from, DateOnly? to, Guid? slotId, TimeProvider clock, CancellationToken ct)
    {
        var offering = await db.OwnedOfferings(user).AsNoTracking()
            .Where(o => o.Id == offeringId).Select(o => new { o.Id, o.Kind }).SingleOrDefaultAsync(ct);
        if (offering is null)
        {
            return OfferingErrors.NotFound;
        }

        if (slotId is { } id)
        {
            if (offering.Kind != OfferingKind.TimeSlot)
            {
                return Error.Validation("slotId", "Only time-slot offerings have slots; close nights by date.");
            }

            var date = await db.Slots.Where(s => s.Id == id && s.OfferingId == offeringId).Select(s => (DateOnly?)s.Date).SingleOrDefaultAsync(ct);
            return date is { } d ? new ClosureScope(offering.Id, offering.Kind, d, d, id) : OfferingErrors.SlotNotFound;
        }

        if (from < VenueTime.Today(clock.GetUtcNow()))
        {
            return Error.Validation("from", "Past dates cannot be closed.");
        }

        return new ClosureScope(offering.Id, offering.Kind, from!.Value, to!.Value, null);
    }
}

public static class ClosureRules
{
    public const int MaxDays = 366;

    /// <summary>How long a move is offered when the operator does not say.</summary>
    public const int DefaultMoveDays = 30;

    /// <summary>30 days from today, and never before the last closed day.</summary>
    public static DateOnly DefaultMoveUntil(DateOnly lastClosedDay, DateTimeOffset now)
    {
        var later = VenueTime.Today(now).AddDays(DefaultMoveDays);
        return later > lastClosedDay ? later : lastClosedDay;
    }

    /// <summary>Either a slot, or a range of at most a year.</summary>
    public static void Dates<T>(AbstractValidator<T> v, Expression<Func<T, DateOnly?>> from, Expression<Func<T, DateOnly?>> to, Func<T, Guid?> slotId)
    {
        var fromOf = from.Compile();
        var toOf = to.Compile();
        v.RuleFor(from).NotNull().When(x => slotId(x) is null).WithMessage("Give a date range, or a slotId.");
        v.RuleFor(to).NotNull().When(x => slotId(x) is null).WithMessage("Give a date range, or a slotId.");
        v.RuleFor(to)
            .Must((x, t) => t >= fromOf(x)).WithMessage("'to' must not be before 'from'.")
            .Must((x, t) => t!.Value.DayNumber - fromOf(x)!.Value.DayNumber < MaxDays).WithMessage($"At most {MaxDays} days at once.")
            .When(x => slotId(x) is null && fromOf(x) is not null && toOf(x) is not null);
    }
}
