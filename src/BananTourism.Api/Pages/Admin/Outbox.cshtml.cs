using BananTourism.Api.Hosting;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications.ListOutbox;
using BananTourism.Application.Notifications.RetryMessage;
using BananTourism.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Admin;

/// <summary>The administrator's outbox: failed messages first, each with its attempts, last error and a retry.</summary>
[Authorize(Policy = AuthSetup.Admin)]
public sealed class OutboxModel(ISender sender) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; } = "failed";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<OutboxItemDto> Items { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        await sender.Send(new RetryMessage(id), ct);
        return RedirectToPage(new { status = StatusFilter });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        MessageStatus? status = StatusFilter switch
        {
            "pending" => MessageStatus.Pending,
            "sent" => MessageStatus.Sent,
            "failed" => MessageStatus.Failed,
            "skipped" => MessageStatus.Skipped,
            _ => null,
        };
        Items = (await sender.Send(new ListOutbox(status, PageNumber, PageSize), ct)).Value;
    }
}
