using BananTourism.Application.Catalog.GetTownships;
using BananTourism.Application.Venues;
using BananTourism.Application.Venues.CreateVenue;
using BananTourism.Application.Venues.UpdateVenue;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>Creates a venue (/operator/venues/new) or edits one of the operator's (/operator/venues/{id}/edit).</summary>
public sealed class VenueFormModel(ISender sender) : PageModel
{
    public static readonly string[] Fields =
        ["name", "nameEn", "description", "villageId", "categories", "dailyCap", "location.latitude", "location.longitude",
        "crowdThresholds.busy", "crowdThresholds.crowded"];

    [BindProperty]
    public VenueInput Input { get; set; } = new();

    public IReadOnlyList<TownshipDto> Townships { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Townships = (await sender.Send(new GetTownships(), ct)).Value;
        if (id is { } existing)
        {
            if (await Owned.VenueAsync(sender, existing, ct) is not { } venue)
            {
                return NotFound();
            }

            Input = new VenueInput
            {
                Name = venue.Name, NameEn = venue.NameEn, Description = venue.Description, DescriptionEn = venue.DescriptionEn, VillageId = venue.VillageId,
                Categories = [.. venue.Categories], DailyCap = venue.DailyCap,
                CrowdThresholds = new CrowdInput { Busy = venue.CrowdThresholds.Busy, Crowded = venue.CrowdThresholds.Crowded },
                Location = new GeoInput { Latitude = venue.Location?.Latitude, Longitude = venue.Location?.Longitude },
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Townships = (await sender.Send(new GetTownships(), ct)).Value;
        if (Errors.AddBindingErrors(ModelState))
        {
            return Page();
        }

        var (lat, lng) = (Input.Location.Latitude, Input.Location.Longitude);
        if ((lat is null) != (lng is null))
        {
            Errors.Add([Domain.Common.Error.Validation("location.latitude", "Give both latitude and longitude, or neither.")], Fields);
            return Page();
        }

        var body = new VenueBody(
            Input.Name ?? "", Input.NameEn, Input.Description ?? "", Input.VillageId ?? Guid.Empty, Input.Categories, Input.DailyCap,
            lat is { } latitude && lng is { } longitude ? new GeoPoint(latitude, longitude) : null,
            new CrowdThresholds(Input.CrowdThresholds.Busy ?? CrowdThresholds.Default.Busy, Input.CrowdThresholds.Crowded ?? CrowdThresholds.Default.Crowded),
            Input.DescriptionEn ?? "");
        var saved = id is { } existing
            ? await sender.Send(new UpdateVenue(existing, body), ct)
            : await sender.Send(new CreateVenue(body), ct);
        if (!saved.IsSuccess)
        {
            if (saved.FirstError.Kind == Domain.Common.ErrorKind.NotFound && saved.FirstError.Field is null && id is not null)
            {
                return NotFound();
            }

            Errors.Add(saved.Errors, Fields);
            return Page();
        }

        return Redirect("/operator");
    }
}

public sealed class VenueInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    public Guid? VillageId { get; set; }

    public List<Category> Categories { get; set; } = [];

    public int? DailyCap { get; set; }

    /// <summary>Nested so that its fields bind (and fail) as location.latitude and location.longitude, the names
    /// the use case gives its errors.</summary>
    public GeoInput Location { get; set; } = new();

    /// <summary>Bound as crowdThresholds.busy and crowdThresholds.crowded, the names the use case gives its errors.</summary>
    public CrowdInput CrowdThresholds { get; set; } = new();
}

public sealed class CrowdInput
{
    public decimal? Busy { get; set; } = Domain.Venues.CrowdThresholds.Default.Busy;

    public decimal? Crowded { get; set; } = Domain.Venues.CrowdThresholds.Default.Crowded;
}

public sealed class GeoInput
{
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
