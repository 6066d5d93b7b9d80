using BananTourism.Application.Catalog;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using BananTourism.Application.Common;
using FluentValidation;

namespace BananTourism.Application.Offerings;

/// <summary>The fields of an offering an operator sends. Time slots are priced per person (<see cref="PricesBody.Adult"/>,
/// optional <see cref="PricesBody.Child"/>), stays per unit and night (<see cref="PricesBody.PerNight"/>).</summary>
public sealed record OfferingBody(
    string Name,
    string? NameEn,
    string Description,
    OfferingKind Kind,
    Category Category,
    PricesBody Prices,
    int? MinParty,
    int? MaxParty,
    int? MinNights,
    CancellationPolicyDto CancellationPolicy,
    bool Published,
    PayOnArrivalDto? PayOnArrival = null,
    PeoplePerUnitDto? PeoplePerUnit = null,
    int? MaxUnitsPerBooking = null,
    ReschedulePolicyDto? ReschedulePolicy = null,
    IReadOnlyList<ExtraBody>? Extras = null,
    IReadOnlyList<ProduceBody>? Produce = null,
    string? DescriptionEn = null)
{
    /// <summary><paramref name="current"/>: the offering's unit rules before this edit (null for a new one), which
    /// fill what the body leaves out.</summary>
    public OfferingDetails ToDetails(UnitRules? current = null) => new(
        Name.Trim(), NameEn?.Trim(), Description.Trim(), Category,
        new PriceList((Kind == OfferingKind.TimeSlot ? Prices.Adult : Prices.PerNight)!.Value.Amount,
            Prices.Child?.Amount, Prices.Weekend?.Amount, Prices.Holiday?.Amount),
        MinParty, MaxParty, Kind == OfferingKind.Nightly ? MinNights : null,
        new CancellationPolicy(CancellationPolicy.FreeUntilHoursBefore, CancellationPolicy.RefundPercentAfter),
        Published,
        PayOnArrival is { } payOnArrival ? new PayOnArrivalRule(payOnArrival.Allowed, payOnArrival.MaxPeople) : null,
        Kind == OfferingKind.Nightly && (PeoplePerUnit is not null || MaxUnitsPerBooking is not null)
            ? new UnitRules(
                PeoplePerUnit?.Min ?? (current ?? UnitRules.Default).MinPeople,
                PeoplePerUnit?.Max ?? (current ?? UnitRules.Default).MaxPeople,
                MaxUnitsPerBooking ?? (current ?? UnitRules.Default).MaxUnitsPerBooking)
            : null,
        ReschedulePolicy is { } reschedule ? new Domain.Offerings.ReschedulePolicy(reschedule.FreeUntilHoursBefore, reschedule.MaxReschedules) : null,
        Extras?.Select(e => new Extra(e.Id ?? Guid.CreateVersion7(), e.Name.Trim(), e.NameEn?.Trim(), e.Price.Amount, e.Per, e.StockPerSession)).ToList(),
        Produce?.Select(p => new ProduceItem(p.Id ?? Guid.CreateVersion7(), p.Name.Trim(), p.NameEn?.Trim(), p.Unit, p.Price.Amount)).ToList(),
        DescriptionEn);
}

/// <summary>An extra as the operator sends it: without <see cref="Id"/> it is new; with one, it keeps its id (bookings
/// and stock refer to it).</summary>
public sealed record ExtraBody(Guid? Id, string Name, string? NameEn, Money Price, ExtraPer Per, int? StockPerSession);

/// <summary>A product of the exit's price list as the operator sends it (fen per unit).</summary>
public sealed record ProduceBody(Guid? Id, string Name, string? NameEn, ProduceUnit Unit, Money Price);

public sealed record PricesBody(Money? Adult, Money? Child, Money? PerNight, Money? Weekend, Money? Holiday);

public sealed class OfferingBodyValidator : AbstractValidator<OfferingBody>
{
    /// <summary>¥100,000: far above any farm-stay night, low enough to catch a price typed in fen twice.</summary>
    public const long MaxPrice = 10_000_000;

    /// <summary>Extras, and products on the price list, per offering.</summary>
    public const int MaxListed = 30;

    public OfferingBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(200).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("The name is blank.").SingleLine();
        RuleFor(b => b.NameEn).MaximumLength(200).SingleLine();
        RuleFor(b => b.Description).NotNull().MaximumLength(4000).PlainText();
        RuleFor(b => b.DescriptionEn).MaximumLength(4000).PlainText();
        RuleFor(b => b.Kind).IsInEnum();
        RuleFor(b => b.Category).IsInEnum();
        RuleFor(b => b.MinParty).InclusiveBetween(1, 500);
        RuleFor(b => b.MaxParty).InclusiveBetween(1, 500)
            .GreaterThanOrEqualTo(b => b.MinParty).When(b => b.MinParty is not null && b.MaxParty is not null)
            .WithMessage("maxParty must not be below minParty.");
        RuleFor(b => b.MinNights).InclusiveBetween(1, 30);
        RuleFor(b => b.MinNights).Null().When(b => b.Kind == OfferingKind.TimeSlot).WithMessage("Only stays have a minimum of nights.");
        RuleFor(b => b.CancellationPolicy).NotNull();
        RuleFor(b => b.CancellationPolicy.FreeUntilHoursBefore).InclusiveBetween(0, 720).When(b => b.CancellationPolicy is not null);
        RuleFor(b => b.CancellationPolicy.RefundPercentAfter).InclusiveBetween(0, 100).When(b => b.CancellationPolicy is not null);

        RuleFor(b => b.ReschedulePolicy!.FreeUntilHoursBefore).InclusiveBetween(0, 720).When(b => b.ReschedulePolicy is not null);
        RuleFor(b => b.ReschedulePolicy!.MaxReschedules).InclusiveBetween(0, 10).When(b => b.ReschedulePolicy is not null);
        RuleFor(b => b.PayOnArrival!.MaxPeople).InclusiveBetween(1, 500).When(b => b.PayOnArrival is not null);
        When(b => b.PeoplePerUnit is not null, () =>
        {
            RuleFor(b => b.PeoplePerUnit!.Min).InclusiveBetween(1, 50);
            RuleFor(b => b.PeoplePerUnit!.Max).InclusiveBetween(1, 50)
                .GreaterThanOrEqualTo(b => b.PeoplePerUnit!.Min).WithMessage("peoplePerUnit.max must not be below peoplePerUnit.min.");
        });
        RuleFor(b => b.MaxUnitsPerBooking).InclusiveBetween(1, 100);
        When(b => b.Kind == OfferingKind.TimeSlot, () =>
        {
            RuleFor(b => b.PeoplePerUnit).Null().WithMessage("Only stays have units.");
            RuleFor(b => b.MaxUnitsPerBooking).Null().WithMessage("Only stays have units.");
        });

        RuleFor(b => b.Extras).Must(e => e!.Count <= MaxListed).WithMessage($"At most {MaxListed} extras.")
            .Must(e => e!.Where(x => x?.Id is not null).GroupBy(x => x!.Id).All(g => g.Count() == 1)).WithMessage("Each extra's id appears once.")
            .When(b => b.Extras is not null);
        RuleForEach(b => b.Extras).NotNull().ChildRules(extra =>
        {
            extra.RuleFor(e => e.Name).NotEmpty().MaximumLength(100).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("The name is blank.").SingleLine();
            extra.RuleFor(e => e.NameEn).MaximumLength(100).SingleLine();
            extra.RuleFor(e => e.Price).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            extra.RuleFor(e => e.Per).IsInEnum();
            extra.RuleFor(e => e.StockPerSession).InclusiveBetween(0, 10_000);
        });
        RuleFor(b => b.Produce).Must(p => p!.Count <= MaxListed).WithMessage($"At most {MaxListed} products.")
            .Must(p => p!.Where(x => x?.Id is not null).GroupBy(x => x!.Id).All(g => g.Count() == 1)).WithMessage("Each product's id appears once.")
            .When(b => b.Produce is not null);
        RuleForEach(b => b.Produce).NotNull().ChildRules(item =>
        {
            item.RuleFor(p => p.Name).NotEmpty().MaximumLength(100).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("The name is blank.").SingleLine();
            item.RuleFor(p => p.NameEn).MaximumLength(100).SingleLine();
            item.RuleFor(p => p.Price).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            item.RuleFor(p => p.Unit).IsInEnum();
        });

        RuleFor(b => b.Prices).NotNull();
        When(b => b.Prices is not null, () =>
        {
            RuleFor(b => b.Prices.Adult).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            RuleFor(b => b.Prices.Child).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            RuleFor(b => b.Prices.PerNight).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            RuleFor(b => b.Prices.Weekend).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            RuleFor(b => b.Prices.Holiday).Must(BeAPrice).WithMessage("A price is {\"amount\": fen, \"currency\": \"CNY\"} with 0 ≤ amount ≤ 10,000,000.");
            When(b => b.Kind == OfferingKind.TimeSlot, () =>
            {
                RuleFor(b => b.Prices.Adult).NotNull().WithMessage("A time-slot offering needs an adult price.");
                RuleFor(b => b.Prices.PerNight).Null().WithMessage("A time-slot offering is priced per person, not per night.");
            });
            When(b => b.Kind == OfferingKind.Nightly, () =>
            {
                RuleFor(b => b.Prices.PerNight).NotNull().WithMessage("A nightly offering needs a price per night.");
                RuleFor(b => b.Prices.Adult).Null().WithMessage("A nightly offering is priced per night, not per person.");
                RuleFor(b => b.Prices.Child).Null().WithMessage("A nightly offering is priced per night, not per person.");
            });
        });
    }

    private static bool BeAPrice(Money price) => BeAPrice((Money?)price);

    private static bool BeAPrice(Money? price) =>
        price is not { } p || (p.Currency == Money.Cny && p.Amount is >= 0 and <= MaxPrice);
}

/// <summary>An offering as its operator sees it, published or not.</summary>
public sealed record OperatorOffering(
    Guid Id, Guid VenueId, string Name, string? NameEn, string Description, OfferingKind Kind, Category Category,
    PricesDto Prices, int? MinParty, int? MaxParty, int? MinNights, CancellationPolicyDto CancellationPolicy, bool Published,
    PayOnArrivalDto PayOnArrival, PeoplePerUnitDto? PeoplePerUnit, int? MaxUnitsPerBooking, ReschedulePolicyDto ReschedulePolicy,
    IReadOnlyList<ExtraDto> Extras, IReadOnlyList<ProduceDto> Produce)
{
    public string? DescriptionEn { get; init; }

    public static OperatorOffering From(Offering o) => new(
        o.Id, o.VenueId, o.Name, o.NameEn, o.Description, o.Kind, o.Category, PricesDto.From(o.Kind, o.Prices),
        o.MinParty, o.MaxParty, o.MinNights,
        new CancellationPolicyDto(o.CancellationPolicy.FreeUntilHoursBefore, o.CancellationPolicy.RefundPercentAfter), o.Published,
        PayOnArrivalDto.From(o.PayOnArrival), PeoplePerUnitDto.From(o), o.Kind == OfferingKind.Nightly ? o.Units.MaxUnitsPerBooking : null,
        ReschedulePolicyDto.From(o.ReschedulePolicy), ExtraDto.From(o.Extras), ProduceDto.From(o.Produce))
    {
        DescriptionEn = o.DescriptionEn,
    };
}
