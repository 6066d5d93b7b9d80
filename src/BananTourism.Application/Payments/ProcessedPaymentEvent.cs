namespace BananTourism.Application.Payments;

/// <summary>A provider event that has been acted on. Its id is the primary key and is written in the same
/// transaction as the effect, so a duplicate delivery finds it and does nothing.</summary>
public sealed class ProcessedPaymentEvent
{
    private ProcessedPaymentEvent()
    {
    }

    public ProcessedPaymentEvent(string eventId, string type, DateTimeOffset processedAt)
    {
        EventId = eventId;
        Type = type;
        ProcessedAt = processedAt;
    }

    public string EventId { get; private set; } = "";

    public string Type { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}
