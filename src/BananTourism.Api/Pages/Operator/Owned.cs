using BananTourism.Application.Catalog;
using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.GetOwnedOffering;
using BananTourism.Application.Venues.ListMyVenues;
using Mediator;

namespace BananTourism.Api.Pages.Operator;

/// <summary>The signed-in operator's own venues and offerings; null for anyone else's (the page answers 404).</summary>
public static class Owned
{
    public static async Task<VenueSummary?> VenueAsync(ISender sender, Guid id, CancellationToken ct) =>
        (await sender.Send(new ListMyVenues(), ct)).Value.FirstOrDefault(v => v.Id == id);

    public static async Task<OperatorOffering?> OfferingAsync(ISender sender, Guid id, CancellationToken ct) =>
        await sender.Send(new GetOwnedOffering(id), ct) is { IsSuccess: true } found ? found.Value : null;
}
