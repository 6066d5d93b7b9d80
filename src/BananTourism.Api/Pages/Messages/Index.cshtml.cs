using BananTourism.Application.Common;
using BananTourism.Application.Notifications.ListMyMessages;
using BananTourism.Application.Notifications.SetNotificationPreferences;
using BananTourism.Application.Notifications.GetNotificationPreferences;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Messages;

/// <summary>"My messages" for every role: what the service sent me, and how it may reach me.</summary>
[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public bool Email { get; set; }

    [BindProperty]
    public bool Sms { get; set; }

    [BindProperty]
    public bool Reminders { get; set; }

    public bool Saved { get; private set; }

    public PagedList<MessageDto> Messages { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        Saved = (await sender.Send(new SetNotificationPreferences(Email, Sms, Reminders), ct)).IsSuccess;
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Messages = (await sender.Send(new ListMyMessages(PageNumber, PageSize), ct)).Value;
        var me = (await sender.Send(new GetNotificationPreferences(), ct)).Value;
        (Email, Sms, Reminders) = (me.Email, me.Sms, me.Reminders);
    }
}
