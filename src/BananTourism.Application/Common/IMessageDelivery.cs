using BananTourism.Domain.Common;

namespace BananTourism.Application.Common;

/// <summary>The outbox's delivery, for the few changes that must not wait for the dispatcher's next look.</summary>
public interface IMessageDelivery
{
    /// <summary>Tells this process's dispatcher that messages were just queued (after their transaction committed).</summary>
    void Wake();

    /// <summary>Sends one queued message now, once, while the caller waits: a phone code, whose tourist hears at once
    /// if the provider refused it. A message another dispatcher already holds counts as on its way. A refused one is
    /// marked failed, not retried: the tourist asks for a new code instead.</summary>
    Task<Result<Success>> SendNowAsync(Guid messageId, CancellationToken ct);

    /// <summary>The subject and body a message will have, for one still pending; secrets masked.</summary>
    (string? Subject, string? Body) Preview(Domain.Notifications.OutboxMessage message);
}
