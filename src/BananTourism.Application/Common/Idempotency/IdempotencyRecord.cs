namespace BananTourism.Application.Common.Idempotency;

/// <summary>One Idempotency-Key of one user. The unique index on (UserId, Key) decides which of several
/// identical requests does the work; the record is completed in the same transaction as that work.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(Guid userId, string key, string requestHash, DateTimeOffset now, DateTimeOffset lockedUntil)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = now;
        LockedUntil = lockedUntil;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the request, so the same key with another body is refused.</summary>
    public string RequestHash { get; private set; } = "";

    public bool Completed { get; private set; }

    /// <summary>What the first request created (the booking), replayed to every retry.</summary>
    public Guid? ResourceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An unfinished claim older than this was abandoned (its process died) and may be taken over.</summary>
    public DateTimeOffset LockedUntil { get; private set; }

    public void Complete(Guid resourceId)
    {
        Completed = true;
        ResourceId = resourceId;
    }
}
