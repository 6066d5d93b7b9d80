using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Catalog.ListVenues;

[Allowed(Caller.Anyone)]
public sealed record ListVenues(
    Guid? TownshipId, Guid? VillageId, Category? Category, string? Q, int? Page, int? PageSize)
    : IQuery<Result<PagedList<VenueSummary>>>, IPaged;

public sealed class ListVenuesHandler(IAppDbContext db) : IQueryHandler<ListVenues, Result<PagedList<VenueSummary>>>
{
    public async ValueTask<Result<PagedList<VenueSummary>>> Handle(ListVenues query, CancellationToken cancellationToken)
    {
        var venues =
            from v in db.Venues.AsNoTracking()
            join village in db.Villages on v.VillageId equals village.Id
            select new { Venue = v, village.TownshipId };

        if (query.TownshipId is { } townshipId)
        {
            venues = venues.Where(x => x.TownshipId == townshipId);
        }

        if (query.VillageId is { } villageId)
        {
            venues = venues.Where(x => x.Venue.VillageId == villageId);
        }

        if (query.Category is { } category)
        {
            var mask = CategoryMask.Of(category);
            venues = venues.Where(x => (x.Venue.Categories & mask) != 0);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = Like.Contains(query.Q.Trim());
            venues = venues.Where(x =>
                EF.Functions.Like(x.Venue.Name, pattern, Like.Escape)
                || EF.Functions.Like(x.Venue.NameEn!, pattern, Like.Escape)
                || EF.Functions.Like(x.Venue.Description, pattern, Like.Escape));
        }

        var page = await venues
            .OrderBy(x => x.Venue.Name).ThenBy(x => x.Venue.Id)
            .Select(x => new
            {
                x.Venue.Id, x.Venue.Name, x.Venue.NameEn, x.Venue.Description, x.TownshipId, x.Venue.VillageId,
                x.Venue.Categories, x.Venue.DailyCap, x.Venue.Latitude, x.Venue.Longitude, x.Venue.CrowdBusy, x.Venue.CrowdCrowded,
                x.Venue.DescriptionEn,
            })
            .ToPageAsync(query, cancellationToken);

        var photos = await CatalogPhotos.OfVenuesAsync(db, page.Items.Select(v => v.Id).ToList(), cancellationToken);
        return new PagedList<VenueSummary>(
            page.Items.Select(v => new VenueSummary(
                v.Id, v.Name, v.NameEn, v.Description, v.TownshipId, v.VillageId, CategoryMask.Split(v.Categories),
                v.DailyCap, v.Latitude is { } lat && v.Longitude is { } lng ? new GeoPoint(lat, lng) : null,
                new CrowdThresholds(v.CrowdBusy, v.CrowdCrowded)) { DescriptionEn = v.DescriptionEn, Photos = photos.For(v.Id) }).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}
