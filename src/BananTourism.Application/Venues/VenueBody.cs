using BananTourism.Application.Catalog;
using BananTourism.Domain.Venues;
using BananTourism.Application.Common;
using FluentValidation;

namespace BananTourism.Application.Venues;

/// <summary>The fields of a venue an operator sends; nothing else (owner, id) can be set through it.</summary>
public sealed record VenueBody(
    string Name, string? NameEn, string Description, Guid VillageId, IReadOnlyList<Category> Categories, int? DailyCap, GeoPoint? Location,
    CrowdThresholds? CrowdThresholds = null, string? DescriptionEn = null)
{
    /// <summary>Thresholds left out keep what the venue has (0.6 and 0.85 for a new one).</summary>
    public VenueDetails ToDetails() =>
        new(Name.Trim(), NameEn?.Trim(), Description.Trim(), Categories.Distinct().ToArray(), DailyCap, Location, CrowdThresholds, DescriptionEn);
}

public sealed class VenueBodyValidator : AbstractValidator<VenueBody>
{
    public VenueBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(200).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("The name is blank.").SingleLine();
        RuleFor(b => b.NameEn).MaximumLength(200).SingleLine();
        RuleFor(b => b.Description).NotNull().MaximumLength(4000).PlainText();
        RuleFor(b => b.DescriptionEn).MaximumLength(4000).PlainText();
        RuleFor(b => b.VillageId).NotEmpty();
        RuleFor(b => b.Categories).NotEmpty().WithMessage("Give at least one category.")
            .Must(c => c.Count <= 6).WithMessage("At most six categories.");
        RuleForEach(b => b.Categories).IsInEnum();
        RuleFor(b => b.DailyCap).InclusiveBetween(1, 1_000_000);
        RuleFor(b => b.Location!.Latitude).InclusiveBetween(-90, 90).When(b => b.Location is not null);
        RuleFor(b => b.Location!.Longitude).InclusiveBetween(-180, 180).When(b => b.Location is not null);
        RuleFor(b => b.CrowdThresholds).Custom((t, context) =>
        {
            if (t?.Check() is { } wrong)
            {
                context.AddFailure(wrong.Field, wrong.Message);
            }
        });
    }
}

public static class VenueViews
{
    public static VenueSummary ToSummary(this Venue v, Guid townshipId) =>
        new(v.Id, v.Name, v.NameEn, v.Description, townshipId, v.VillageId, v.CategoryList, v.DailyCap, v.Location, v.Crowd) { DescriptionEn = v.DescriptionEn };
}
