using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.ListVenueOfferings;

/// <summary>All offerings of one of the operator's venues, unpublished ones included.</summary>
[Allowed(Caller.Operator)]
public sealed record ListVenueOfferings(Guid VenueId) : IQuery<Result<IReadOnlyList<OperatorOffering>>>;

public sealed class ListVenueOfferingsHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListVenueOfferings, Result<IReadOnlyList<OperatorOffering>>>
{
    public async ValueTask<Result<IReadOnlyList<OperatorOffering>>> Handle(ListVenueOfferings query, CancellationToken ct)
    {
        if (!await db.OwnedVenues(currentUser).AnyAsync(v => v.Id == query.VenueId, ct))
        {
            return VenueErrors.NotFound;
        }

        var offerings = await db.Offerings.AsNoTracking().Where(o => o.VenueId == query.VenueId).OrderBy(o => o.Name).ToListAsync(ct);
        return offerings.Select(OperatorOffering.From).ToList();
    }
}
