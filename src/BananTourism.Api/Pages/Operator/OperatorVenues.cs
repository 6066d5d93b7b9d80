using BananTourism.Application.Catalog;
using BananTourism.Application.Venues.ListMyVenues;
using Mediator;

namespace BananTourism.Api.Pages.Operator;

public static class OperatorVenues
{
    /// <summary>One of the signed-in operator's venues, or null when it is not theirs (the page answers 404).</summary>
    public static async Task<VenueSummary?> FindAsync(ISender sender, Guid id, CancellationToken ct) =>
        (await sender.Send(new ListMyVenues(), ct)).Value.FirstOrDefault(v => v.Id == id);
}
