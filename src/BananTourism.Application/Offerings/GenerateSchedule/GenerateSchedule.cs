using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.GenerateSchedule;

/// <summary>Puts dates on sale. Time slots: every date in [From, To] on the given days of the week (1 = Monday …
/// 7 = Sunday) × the given times, each with <see cref="ScheduleBody.Capacity"/> places. Stays:
/// <see cref="ScheduleBody.Units"/> units for every night in [From, To]. Running it again creates only what is
/// missing and leaves existing slots and nights (and their bookings) as they are.</summary>
[Allowed(Caller.Operator)]
public sealed record GenerateSchedule(Guid OfferingId, ScheduleBody Body) : ICommand<Result<ScheduleResult>>;

public sealed record ScheduleBody(
    DateOnly? From, DateOnly? To, IReadOnlyList<int>? DaysOfWeek, IReadOnlyList<TimesBody>? Times, int? Capacity, int? Units);

public sealed record TimesBody(TimeOnly Start, TimeOnly End);

public sealed record ScheduleResult(int Created, int Existing);

public sealed class GenerateScheduleHandler(IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, TimeProvider clock)
    : ICommandHandler<GenerateSchedule, Result<ScheduleResult>>
{
    public async ValueTask<Result<ScheduleResult>> Handle(GenerateSchedule command, CancellationToken ct)
    {
        var offering = await db.OwnedOfferings(currentUser).AsNoTracking()
            .Where(o => o.Id == command.OfferingId).Select(o => new { o.Id, o.Kind }).SingleOrDefaultAsync(ct);
        if (offering is null)
        {
            return OfferingErrors.NotFound;
        }

        var body = command.Body;
        if (body.From < VenueTime.Today(clock.GetUtcNow()))
        {
            return Error.Validation("from", "A schedule cannot start in the past.");
        }

        var shapeError = offering.Kind switch
        {
            OfferingKind.TimeSlot => body.Times is null || body.Capacity is null
                ? Error.Validation(body.Times is null ? "times" : "capacity", "A time-slot schedule needs times and capacity.")
                : body.Units is not null ? Error.Validation("units", "A time-slot schedule takes capacity, not units.") : null,
            OfferingKind.Nightly => body.Units is null ? Error.Validation("units", "A nightly schedule needs units.")
                : body.Times is not null || body.Capacity is not null ? Error.Validation("times", "A nightly schedule takes units, not times or capacity.") : null,
        };
        if (shapeError is not null)
        {
            return shapeError;
        }

        var dates = Dates(body.From!.Value, body.To!.Value, body.DaysOfWeek ?? [1, 2, 3, 4, 5, 6, 7]);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writes.RunAsync((tx, token) => offering.Kind == OfferingKind.TimeSlot
                    ? AddSlotsAsync(tx, offering.Id, dates, body.Times!, body.Capacity!.Value, token)
                    : AddNightsAsync(tx, offering.Id, dates, body.Units!.Value, token), ct);
            }
            catch (DuplicateKeyException) when (attempt < 2)
            {
                // Another run of the same schedule added some of these at the same moment: count again.
            }
        }
    }

    private static List<DateOnly> Dates(DateOnly from, DateOnly to, IReadOnlyList<int> daysOfWeek)
    {
        var days = daysOfWeek.ToHashSet();
        var dates = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (days.Contains(d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek))
            {
                dates.Add(d);
            }
        }

        return dates;
    }

    private async Task<Result<ScheduleResult>> AddSlotsAsync(
        IAppDbContext tx, Guid offeringId, List<DateOnly> dates, IReadOnlyList<TimesBody> times, int capacity, CancellationToken ct)
    {
        if (dates.Count == 0)
        {
            return new ScheduleResult(0, 0);
        }

        var (first, last) = (dates[0], dates[^1]);
        var existing = (await tx.Slots.Where(s => s.OfferingId == offeringId && s.Date >= first && s.Date <= last)
            .Select(s => new { s.Date, s.Start }).ToListAsync(ct)).Select(s => (s.Date, s.Start)).ToHashSet();
        var now = clock.GetUtcNow();
        var wanted = dates.SelectMany(d => times.Select(t => (Date: d, t.Start, t.End))).ToList();
        var missing = wanted.Where(w => !existing.Contains((w.Date, w.Start))).ToList();
        tx.Slots.AddRange(missing.Select(w => new Slot(Guid.CreateVersion7(now), offeringId, w.Date, w.Start, w.End, capacity)));
        await tx.SaveChangesAsync(ct);
        return new ScheduleResult(missing.Count, wanted.Count - missing.Count);
    }

    private async Task<Result<ScheduleResult>> AddNightsAsync(
        IAppDbContext tx, Guid offeringId, List<DateOnly> dates, int units, CancellationToken ct)
    {
        if (dates.Count == 0)
        {
            return new ScheduleResult(0, 0);
        }

        var (first, last) = (dates[0], dates[^1]);
        var existing = (await tx.Nights.Where(n => n.OfferingId == offeringId && n.Date >= first && n.Date <= last)
            .Select(n => n.Date).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var missing = dates.Where(d => !existing.Contains(d)).ToList();
        tx.Nights.AddRange(missing.Select(d => new NightInventory(Guid.CreateVersion7(now), offeringId, d, units)));
        await tx.SaveChangesAsync(ct);
        return new ScheduleResult(missing.Count, dates.Count - missing.Count);
    }
}

public sealed class GenerateScheduleValidator : AbstractValidator<GenerateSchedule>
{
    public const int MaxDays = 366;

    public GenerateScheduleValidator()
    {
        RuleFor(c => c.Body).NotNull();
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.From).NotNull();
            RuleFor(c => c.Body.To).NotNull()
                .Must((c, to) => to >= c.Body.From).WithMessage("'to' must not be before 'from'.")
                .Must((c, to) => to!.Value.DayNumber - c.Body.From!.Value.DayNumber < MaxDays).WithMessage($"A schedule may cover at most {MaxDays} days.")
                .When(c => c.Body.From is not null);
            RuleFor(c => c.Body.DaysOfWeek).NotEmpty().Must(d => d!.Count <= 7 && d.All(x => x is >= 1 and <= 7) && d.Distinct().Count() == d.Count)
                .WithMessage("Days of the week are 1 (Monday) to 7 (Sunday), each at most once.")
                .When(c => c.Body.DaysOfWeek is not null);
            RuleFor(c => c.Body.Times).NotEmpty().Must(t => t!.Count <= 24).WithMessage("At most 24 times a day.")
                .Must(t => t!.Select(x => x.Start).Distinct().Count() == t!.Count).WithMessage("Two sessions cannot start at the same time.")
                .When(c => c.Body.Times is not null);
            RuleForEach(c => c.Body.Times).Must(t => t.End > t.Start).WithMessage("A session must end after it starts.")
                .When(c => c.Body.Times is not null);
            RuleFor(c => c.Body.Capacity).InclusiveBetween(1, 100_000);
            RuleFor(c => c.Body.Units).InclusiveBetween(1, 10_000);
        });
    }
}
