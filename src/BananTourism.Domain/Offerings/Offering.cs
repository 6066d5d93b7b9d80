using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;

namespace BananTourism.Domain.Offerings;

/// <summary>产品: something bookable at a venue, by time slot or by night.</summary>
public sealed class Offering
{
    private readonly List<Extra> _extras = [];
    private readonly List<ProduceItem> _produce = [];

    private Offering()
    {
    }

    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public string Description { get; private set; } = "";

    public OfferingKind Kind { get; private set; }

    public Category Category { get; private set; }

    public PriceList Prices { get; private set; } = null!;

    public int? MinParty { get; private set; }

    public int? MaxParty { get; private set; }

    public int? MinNights { get; private set; }

    public CancellationPolicy CancellationPolicy { get; private set; } = null!;

    public PayOnArrivalRule PayOnArrival { get; private set; } = null!;

    public ReschedulePolicy ReschedulePolicy { get; private set; } = null!;

    /// <summary>People per unit and units per booking; meaningful for stays only.</summary>
    public UnitRules Units { get; private set; } = null!;

    public bool Published { get; private set; }

    /// <summary>What may be added to a booking (gear, breakfast, a cooking table).</summary>
    public IReadOnlyList<Extra> Extras => _extras;

    /// <summary>The price list of what is weighed or counted at the exit.</summary>
    public IReadOnlyList<ProduceItem> Produce => _produce;

    public DateTimeOffset CreatedAt { get; private set; }

    public string? DescriptionEn { get; private set; }

    public SeasonStatus? SeasonStatus { get; private set; }

    public string? SeasonNote { get; private set; }

    public string? SeasonNoteEn { get; private set; }

    public DateTimeOffset? SeasonUpdatedAt { get; private set; }

    /// <summary>Visible reviews: how many, and their stars added up (the average is their quotient), kept in the
    /// transactions that add, hide or show a review, so a card never counts reviews.</summary>
    public int RatingCount { get; private set; }

    public int RatingSum { get; private set; }

    /// <summary>The season as last posted, whatever its age (<see cref="SeasonLine.IsCurrent"/> says whether to show it).</summary>
    public SeasonLine? Season => SeasonStatus is { } status && SeasonUpdatedAt is { } at ? new SeasonLine(status, SeasonNote ?? "", SeasonNoteEn, at) : null;

    public void PostSeason(SeasonStatus status, string note, string? noteEn, DateTimeOffset now)
    {
        SeasonStatus = status;
        SeasonNote = note.Trim();
        SeasonNoteEn = string.IsNullOrWhiteSpace(noteEn) ? null : noteEn.Trim();
        SeasonUpdatedAt = now;
    }

    public static Offering Create(Guid venueId, OfferingKind kind, OfferingDetails details, DateTimeOffset now)
    {
        var offering = new Offering
        {
            Id = Guid.CreateVersion7(now),
            VenueId = venueId,
            Kind = kind,
            CreatedAt = now,
        };
        offering.Apply(details);
        return offering;
    }

    /// <summary>Edits never touch existing bookings: a booking keeps the total it was made with.</summary>
    public Result<Success> Update(OfferingKind kind, OfferingDetails details)
    {
        if (kind != Kind)
        {
            return OfferingErrors.KindCannotChange;
        }

        Apply(details);
        return Success.Value;
    }

    private void Apply(OfferingDetails details)
    {
        Name = details.Name;
        NameEn = details.NameEn;
        Description = details.Description;
        DescriptionEn = details.DescriptionEn is null ? DescriptionEn : details.DescriptionEn.Trim() is { Length: > 0 } english ? english : null;
        Category = details.Category;
        Prices = details.Prices;
        MinParty = details.MinParty;
        MaxParty = details.MaxParty;
        MinNights = details.MinNights;
        CancellationPolicy = details.CancellationPolicy;
        // Not given: an edit keeps what the operator set before; a new offering takes its kind's defaults.
        PayOnArrival = details.PayOnArrival ?? PayOnArrival ?? PayOnArrivalRule.DefaultFor(Kind);
        Units = details.Units ?? Units ?? UnitRules.Default;
        ReschedulePolicy = details.ReschedulePolicy ?? ReschedulePolicy ?? ReschedulePolicy.Default;
        Published = details.Published;
        if (details.Extras is { } extras)
        {
            _extras.Clear();
            _extras.AddRange(extras);
        }

        if (details.Produce is { } produce)
        {
            _produce.Clear();
            _produce.AddRange(produce);
        }
    }
}

/// <summary>The fields an operator edits on an offering. The pay-on-arrival and unit rules, the extras and the produce
/// price list, where not given, stay as they were (or take the kind's defaults, or none, on a new offering).</summary>
public sealed record OfferingDetails(
    string Name,
    string? NameEn,
    string Description,
    Category Category,
    PriceList Prices,
    int? MinParty,
    int? MaxParty,
    int? MinNights,
    CancellationPolicy CancellationPolicy,
    bool Published,
    PayOnArrivalRule? PayOnArrival = null,
    UnitRules? Units = null,
    ReschedulePolicy? ReschedulePolicy = null,
    IReadOnlyList<Extra>? Extras = null,
    IReadOnlyList<ProduceItem>? Produce = null,
    string? DescriptionEn = null);

public static class OfferingErrors
{
    public static readonly Error NotFound = Error.NotFound("not_found", "The offering does not exist.");

    public static readonly Error SlotNotFound = Error.NotFound("not_found", "The slot does not exist.");

    public static Error CapacityBelowReserved(int reserved) => Error.Conflict(
        "capacity_below_reserved", $"{reserved} places are already booked; the capacity cannot go below that.");

    public static readonly Error KindCannotChange = Error.Validation(
        "kind", "An offering's kind cannot change once created; create a new offering instead.");
}
