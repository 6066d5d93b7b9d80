using BananTourism.Application.Catalog;
using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Application.Venues;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Venues.ListMyVenues;

/// <summary>The operator's own venues.</summary>
[Allowed(Caller.Operator)]
public sealed record ListMyVenues : IQuery<Result<IReadOnlyList<VenueSummary>>>;

public sealed class ListMyVenuesHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListMyVenues, Result<IReadOnlyList<VenueSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<VenueSummary>>> Handle(ListMyVenues query, CancellationToken ct)
    {
        var venues = await (
                from v in db.OwnedVenues(currentUser).AsNoTracking()
                join village in db.Villages on v.VillageId equals village.Id
                orderby v.Name
                select new { Venue = v, village.TownshipId })
            .ToListAsync(ct);
        return venues.Select(x => x.Venue.ToSummary(x.TownshipId)).ToList();
    }
}
