using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications.ListMyMessages;

/// <summary>Messages to the caller, newest first. Subject and body are the text as sent, or as it will be sent while
/// pending; a phone code's code is masked either way.</summary>
[Allowed(Caller.SignedIn)]
public sealed record ListMyMessages(int? Page, int? PageSize) : IQuery<Result<PagedList<MessageDto>>>, IPaged;

public sealed record MessageDto(
    Guid Id, string Template, string Channel, string To, string? Subject, string? Body, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, Guid? BookingId);

public sealed class ListMyMessagesHandler(IAppDbContext db, ICurrentUser currentUser, IMessageDelivery delivery) : IQueryHandler<ListMyMessages, Result<PagedList<MessageDto>>>
{
    public async ValueTask<Result<PagedList<MessageDto>>> Handle(ListMyMessages query, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var mine = db.Outbox.AsNoTracking().Where(m => m.UserId == me && m.Status != MessageStatus.Skipped);
        var page = query.PageOrDefault();
        var size = query.PageSizeOrDefault();
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<MessageDto>(rows.Select(ToDto).ToList(), page, size, total);
    }

    private MessageDto ToDto(OutboxMessage m)
    {
        var (subject, body) = m.Body is null ? delivery.Preview(m) : (m.Subject, m.Body);
        return new MessageDto(
            m.Id, m.Template, m.Channel == MessageChannel.Email ? "email" : "sms", m.To, subject, body,
            m.Status switch { MessageStatus.Sent => "sent", MessageStatus.Failed => "failed", _ => "pending" },
            m.CreatedAt, m.SentAt, m.BookingId);
    }
}

public sealed class ListMyMessagesValidator : AbstractValidator<ListMyMessages>
{
    public ListMyMessagesValidator() => this.RulesForPaging();
}
