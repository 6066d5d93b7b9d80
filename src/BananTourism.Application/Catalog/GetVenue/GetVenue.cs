using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Offerings.PostSeason;
using BananTourism.Application.Reviews;

namespace BananTourism.Application.Catalog.GetVenue;

[Allowed(Caller.Anyone)]
public sealed record GetVenue(Guid Id) : IQuery<Result<VenueDetail>>;

public sealed record VenueDetail(
    Guid Id,
    string Name,
    string? NameEn,
    string Description,
    Guid TownshipId,
    string TownshipName,
    Guid VillageId,
    string VillageName,
    IReadOnlyList<Category> Categories,
    int? DailyCap,
    GeoPoint? Location,
    CrowdThresholds CrowdThresholds,
    IReadOnlyList<OfferingSummary> Offerings)
{
    public string? DescriptionEn { get; init; }

    public IReadOnlyList<PhotoRef> Photos { get; init; } = [];
}

public sealed class GetVenueHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetVenue, Result<VenueDetail>>
{
    public async ValueTask<Result<VenueDetail>> Handle(GetVenue query, CancellationToken cancellationToken)
    {
        var venue = await (
                from v in db.Venues.AsNoTracking()
                join village in db.Villages on v.VillageId equals village.Id
                join township in db.Townships on village.TownshipId equals township.Id
                where v.Id == query.Id
                select new { Venue = v, Village = village.Name, village.TownshipId, Township = township.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (venue is null)
        {
            return VenueErrors.NotFound;
        }

        var offerings = await db.Offerings.AsNoTracking()
            .Where(o => o.VenueId == query.Id && o.Published)
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);

        var found = venue.Venue;
        var now = clock.GetUtcNow();
        var venuePhotos = await CatalogPhotos.OfVenuesAsync(db, [found.Id], cancellationToken);
        var offeringPhotos = await CatalogPhotos.OfOfferingsAsync(db, offerings.Select(o => o.Id).ToList(), cancellationToken);
        return new VenueDetail(
            found.Id, found.Name, found.NameEn, found.Description, venue.TownshipId, venue.Township, found.VillageId, venue.Village,
            found.CategoryList, found.DailyCap, found.Location, found.Crowd,
            offerings.Select(o => new OfferingSummary(o.Id, o.VenueId, o.Name, o.NameEn, o.Kind, o.Category, Money.Yuan(o.Prices.From), null)
            {
                Photos = offeringPhotos.For(o.Id),
                Season = SeasonDto.Shown(o.Season, now),
                Rating = RatingDto.Of(o.RatingCount, o.RatingSum),
            }).ToList())
        {
            DescriptionEn = found.DescriptionEn,
            Photos = venuePhotos.For(found.Id),
        };
    }
}
