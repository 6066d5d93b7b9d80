namespace BananTourism.Domain.Notifications;

public enum MessageChannel
{
    Email = 0,
    Sms = 1,
}

public enum MessageStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>No longer due: a reminder for a booking cancelled before its time.</summary>
    Skipped = 3,
}

/// <summary>A message to a person, written in the same transaction as the change that causes it and delivered
/// afterwards by the dispatcher. <see cref="DedupKey"/> is unique in the database (e.g.
/// <c>bookingConfirmed:{bookingId}:email</c>), so one event never queues a second copy. The text is rendered when it
/// is sent, from <see cref="Data"/> (the template's values as JSON), so queueing costs the booking almost nothing.</summary>
public sealed class OutboxMessage
{
    public const int DedupKeyLength = 200;
    public const int TemplateLength = 40;
    public const int ToLength = 254;
    public const int ErrorLength = 1000;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string DedupKey { get; private set; } = "";

    public string Template { get; private set; } = "";

    public MessageChannel Channel { get; private set; }

    /// <summary>The account it is for (its "my messages"); null for an address without an account.</summary>
    public Guid? UserId { get; private set; }

    public string To { get; private set; } = "";

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public string Language { get; private set; } = "zh";

    public Guid? BookingId { get; private set; }

    public string Data { get; private set; } = "{}";

    public MessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not sent before this instant: now for most, 18:00 the day before for a reminder, later after a failure.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>A dispatcher working on it holds it until then; after that another may take it.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

    /// <summary>Which claim holds the lease: a dispatcher takes a batch with one UPDATE and reads back what is its own.</summary>
    public Guid? LeaseOwner { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>As sent (rendered at sending), for "my messages" and the admin's outbox.</summary>
    public string? Subject { get; private set; }

    public string? Body { get; private set; }

    /// <summary>The phone code: its text is a secret, so what is kept of it (and shown in "my messages") is masked.</summary>
    public const string PhoneCode = "phoneCode";

    public bool CarriesSecret => Template == PhoneCode;

    public static OutboxMessage Queue(
        string dedupKey, string template, MessageChannel channel, Guid? userId, string to, string language,
        Guid? bookingId, string data, DateTimeOffset now, DateTimeOffset? dueAt = null, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now), // time-ordered: new rows append to the primary key's index instead of touching a random page each
        DedupKey = dedupKey,
        Template = template,
        Channel = channel,
        UserId = userId,
        To = to,
        Language = language == "en" ? "en" : "zh",
        BookingId = bookingId,
        Data = data,
        Status = MessageStatus.Pending,
        CreatedAt = now,
        DueAt = dueAt ?? now,
    };
}
