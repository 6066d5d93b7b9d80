using BananTourism.Application.Catalog;

namespace BananTourism.Api.Pages;

/// <summary>A card of the home and venue pages: cover photo, season badge, from-price, stars.</summary>
public sealed record OfferingCardView(OfferingSummary Offering, string? VenueName, DateOnly? Date);
