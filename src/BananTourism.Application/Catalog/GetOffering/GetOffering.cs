using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Offerings.PostSeason;
using BananTourism.Application.Reviews;

namespace BananTourism.Application.Catalog.GetOffering;

[Allowed(Caller.Anyone)]
public sealed record GetOffering(Guid Id) : IQuery<Result<OfferingDetail>>;

public sealed record OfferingDetail(
    Guid Id,
    Guid VenueId,
    string VenueName,
    string Name,
    string? NameEn,
    string Description,
    OfferingKind Kind,
    Category Category,
    PricesDto Prices,
    int? MinParty,
    int? MaxParty,
    int? MinNights,
    CancellationPolicyDto CancellationPolicy,
    PayOnArrivalDto PayOnArrival,
    PeoplePerUnitDto? PeoplePerUnit,
    int? MaxUnitsPerBooking,
    ReschedulePolicyDto ReschedulePolicy,
    IReadOnlyList<ExtraDto> Extras,
    IReadOnlyList<ProduceDto> Produce)
{
    public string? DescriptionEn { get; init; }

    public IReadOnlyList<PhotoRef> Photos { get; init; } = [];

    /// <summary>花期/果期 as last posted; omitted when older than 14 days.</summary>
    public SeasonDto? Season { get; init; }

    public RatingDto? Rating { get; init; }
}

/// <summary>The public view: unpublished offerings do not exist for tourists.</summary>
public sealed class GetOfferingHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetOffering, Result<OfferingDetail>>
{
    public async ValueTask<Result<OfferingDetail>> Handle(GetOffering query, CancellationToken cancellationToken)
    {
        var found = await (
                from o in db.Offerings.AsNoTracking()
                join v in db.Venues on o.VenueId equals v.Id
                where o.Id == query.Id && o.Published
                select new { Offering = o, VenueName = v.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return OfferingErrors.NotFound;
        }

        var offering = found.Offering;
        var photos = await CatalogPhotos.OfOfferingsAsync(db, [offering.Id], cancellationToken);
        return new OfferingDetail(
            offering.Id, offering.VenueId, found.VenueName, offering.Name, offering.NameEn, offering.Description, offering.Kind, offering.Category,
            PricesDto.From(offering.Kind, offering.Prices), offering.MinParty, offering.MaxParty, offering.MinNights,
            new CancellationPolicyDto(offering.CancellationPolicy.FreeUntilHoursBefore, offering.CancellationPolicy.RefundPercentAfter),
            PayOnArrivalDto.From(offering.PayOnArrival), PeoplePerUnitDto.From(offering),
            offering.Kind == OfferingKind.Nightly ? offering.Units.MaxUnitsPerBooking : null,
            ReschedulePolicyDto.From(offering.ReschedulePolicy), ExtraDto.From(offering.Extras), ProduceDto.From(offering.Produce))
        {
            DescriptionEn = offering.DescriptionEn,
            Photos = photos.For(offering.Id),
            Season = SeasonDto.Shown(offering.Season, clock.GetUtcNow()),
            Rating = RatingDto.Of(offering.RatingCount, offering.RatingSum),
        };
    }
}
