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

            (Id, VenueId, Input) = (existing, offering.VenueId, OfferingInput.From(offering).WithBlankRows());
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
        }.WithBlankRows();
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
        var (extraRows, produceRows) = (Input.FilledExtraRows(), Input.FilledProduceRows());
        var saved = id is { } editing
            ? await sender.Send(new UpdateOffering(editing, body), ct)
            : await sender.Send(new CreateOffering(VenueId, body), ct);
        if (!saved.IsSuccess)
        {
            if (saved.FirstError.Kind == ErrorKind.NotFound && saved.FirstError.Field is null)
            {
                return NotFound();
            }

            Errors.Add(
                saved.Errors.Select(e => FormRows.OnTheForm(FormRows.OnTheForm(e, "extras", extraRows), "produce", produceRows)),
                [.. Fields, .. RowFields("extras", Input.Extras.Count, "name", "nameEn", "price", "per", "stockPerSession"),
                    .. RowFields("produce", Input.Produce.Count, "name", "nameEn", "price", "unit")]);
            return Page();
        }

        return Redirect(id is null ? $"/operator/offerings/{saved.Value.Id}/schedule" : "/operator");
    }

    private static IEnumerable<string> RowFields(string list, int rows, params string[] fields) =>
        Enumerable.Range(0, rows).SelectMany(i => fields.Select(f => $"{list}[{i}].{f}"));
}

public sealed class OfferingInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

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

    /// <summary>Extras: those the offering has, then blank rows to add more (a row left without a name is not kept).</summary>
    public List<ExtraInputRow> Extras { get; set; } = [];

    /// <summary>The produce price list, the same way.</summary>
    public List<ProduceInputRow> Produce { get; set; } = [];

    public const int BlankRows = 2;

    public List<int> FilledExtraRows() => Enumerable.Range(0, Extras.Count).Where(i => !string.IsNullOrWhiteSpace(Extras[i].Name)).ToList();

    public List<int> FilledProduceRows() => Enumerable.Range(0, Produce.Count).Where(i => !string.IsNullOrWhiteSpace(Produce[i].Name)).ToList();

    /// <summary>Blank rows after the filled ones, so the operator can add an extra or a product.</summary>
    public OfferingInput WithBlankRows()
    {
        Extras = [.. Extras.Where(r => !string.IsNullOrWhiteSpace(r.Name)), .. Enumerable.Range(0, BlankRows).Select(_ => new ExtraInputRow())];
        Produce = [.. Produce.Where(r => !string.IsNullOrWhiteSpace(r.Name)), .. Enumerable.Range(0, BlankRows).Select(_ => new ProduceInputRow())];
        return this;
    }

    public static OfferingInput From(OperatorOffering o) => new()
    {
        Extras = o.Extras.Select(e => new ExtraInputRow { Id = e.Id, Name = e.Name, NameEn = e.NameEn, Price = e.Price.Amount / 100m, Per = e.Per, StockPerSession = e.StockPerSession }).ToList(),
        Produce = o.Produce.Select(p => new ProduceInputRow { Id = p.Id, Name = p.Name, NameEn = p.NameEn, Price = p.Price.Amount / 100m, Unit = p.Unit }).ToList(),
        Name = o.Name, NameEn = o.NameEn, Description = o.Description, DescriptionEn = o.DescriptionEn, Kind = o.Kind, Category = o.Category,
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
            slots ? null : MaxUnitsPerBooking ?? UnitRules.Default.MaxUnitsPerBooking,
            null,
            FilledExtraRows().Select(i => Extras[i]).Select(e => new ExtraBody(e.Id, e.Name!, Blank(e.NameEn), Fen(e.Price) ?? Money.Yuan(-1), e.Per, e.StockPerSession)).ToList(),
            FilledProduceRows().Select(i => Produce[i]).Select(p => new ProduceBody(p.Id, p.Name!, Blank(p.NameEn), p.Unit, Fen(p.Price) ?? Money.Yuan(-1))).ToList(),
            DescriptionEn ?? "");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static decimal? Yuan(Money? price) => price is { } p ? p.Amount / 100m : null;

    // Out-of-range amounts are kept out of range (not wrapped), so the validator names the field.
    private static Money? Fen(decimal? yuan) => yuan is { } y ? Money.Yuan((long)Math.Round(Math.Clamp(y, -1m, 1_000_000m) * 100m)) : null;
}

/// <summary>An extra's row on the offering form (price in yuan).</summary>
public sealed class ExtraInputRow
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public decimal? Price { get; set; }

    public ExtraPer Per { get; set; }

    public int? StockPerSession { get; set; }
}

/// <summary>A product's row on the offering form (price in yuan per unit).</summary>
public sealed class ProduceInputRow
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public decimal? Price { get; set; }

    public ProduceUnit Unit { get; set; }
}
