using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Catalog.GetTownships;

[Allowed(Caller.Anyone)]
public sealed record GetTownships : IQuery<Result<IReadOnlyList<TownshipDto>>>;

public sealed record TownshipDto(Guid Id, string Name, string NameEn, IReadOnlyList<VillageDto> Villages);

public sealed record VillageDto(Guid Id, string Name, string NameEn);

public sealed class GetTownshipsHandler(IAppDbContext db) : IQueryHandler<GetTownships, Result<IReadOnlyList<TownshipDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TownshipDto>>> Handle(GetTownships query, CancellationToken cancellationToken)
    {
        var townships = await db.Townships.AsNoTracking()
            .OrderBy(t => t.NameEn)
            .Select(t => new TownshipDto(
                t.Id,
                t.Name,
                t.NameEn,
                t.Villages.OrderBy(v => v.NameEn).Select(v => new VillageDto(v.Id, v.Name, v.NameEn)).ToList()))
            .ToListAsync(cancellationToken);
        return townships;
    }
}
