using BananTourism.Domain.Common;

namespace BananTourism.Domain.Venues;

/// <summary>项目/经营点: a place run by one operator, with an optional ecological daily cap (最大承载量).</summary>
public sealed class Venue
{
    private Venue()
    {
    }

    public Guid Id { get; private set; }

    public Guid OperatorId { get; private set; }

    public Guid VillageId { get; private set; }

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public string Description { get; private set; } = "";

    public string? DescriptionEn { get; private set; }

    /// <summary>Bit mask of <see cref="Category"/>; see <see cref="CategoryMask"/>.</summary>
    public int Categories { get; private set; }

    /// <summary>Visitors per day across all offerings; null means no cap.</summary>
    public int? DailyCap { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Utilization from which the venue shows busy (see <see cref="Crowd"/>).</summary>
    public decimal CrowdBusy { get; private set; } = CrowdThresholds.Default.Busy;

    /// <summary>Utilization from which the venue shows crowded and the township is alerted.</summary>
    public decimal CrowdCrowded { get; private set; } = CrowdThresholds.Default.Crowded;

    public CrowdThresholds Crowd => new(CrowdBusy, CrowdCrowded);

    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lng ? new GeoPoint(lat, lng) : null;

    public IReadOnlyList<Category> CategoryList => CategoryMask.Split(Categories);

    public static Venue Create(
        Guid operatorId, Guid villageId, VenueDetails details, DateTimeOffset now)
    {
        var venue = new Venue
        {
            Id = Guid.CreateVersion7(now),
            OperatorId = operatorId,
            CreatedAt = now,
        };
        venue.Apply(villageId, details);
        return venue;
    }

    public void Update(Guid villageId, VenueDetails details) => Apply(villageId, details);

    private void Apply(Guid villageId, VenueDetails details)
    {
        VillageId = villageId;
        Name = details.Name;
        NameEn = details.NameEn;
        Description = details.Description;
        DescriptionEn = details.DescriptionEn is null ? DescriptionEn : details.DescriptionEn.Trim() is { Length: > 0 } english ? english : null;
        Categories = CategoryMask.Of(details.Categories);
        DailyCap = details.DailyCap;
        Latitude = details.Location?.Latitude;
        Longitude = details.Location?.Longitude;
        if (details.Crowd is { } crowd)
        {
            (CrowdBusy, CrowdCrowded) = (crowd.Busy, crowd.Crowded);
        }
    }
}

/// <summary>The fields an operator edits on a venue.</summary>
public sealed record VenueDetails(
    string Name,
    string? NameEn,
    string Description,
    IReadOnlyCollection<Category> Categories,
    int? DailyCap,
    GeoPoint? Location,
    CrowdThresholds? Crowd = null,
    string? DescriptionEn = null);

public static class VenueErrors
{
    public static readonly Error NotFound = Error.NotFound("not_found", "The venue does not exist.");

    public static readonly Error UnknownVillage = Error.Validation("villageId", "The village does not exist.");
}
