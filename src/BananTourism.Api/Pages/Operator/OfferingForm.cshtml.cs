using BananTourism.Application.Catalog;
using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.CreateOffering;
using BananTourism.Application.Offerings.UpdateOffering;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>Creates an offering at a venue (/operator/venues/{venueId}/offerings/new) or edits one
/// (/operator/offerings/{id}/edit). Prices are typed in yuan and kept in fen.</summary>
public sealed class OfferingFormModel(ISender sender) : PageModel
{
    public static readonly string[] Fields =
    [
        "name", "nameEn", "description", "kind", "category", "prices.adult", "prices.child", "prices.perNight", "prices.weekend",
        "prices.holiday", "minParty", "maxParty", "minNights", "cancellationPolicy.freeUntilHoursBefore", "cancellationPolicy.refundPercentAfter",
        "payOnArrival.maxPeople", "peoplePerUnit.min", "peoplePerUnit.max", "maxUnitsPerBooking",
    ];

    [BindProperty]
    public OfferingInput Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public Guid? Id { get; private set; }

    public Guid VenueId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? venueId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await Owned.OfferingAsync(sender, existing, ct) is not { } offering)
            {
                return NotFound();
            }

            (Id, VenueId, Input) = (existing, offering.VenueId, OfferingInput.From(offering));
            return Page();
        }

        if (venueId is not { } venue || await Owned.VenueAsync(sender, venue, ct) is null)
        {
            return NotFound();
        }

        VenueId = venue;
        Input = new OfferingInput
        {
            Kind = OfferingKind.TimeSlot, Category = Category.Picking, FreeUntilHoursBefore = 24, RefundPercentAfter = 50,
            PayOnArrivalAllowed = true, PeoplePerUnitMin = UnitRules.Default.MinPeople, PeoplePerUnitMax = UnitRules.Default.MaxPeople,
            MaxUnitsPerBooking = UnitRules.Default.MaxUnitsPerBooking,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? venueId, CancellationToken ct)
    {
        Id = id;
        VenueId = venueId ?? Guid.Empty;
        if (id is { } existing)
        {
            if (await Owned.OfferingAsync(sender, existing, ct) is not { } offering)
            {
                return NotFound();
            }

            VenueId = offering.VenueId;
            Input.Kind = offering.Kind; // the kind of an offering does not change once created
        }

        if (Errors.AddBindingErrors(ModelState))
        {
            return Page();
        }

        var body = Input.ToBody();
        var saved = id is { } editing
            ? await sender.Send(new UpdateOffering(editing, body), ct)
            : await sender.Send(new CreateOffering(VenueId, body), ct);
        if (!saved.IsSuccess)
        {
            if (saved.FirstError.Kind == ErrorKind.NotFound && saved.FirstError.Field is null)
            {
                return NotFound();
            }

            Errors.Add(saved.Errors, Fields);
            return Page();
        }

        return Redirect(id is null ? $"/operator/offerings/{saved.Value.Id}/schedule" : "/operator");
    }
}

public sealed class OfferingInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public OfferingKind Kind { get; set; }

    public Category Category { get; set; }

    public decimal? Adult { get; set; }

    public decimal? Child { get; set; }

    public decimal? PerNight { get; set; }

    public decimal? Weekend { get; set; }

    public decimal? Holiday { get; set; }

    public int? MinParty { get; set; }

    public int? MaxParty { get; set; }

    public int? MinNights { get; set; }

    public int? FreeUntilHoursBefore { get; set; }

    public int? RefundPercentAfter { get; set; }

    public bool Published { get; set; }

    public bool PayOnArrivalAllowed { get; set; }

    public int? PayOnArrivalMaxPeople { get; set; }

    public int? PeoplePerUnitMin { get; set; }

    public int? PeoplePerUnitMax { get; set; }

    public int? MaxUnitsPerBooking { get; set; }

    public static OfferingInput From(OperatorOffering o) => new()
    {
        Name = o.Name, NameEn = o.NameEn, Description = o.Description, Kind = o.Kind, Category = o.Category,
        Adult = Yuan(o.Prices.Adult), Child = Yuan(o.Prices.Child), PerNight = Yuan(o.Prices.PerNight),
        Weekend = Yuan(o.Prices.Weekend), Holiday = Yuan(o.Prices.Holiday),
        MinParty = o.MinParty, MaxParty = o.MaxParty, MinNights = o.MinNights,
        FreeUntilHoursBefore = o.CancellationPolicy.FreeUntilHoursBefore, RefundPercentAfter = o.CancellationPolicy.RefundPercentAfter,
        Published = o.Published,
        PayOnArrivalAllowed = o.PayOnArrival.Allowed, PayOnArrivalMaxPeople = o.PayOnArrival.MaxPeople,
        PeoplePerUnitMin = o.PeoplePerUnit?.Min, PeoplePerUnitMax = o.PeoplePerUnit?.Max, MaxUnitsPerBooking = o.MaxUnitsPerBooking,
    };

    public OfferingBody ToBody()
    {
        var slots = Kind == OfferingKind.TimeSlot;
        return new OfferingBody(
            Name ?? "", string.IsNullOrWhiteSpace(NameEn) ? null : NameEn, Description ?? "", Kind, Category,
            new PricesBody(slots ? Fen(Adult) : null, slots ? Fen(Child) : null, slots ? null : Fen(PerNight), Fen(Weekend), Fen(Holiday)),
            MinParty, MaxParty, slots ? null : MinNights,
            new CancellationPolicyDto(FreeUntilHoursBefore ?? 0, RefundPercentAfter ?? 0), Published,
            new PayOnArrivalDto(PayOnArrivalAllowed, PayOnArrivalAllowed ? PayOnArrivalMaxPeople : null),
            slots ? null : new PeoplePerUnitDto(PeoplePerUnitMin ?? UnitRules.Default.MinPeople, PeoplePerUnitMax ?? UnitRules.Default.MaxPeople),
            slots ? null : MaxUnitsPerBooking ?? UnitRules.Default.MaxUnitsPerBooking);
    }

    private static decimal? Yuan(Money? price) => price is { } p ? p.Amount / 100m : null;

    // Out-of-range amounts are kept out of range (not wrapped), so the validator names the field.
    private static Money? Fen(decimal? yuan) => yuan is { } y ? Money.Yuan((long)Math.Round(Math.Clamp(y, -1m, 1_000_000m) * 100m)) : null;
}
