using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications.RetryMessage;

/// <summary>Sends a failed message again (after the cause was fixed: the mail server, an address): it is pending and
/// due now, with a fresh round of attempts. A message not failed is left as it is (409).</summary>
[Allowed(Caller.Admin)]
public sealed record RetryMessage(Guid Id) : ICommand<Result<Success>>;

public sealed class RetryMessageHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RetryMessage, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(RetryMessage command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var retried = await db.Outbox.Where(m => m.Id == command.Id && m.Status == MessageStatus.Failed)
            .ExecuteUpdateAsync(m => m
                .SetProperty(x => x.Status, MessageStatus.Pending)
                .SetProperty(x => x.DueAt, now)
                .SetProperty(x => x.Attempts, 0)
                .SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), ct);
        if (retried == 1)
        {
            return Success.Value;
        }

        return await db.Outbox.AnyAsync(m => m.Id == command.Id, ct)
            ? Error.Conflict("not_failed", "Only a failed message can be retried; this one is pending or sent.")
            : Error.NotFound("not_found", "There is no such message.");
    }
}
