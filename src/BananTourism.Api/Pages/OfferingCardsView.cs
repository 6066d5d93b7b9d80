using BananTourism.Application.Catalog;

namespace BananTourism.Api.Pages;

/// <summary>Cards of the home and venue pages: cover photo, season badge, from-price, stars.</summary>
public sealed record OfferingCardsView(IReadOnlyList<OfferingSummary> Offerings, IReadOnlyDictionary<Guid, string>? VenueNames, DateOnly? Date);
