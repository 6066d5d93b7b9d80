using BananTourism.Api.Hosting;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications.ListMyMessages;
using BananTourism.Application.Notifications.ListOutbox;
using BananTourism.Application.Notifications.RetryMessage;
using BananTourism.Application.Notifications.SetNotificationPreferences;
using BananTourism.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Messages to people: each person's own, their channels, and the administrator's outbox.</summary>
public sealed class Messages : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Messages").RequireAuthorization();
        me.MapGet("/notifications", ListMyMessages).WithName(nameof(ListMyMessages));
        me.MapPut("/notification-preferences", SetNotificationPreferences).WithName(nameof(SetNotificationPreferences));
        var admin = app.MapGroup("/api/v1/admin/outbox").WithTags("Admin").RequireAuthorization(AuthSetup.Admin);
        admin.MapGet("", ListOutbox).WithName(nameof(ListOutbox));
        admin.MapPost("/{id:guid}/retry", RetryMessage).WithName(nameof(RetryMessage));
    }

    /// <summary>Messages to me, newest first: pending, sent or failed (subject and body once sent).</summary>
    public static async Task<Results<Ok<PagedList<MessageDto>>, ProblemHttpResult>> ListMyMessages(
        int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListMyMessages(page, pageSize), ct)).ToOk();

    /// <summary>Email, SMS and the day-before reminder on or off; confirmations, cancellations and closures ignore reminders.</summary>
    public static async Task<Results<Ok<NotificationPreferences>, ProblemHttpResult>> SetNotificationPreferences(
        SetNotificationPreferences command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    /// <summary>The outbox with attempts and the last error, newest first; <c>status=failed</c> for what needs a look.</summary>
    public static async Task<Results<Ok<PagedList<OutboxItemDto>>, ProblemHttpResult>> ListOutbox(
        EnumQuery<MessageStatus>? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListOutbox(status?.Value, page, pageSize), ct)).ToOk();

    /// <summary>202: a failed message is due again now, with a fresh round of attempts.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> RetryMessage(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetryMessage(id), ct)).Match<Results<Accepted, ProblemHttpResult>>(
            _ => TypedResults.Accepted((string?)null), errors => errors.ToProblem());
}
