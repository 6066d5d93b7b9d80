using BananTourism.Application.Catalog;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Application.Reviews;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Media.GetVenueShowcase;

/// <summary>What an operator shows tourists of one venue: its photos and each offering's (published or not), each
/// offering's season line whatever its age, and the newest reviews with whether they were hidden.</summary>
[Allowed(Caller.Operator)]
public sealed record GetVenueShowcase(Guid VenueId) : IQuery<Result<VenueShowcase>>;

public sealed record VenueShowcase(Guid VenueId, string Name, IReadOnlyList<PhotoRef> Photos, IReadOnlyList<OfferingShowcase> Offerings, IReadOnlyList<OperatorReview> Reviews);

/// <param name="SeasonShown">Whether tourists still see <see cref="Season"/> (posted within 14 days).</param>
public sealed record OfferingShowcase(
    Guid Id, string Name, Category Category, bool Published, IReadOnlyList<PhotoRef> Photos, SeasonLine? Season, bool SeasonShown, RatingDto? Rating);

public sealed record OperatorReview(Guid Id, Guid OfferingId, ReviewDto Review, bool Hidden);

public sealed class GetVenueShowcaseHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetVenueShowcase, Result<VenueShowcase>>
{
    public const int NewestReviews = 30;

    public async ValueTask<Result<VenueShowcase>> Handle(GetVenueShowcase query, CancellationToken ct)
    {
        var venue = await db.OwnedVenues(currentUser).AsNoTracking().Where(v => v.Id == query.VenueId).Select(v => new { v.Id, v.Name }).SingleOrDefaultAsync(ct);
        if (venue is null)
        {
            return VenueErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.VenueId == venue.Id).OrderBy(o => o.Name).ToListAsync(ct);
        var venuePhotos = await CatalogPhotos.OfVenuesAsync(db, [venue.Id], ct);
        var offeringPhotos = await CatalogPhotos.OfOfferingsAsync(db, offerings.Select(o => o.Id).ToList(), ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.VenueId == venue.Id)
            .OrderByDescending(r => r.CreatedAt).Take(NewestReviews).ToListAsync(ct);
        return new VenueShowcase(
            venue.Id, venue.Name, venuePhotos.For(venue.Id),
            offerings.Select(o => new OfferingShowcase(o.Id, o.Name, o.Category, o.Published, offeringPhotos.For(o.Id), o.Season, o.Season?.IsCurrent(now) == true, RatingDto.Of(o.RatingCount, o.RatingSum))).ToList(),
            reviews.Select(r => new OperatorReview(r.Id, r.OfferingId, ReviewDto.Of(r), r.Hidden)).ToList());
    }
}
