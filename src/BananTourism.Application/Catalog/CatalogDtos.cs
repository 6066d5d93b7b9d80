using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;

namespace BananTourism.Application.Catalog;

public sealed record VenueSummary(
    Guid Id,
    string Name,
    string? NameEn,
    string Description,
    Guid TownshipId,
    Guid VillageId,
    IReadOnlyList<Category> Categories,
    int? DailyCap,
    GeoPoint? Location,
    CrowdThresholds CrowdThresholds)
{
    public string? DescriptionEn { get; init; }

    public IReadOnlyList<PhotoRef> Photos { get; init; } = [];
}

public sealed record OfferingSummary(
    Guid Id,
    Guid VenueId,
    string Name,
    string? NameEn,
    OfferingKind Kind,
    Category Category,
    Money FromPrice,
    int? Available)
{
    public IReadOnlyList<PhotoRef> Photos { get; init; } = [];

    /// <summary>花期/果期 as last posted; omitted when older than 14 days.</summary>
    public BananTourism.Application.Offerings.PostSeason.SeasonDto? Season { get; init; }

    public BananTourism.Application.Reviews.RatingDto? Rating { get; init; }
}

/// <summary>Time slots have <see cref="Adult"/> (and <see cref="Child"/>); stays have <see cref="PerNight"/>.</summary>
public sealed record PricesDto(Money? Adult, Money? Child, Money? PerNight, Money? Weekend, Money? Holiday)
{
    public static PricesDto From(OfferingKind kind, PriceList prices) => kind == OfferingKind.TimeSlot
        ? new PricesDto(Money.Yuan(prices.Base), Fen(prices.Child), null, Fen(prices.Weekend), Fen(prices.Holiday))
        : new PricesDto(null, null, Money.Yuan(prices.Base), Fen(prices.Weekend), Fen(prices.Holiday));

    private static Money? Fen(long? amount) => amount is { } a ? Money.Yuan(a) : null;
}

public sealed record CancellationPolicyDto(int FreeUntilHoursBefore, int RefundPercentAfter);

/// <summary>改期: moves allowed until this many hours before the start, at most this many times.</summary>
public sealed record ReschedulePolicyDto(int FreeUntilHoursBefore, int MaxReschedules)
{
    public static ReschedulePolicyDto From(ReschedulePolicy policy) => new(policy.FreeUntilHoursBefore, policy.MaxReschedules);
}

/// <summary>到店付款: whether a party may pay at the gate, and up to how many people (null: any).</summary>
public sealed record PayOnArrivalDto(bool Allowed, int? MaxPeople)
{
    public static PayOnArrivalDto From(PayOnArrivalRule rule) => new(rule.Allowed, rule.MaxPeople);
}

/// <summary>How many people one room or pitch of a stay takes.</summary>
public sealed record PeoplePerUnitDto(int Min, int Max)
{
    public static PeoplePerUnitDto? From(Offering offering) =>
        offering.Kind == OfferingKind.Nightly ? new PeoplePerUnitDto(offering.Units.MinPeople, offering.Units.MaxPeople) : null;
}

/// <summary>An extra as tourists and operators see it: its price in fen per <see cref="Per"/>.</summary>
public sealed record ExtraDto(Guid Id, string Name, string? NameEn, Money Price, ExtraPer Per, int? StockPerSession)
{
    public static IReadOnlyList<ExtraDto> From(IEnumerable<Extra> extras) =>
        extras.Select(e => new ExtraDto(e.Id, e.Name, e.NameEn, Money.Yuan(e.Price), e.Per, e.StockPerSession)).ToList();
}

/// <summary>A product of the exit's price list: fen per <see cref="Unit"/>.</summary>
public sealed record ProduceDto(Guid Id, string Name, string? NameEn, ProduceUnit Unit, Money Price)
{
    public static IReadOnlyList<ProduceDto> From(IEnumerable<ProduceItem> produce) =>
        produce.Select(p => new ProduceDto(p.Id, p.Name, p.NameEn, p.Unit, Money.Yuan(p.Price))).ToList();
}
