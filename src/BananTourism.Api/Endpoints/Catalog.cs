using BananTourism.Api.Hosting;
using BananTourism.Application.Catalog;
using BananTourism.Application.Catalog.GetAvailability;
using BananTourism.Application.Catalog.GetOffering;
using BananTourism.Application.Catalog.GetTownships;
using BananTourism.Application.Catalog.GetVenue;
using BananTourism.Application.Catalog.GetVenueCrowd;
using BananTourism.Application.Catalog.ListOfferings;
using BananTourism.Application.Catalog.ListVenues;
using BananTourism.Application.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Anonymous browsing: townships, venues, offerings, live availability.</summary>
public sealed class Catalog : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Catalog").AllowAnonymous();
        group.MapGet("/townships", GetTownships).WithName(nameof(GetTownships))
            .WithDescription("Banan's townships (镇街) and their villages, with English names.");
        group.MapGet("/venues", ListVenues).WithName(nameof(ListVenues))
            .WithDescription("Venues, filtered by township, village, category or text (`q`), a page at a time, with their photos.");
        group.MapGet("/venues/{id:guid}", GetVenue).WithName(nameof(GetVenue))
            .WithDescription("A venue with its photos and its published offerings (photos, season, stars).");
        group.MapGet("/venues/{id:guid}/crowd", GetVenueCrowd).WithName(nameof(GetVenueCrowd))
            .WithDescription("Today's crowd level of a venue (comfortable, busy, crowded, closed), fresh within 30 s.");
        group.MapGet("/offerings", ListOfferings).WithName(nameof(ListOfferings))
            .WithDescription("Published offerings; with `date` (and `partySize`) only those with room that day and how much; `inSeason=true` for what is at its peak or ending now.");
        group.MapGet("/offerings/{id:guid}", GetOffering).WithName(nameof(GetOffering))
            .WithDescription("An offering: prices, cancellation and rescheduling rules, extras, produce, photos, season and stars.");
        group.MapGet("/offerings/{id:guid}/availability", GetAvailability).WithName(nameof(GetAvailability))
            .WithDescription("Sessions (time slots) or nights between `from` and `to`, each with places left, its price and whether it is open, sold out or closed.");
    }

    public static async Task<Results<Ok<IReadOnlyList<TownshipDto>>, ProblemHttpResult>> GetTownships(
        ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetTownships(), ct)).ToOk();

    public static async Task<Results<Ok<PagedList<VenueSummary>>, ProblemHttpResult>> ListVenues(
        Guid? townshipId, Guid? villageId, EnumQuery<Category>? category, string? q, int? page, int? pageSize,
        ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListVenues(townshipId, villageId, category?.Value, q, page, pageSize), ct)).ToOk();

    public static async Task<Results<Ok<VenueDetail>, ProblemHttpResult>> GetVenue(
        Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetVenue(id), ct)).ToOk();

    /// <summary>Today's crowd level; fresh each second at most (what a tourist checks before driving up).</summary>
    public static async Task<Results<Ok<VenueCrowd>, ProblemHttpResult>> GetVenueCrowd(
        Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "public, max-age=30";
        return (await sender.Send(new GetVenueCrowd(id), ct)).ToOk();
    }

    public static async Task<Results<Ok<PagedList<OfferingSummary>>, ProblemHttpResult>> ListOfferings(
        EnumQuery<Category>? category, Guid? townshipId, Guid? villageId, Guid? venueId, DateOnly? date, int? partySize,
        string? q, int? page, int? pageSize, bool? inSeason, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListOfferings(category?.Value, townshipId, villageId, venueId, date, partySize, q, page, pageSize, inSeason), ct)).ToOk();

    public static async Task<Results<Ok<OfferingDetail>, ProblemHttpResult>> GetOffering(
        Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetOffering(id), ct)).ToOk();

    public static async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> GetAvailability(
        Guid id, DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetAvailability(id, from, to), ct)).ToOk();
}
