using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using BananTourism.Domain.Visits;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Visits.RecordWalkIn;

/// <summary>散客: the operator records visitors counted at the gate without a booking. A negative count corrects
/// a miscount, but never takes the day below zero. Walk-ins also count against the venue's daily cap for
/// bookings made later that day.</summary>
[Allowed(Caller.Operator)]
public sealed record RecordWalkIn(Guid VenueId, DateOnly Date, int Count) : ICommand<Result<WalkInRecorded>>;

public sealed record WalkInRecorded(WalkInDto Entry, int DayTotal);

public sealed class RecordWalkInHandler(IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, TimeProvider clock)
    : ICommandHandler<RecordWalkIn, Result<WalkInRecorded>>
{
    public const int DaysBack = 31;

    public async ValueTask<Result<WalkInRecorded>> Handle(RecordWalkIn command, CancellationToken ct)
    {
        if (!await db.OwnedVenues(currentUser).AnyAsync(v => v.Id == command.VenueId, ct))
        {
            return VenueErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        var today = VenueTime.Today(now);
        if (command.Date > today || command.Date < today.AddDays(-DaysBack))
        {
            return Error.Validation("date", $"Walk-ins are recorded for today or the last {DaysBack} days.");
        }

        var entry = new WalkIn(command.VenueId, command.Date, command.Count, currentUser.Me(), now);
        return await writes.RunAsync<WalkInRecorded>(async (tx, token) =>
        {
            var count = command.Count;
            var counted = await tx.VenueDays
                .Where(d => d.VenueId == command.VenueId && d.Date == command.Date && d.WalkIns + count >= 0)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.WalkIns, x => x.WalkIns + count), token);
            if (counted == 0)
            {
                if (count < 0 || await tx.VenueDays.AnyAsync(d => d.VenueId == command.VenueId && d.Date == command.Date, token))
                {
                    return VisitErrors.WalkInsBelowZero;
                }

                tx.VenueDays.Add(new VenueDay(command.VenueId, command.Date, reserved: 0, walkIns: count));
            }

            tx.WalkIns.Add(entry);
            await tx.SaveChangesAsync(token);
            var total = await tx.VenueDays.Where(d => d.VenueId == command.VenueId && d.Date == command.Date).Select(d => d.WalkIns).SingleAsync(token);
            return new WalkInRecorded(new WalkInDto(entry.Id, entry.VenueId, entry.Date, entry.Count, entry.RecordedBy, entry.RecordedAt), total);
        }, ct);
    }
}

public sealed class RecordWalkInValidator : AbstractValidator<RecordWalkIn>
{
    public RecordWalkInValidator()
    {
        RuleFor(c => c.VenueId).NotEmpty();
        RuleFor(c => c.Count).NotEqual(0).InclusiveBetween(-10_000, 10_000);
    }
}
