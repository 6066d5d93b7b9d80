using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Reports;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;

namespace BananTourism.Application.Catalog.GetVenueCrowd;

/// <summary>How crowded a venue is today, for anyone deciding whether to drive up the mountain.</summary>
[Allowed(Caller.Anyone)]
public sealed record GetVenueCrowd(Guid VenueId) : IQuery<Result<VenueCrowd>>;

public sealed record VenueCrowd(DateOnly Date, CrowdLevel Level);

public sealed class GetVenueCrowdHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetVenueCrowd, Result<VenueCrowd>>
{
    public async ValueTask<Result<VenueCrowd>> Handle(GetVenueCrowd query, CancellationToken ct)
    {
        var today = VenueTime.Today(clock.GetUtcNow());
        var rows = await TodayFigures.ReadAsync(db, today, null, null, query.VenueId, ct);
        return rows is [var row] ? new VenueCrowd(today, row.Level) : VenueErrors.NotFound;
    }
}
