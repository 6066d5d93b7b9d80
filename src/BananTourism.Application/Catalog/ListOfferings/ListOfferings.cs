using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Offerings.PostSeason;
using BananTourism.Application.Reviews;

namespace BananTourism.Application.Catalog.ListOfferings;

/// <summary>Published offerings; with <see cref="Date"/>, only those with room that day for the party
/// (a slot with enough seats left, or a night with a unit left), and how much room there is.</summary>
[Allowed(Caller.Anyone)]
public sealed record ListOfferings(
    Category? Category,
    Guid? TownshipId,
    Guid? VillageId,
    Guid? VenueId,
    DateOnly? Date,
    int? PartySize,
    string? Q,
    int? Page,
    int? PageSize,
    bool? InSeason = null) : IQuery<Result<PagedList<OfferingSummary>>>, IPaged;

public sealed class ListOfferingsHandler(IAppDbContext db, TimeProvider clock)
    : IQueryHandler<ListOfferings, Result<PagedList<OfferingSummary>>>
{
    public async ValueTask<Result<PagedList<OfferingSummary>>> Handle(ListOfferings query, CancellationToken cancellationToken)
    {
        var offerings =
            from o in db.Offerings.AsNoTracking()
            join v in db.Venues on o.VenueId equals v.Id
            join village in db.Villages on v.VillageId equals village.Id
            where o.Published
            select new { Offering = o, village.TownshipId, v.VillageId, VenueName = v.Name };

        if (query.Category is { } category)
        {
            offerings = offerings.Where(x => x.Offering.Category == category);
        }

        if (query.TownshipId is { } townshipId)
        {
            offerings = offerings.Where(x => x.TownshipId == townshipId);
        }

        if (query.VillageId is { } villageId)
        {
            offerings = offerings.Where(x => x.VillageId == villageId);
        }

        if (query.VenueId is { } venueId)
        {
            offerings = offerings.Where(x => x.Offering.VenueId == venueId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = Like.Contains(query.Q.Trim());
            offerings = offerings.Where(x =>
                EF.Functions.Like(x.Offering.Name, pattern, Like.Escape)
                || EF.Functions.Like(x.Offering.NameEn!, pattern, Like.Escape)
                || EF.Functions.Like(x.VenueName, pattern, Like.Escape));
        }

        var now = clock.GetUtcNow();
        if (query.InSeason == true)
        {
            // 盛花/成熟 or 尾期, posted within the last 14 days (what the cards show).
            var since = now - SeasonLine.ShownFor;
            offerings = offerings.Where(x => (x.Offering.SeasonStatus == SeasonStatus.Peak || x.Offering.SeasonStatus == SeasonStatus.Ending)
                                             && x.Offering.SeasonUpdatedAt >= since);
        }

        var ordered = offerings.OrderBy(x => x.Offering.Name).ThenBy(x => x.Offering.Id);

        if (query.Date is not { } date)
        {
            var plain = await ordered
                .Select(x => new
                {
                    x.Offering.Id, x.Offering.VenueId, x.Offering.Name, x.Offering.NameEn, x.Offering.Kind, x.Offering.Category, x.Offering.Prices,
                    x.Offering.SeasonStatus, x.Offering.SeasonNote, x.Offering.SeasonNoteEn, x.Offering.SeasonUpdatedAt, x.Offering.RatingCount,
                    x.Offering.RatingSum, Available = (int?)null,
                })
                .ToPageAsync(query, cancellationToken);
            return await SummariesAsync(Rows(plain, o => new Row(
                o.Id, o.VenueId, o.Name, o.NameEn, o.Kind, o.Category, o.Prices, o.SeasonStatus, o.SeasonNote, o.SeasonNoteEn, o.SeasonUpdatedAt,
                o.RatingCount, o.RatingSum, o.Available)), now, cancellationToken);
        }

        var party = query.PartySize ?? 1;
        var today = VenueTime.Today(now);
        var nowLocal = TimeOnly.FromTimeSpan(now.ToOffset(VenueTime.Offset).TimeOfDay);
        var slots = db.Slots.Where(s => s.Date == date && !s.Closed && s.Capacity - s.Reserved >= party
                                        && (date > today || (date == today && s.Start > nowLocal)));
        var nights = db.Nights.Where(n => n.Date == date && !n.Closed && n.Units - n.Reserved >= 1 && date >= today);

        var withRoom = await ordered
            .Select(x => new
            {
                x.Offering.Id, x.Offering.VenueId, x.Offering.Name, x.Offering.NameEn, x.Offering.Kind, x.Offering.Category, x.Offering.Prices,
                x.Offering.SeasonStatus, x.Offering.SeasonNote, x.Offering.SeasonNoteEn, x.Offering.SeasonUpdatedAt, x.Offering.RatingCount,
                x.Offering.RatingSum,
                // A query (no switch expressions in expression trees): each kind named, an unknown one has no room.
                Available = (int?)(x.Offering.Kind == OfferingKind.TimeSlot
                    ? slots.Where(s => s.OfferingId == x.Offering.Id).Sum(s => s.Capacity - s.Reserved)
                    : x.Offering.Kind == OfferingKind.Nightly ? nights.Where(n => n.OfferingId == x.Offering.Id).Sum(n => n.Units - n.Reserved) : 0),
            })
            .Where(x => x.Available > 0)
            .ToPageAsync(query, cancellationToken);
        return await SummariesAsync(Rows(withRoom, o => new Row(
            o.Id, o.VenueId, o.Name, o.NameEn, o.Kind, o.Category, o.Prices, o.SeasonStatus, o.SeasonNote, o.SeasonNoteEn, o.SeasonUpdatedAt,
            o.RatingCount, o.RatingSum, o.Available)), now, cancellationToken);
    }

    private static PagedList<Row> Rows<T>(PagedList<T> page, Func<T, Row> row) => new(page.Items.Select(row).ToList(), page.Page, page.PageSize, page.Total);

    private async Task<PagedList<OfferingSummary>> SummariesAsync(PagedList<Row> page, DateTimeOffset now, CancellationToken ct)
    {
        var photos = await CatalogPhotos.OfOfferingsAsync(db, page.Items.Select(r => r.Id).ToList(), ct);
        return new PagedList<OfferingSummary>(
            page.Items.Select(o => new OfferingSummary(
                o.Id, o.VenueId, o.Name, o.NameEn, o.Kind, o.Category,
                Money.Yuan(o.Prices.From), o.Available)
            {
                Photos = photos.For(o.Id),
                Season = SeasonDto.Shown(o.SeasonStatus is { } status && o.SeasonUpdatedAt is { } at ? new SeasonLine(status, o.SeasonNote ?? "", o.SeasonNoteEn, at) : null, now),
                Rating = RatingDto.Of(o.RatingCount, o.RatingSum),
            }).ToList(),
            page.Page, page.PageSize, page.Total);
    }

    /// <summary>What a card needs of an offering, read in the page's one query.</summary>
    private sealed record Row(
        Guid Id, Guid VenueId, string Name, string? NameEn, OfferingKind Kind, Category Category, PriceList Prices,
        SeasonStatus? SeasonStatus, string? SeasonNote, string? SeasonNoteEn, DateTimeOffset? SeasonUpdatedAt, int RatingCount, int RatingSum, int? Available);
}
