using BananTourism.Application.Catalog;
using BananTourism.Application.Catalog.GetTownships;
using BananTourism.Application.Catalog.ListOfferings;
using BananTourism.Application.Catalog.ListVenues;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages;

/// <summary>The tourists' home: townships, things to do, and a search by date and party size. Reads through the
/// same use cases as the API.</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PartySize { get; set; }

    [BindProperty(SupportsGet = true)]
    public Category? Category { get; set; }

    /// <summary>Only what is in bloom or ripe now (posted within 14 days).</summary>
    [BindProperty(SupportsGet = true)]
    public bool? InSeason { get; set; }

    public IReadOnlyList<TownshipDto> Townships { get; private set; } = [];

    public IReadOnlyList<VenueSummary> Venues { get; private set; } = [];

    /// <summary>Cards: every published offering, or those with room on <see cref="Date"/> when searching.</summary>
    public IReadOnlyList<OfferingSummary> Offerings { get; private set; } = [];

    public Dictionary<Guid, string> VenueNames { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VenueTime.Today(clock.GetUtcNow());
        Townships = (await sender.Send(new GetTownships(), ct)).Value;
        var venues = await sender.Send(new ListVenues(null, null, Category, null, 1, 100), ct);
        Venues = venues.IsSuccess ? venues.Value.Items : [];
        VenueNames = Venues.ToDictionary(v => v.Id, v => UiText.Name(v.Name, v.NameEn));
        var party = Date is null ? null : PartySize is >= 1 and <= 500 ? PartySize : 1;
        var found = await sender.Send(new ListOfferings(Category, null, null, null, Date, party, null, 1, 100, InSeason), ct);
        Offerings = found.IsSuccess ? found.Value.Items : [];
    }
}
