using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications.ListOutbox;

/// <summary>The outbox for an administrator, newest first, optionally by status (failed ones are what to look at).</summary>
[Allowed(Caller.Admin)]
public sealed record ListOutbox(MessageStatus? Status, int? Page, int? PageSize) : IQuery<Result<PagedList<OutboxItemDto>>>, IPaged;

public sealed record OutboxItemDto(
    Guid Id, string Template, string Channel, string To, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, DateTimeOffset? SentAt, Guid? BookingId, string? Subject);

public sealed class ListOutboxHandler(IAppDbContext db) : IQueryHandler<ListOutbox, Result<PagedList<OutboxItemDto>>>
{
    public async ValueTask<Result<PagedList<OutboxItemDto>>> Handle(ListOutbox query, CancellationToken ct)
    {
        var rows = db.Outbox.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(m => m.Status == status);
        }

        var page = query.PageOrDefault();
        var size = query.PageSizeOrDefault();
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<OutboxItemDto>(items.Select(m => new OutboxItemDto(
            m.Id, m.Template, m.Channel == MessageChannel.Email ? "email" : "sms", m.To, StatusName(m.Status), m.Attempts, m.LastError,
            m.CreatedAt, m.DueAt, m.SentAt, m.BookingId, m.Subject)).ToList(), page, size, total);
    }

    public static string StatusName(MessageStatus status) => status switch
    {
        MessageStatus.Pending => "pending",
        MessageStatus.Sent => "sent",
        MessageStatus.Failed => "failed",
        MessageStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

public sealed class ListOutboxValidator : AbstractValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        this.RulesForPaging();
        RuleFor(q => q.Status).IsInEnum();
    }
}
