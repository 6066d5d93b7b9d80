using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.GetOwnedOffering;

/// <summary>One of the operator's offerings, published or not (for its edit form).</summary>
[Allowed(Caller.Operator)]
public sealed record GetOwnedOffering(Guid Id) : IQuery<Result<OperatorOffering>>;

public sealed class GetOwnedOfferingHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetOwnedOffering, Result<OperatorOffering>>
{
    public async ValueTask<Result<OperatorOffering>> Handle(GetOwnedOffering query, CancellationToken ct)
    {
        var offering = await db.OwnedOfferings(currentUser).AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, ct);
        return offering is null ? OfferingErrors.NotFound : OperatorOffering.From(offering);
    }
}
