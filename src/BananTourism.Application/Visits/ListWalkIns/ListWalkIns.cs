using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Visits.ListWalkIns;

/// <summary>The walk-in entries of one of the operator's venues on a date, with who recorded each, and the total.</summary>
[Allowed(Caller.Operator)]
public sealed record ListWalkIns(Guid VenueId, DateOnly Date) : IQuery<Result<WalkInDay>>;

public sealed record WalkInDay(Guid VenueId, DateOnly Date, int Total, IReadOnlyList<WalkInDto> Entries);

public sealed class ListWalkInsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<ListWalkIns, Result<WalkInDay>>
{
    public async ValueTask<Result<WalkInDay>> Handle(ListWalkIns query, CancellationToken ct)
    {
        if (!await db.OwnedVenues(currentUser).AnyAsync(v => v.Id == query.VenueId, ct))
        {
            return VenueErrors.NotFound;
        }

        var entries = await db.WalkIns.AsNoTracking()
            .Where(w => w.VenueId == query.VenueId && w.Date == query.Date)
            .OrderBy(w => w.RecordedAt)
            .Select(w => new WalkInDto(w.Id, w.VenueId, w.Date, w.Count, w.RecordedBy, w.RecordedAt))
            .ToListAsync(ct);
        return new WalkInDay(query.VenueId, query.Date, entries.Sum(e => e.Count), entries);
    }
}
