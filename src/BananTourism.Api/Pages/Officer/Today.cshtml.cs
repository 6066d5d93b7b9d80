using BananTourism.Application.Catalog;
using BananTourism.Application.Catalog.GetTownships;
using BananTourism.Application.Reports;
using BananTourism.Application.Reports.GetToday;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Officer;

/// <summary>今日实况: every venue of the officer's township (an admin's district, or one township) as a tile coloured by
/// its crowd level, with booked, arrived, to come, walk-ins and what remains, following the live stream.</summary>
public sealed class TodayModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? TownshipId { get; set; }

    public TodayReport Report { get; private set; } = null!;

    public IReadOnlyList<TownshipDto> Townships { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public string StreamUrl => "/today/stream" + (TownshipId is { } t ? $"?townshipId={t}" : "");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Townships = (await sender.Send(new GetTownships(), ct)).Value;
        var report = await sender.Send(new GetToday(TownshipId), ct);
        if (!report.IsSuccess)
        {
            Errors.Add(report.Errors, []);
            TownshipId = null;
            report = await sender.Send(new GetToday(null), ct);
        }

        Report = report.Value;
    }
}
