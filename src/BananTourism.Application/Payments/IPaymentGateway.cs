using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;

namespace BananTourism.Application.Payments;

/// <summary>The payment provider (Stripe) as the use cases need it. Every call that creates or changes money
/// carries an idempotency key derived from the booking, so retries never charge or refund twice.</summary>
public interface IPaymentGateway
{
    /// <summary>False where no provider keys are configured: then only pay-on-arrival is offered.</summary>
    bool Enabled { get; }

    Task<Result<PaymentIntentInfo>> CreateIntentAsync(Booking booking, CancellationToken ct);

    /// <summary>A second payment for a booking: the balance a move to a dearer session left due.</summary>
    Task<Result<PaymentIntentInfo>> CreateBalanceIntentAsync(Booking booking, long amount, string idempotencyKey, CancellationToken ct);

    /// <summary>The payment of a weigh-out receipt: produce taken home, paid from the booking page.</summary>
    Task<Result<PaymentIntentInfo>> CreateWeighOutIntentAsync(Booking booking, Guid weighOutId, long amount, CancellationToken ct);

    Task<Result<PaymentIntentInfo>> GetIntentAsync(string intentId, CancellationToken ct);

    Task<Result<PaymentIntentInfo>> CancelIntentAsync(string intentId, string idempotencyKey, CancellationToken ct);

    Task<Result<RefundInfo>> RefundAsync(string intentId, long amount, string idempotencyKey, CancellationToken ct);

    /// <summary>Verifies the signature and reads the event; an invalid or stale signature is an error.</summary>
    Result<PaymentEvent> ReadEvent(string payload, string? signatureHeader);
}

public enum IntentState
{
    /// <summary>Waiting for the tourist (requires_payment_method / requires_action / requires_confirmation).</summary>
    Open,
    Processing,
    Succeeded,
    Canceled,
}

public sealed record PaymentIntentInfo(string Id, IntentState State, long Amount, long AmountReceived, string? ClientSecret, Guid? BookingId)
{
    /// <summary>The balance of a move (a booking's second payment), not its first payment.</summary>
    public bool IsBalance { get; init; }

    /// <summary>The weigh-out receipt it pays, when it pays one (not a booking).</summary>
    public Guid? WeighOutId { get; init; }
}

public sealed record RefundInfo(string Id, RefundStatus Status);

/// <summary>A provider event, used only as a trigger: the current state is fetched before acting.</summary>
/// <param name="CreatedAt">When the provider created the event, for the webhook lag figure.</param>
public sealed record PaymentEvent(string Id, string Type, string? IntentId, string? RefundId, RefundStatus? RefundStatus, DateTimeOffset? CreatedAt = null);

public static class PaymentErrors
{
    public static readonly Error Unavailable = Error.Unavailable(
        "payment_provider_unavailable", "The payment provider did not answer; the booking is kept and payment can be retried.");

    public static readonly Error OnlinePaymentUnavailable = Error.Unprocessable(
        "online_payment_unavailable", "Online payment is not available here; choose payOnArrival.");

    public static readonly Error BadSignature = Error.Validation("Stripe-Signature", "The signature is missing, invalid or too old.");

    public static readonly Error NotPayable = Error.Conflict("not_payable", "Only a held booking awaiting online payment can be paid.");
}
