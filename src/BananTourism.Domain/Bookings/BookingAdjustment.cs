namespace BananTourism.Domain.Bookings;

/// <summary>Money that moved after a booking's first payment, because it was moved (改期): a balance paid online for a
/// dearer session, or the difference given back for a cheaper one. Each is its own provider call with its own
/// idempotency key (<see cref="IdempotencyKey"/>), so retries never charge or refund twice.</summary>
public sealed class BookingAdjustment
{
    private BookingAdjustment()
    {
    }

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    public AdjustmentKind Kind { get; private set; }

    /// <summary>Fen, CNY; always positive.</summary>
    public long Amount { get; private set; }

    /// <summary>Which move of the booking it belongs to (its reschedule count after the move); 0 for the parts of a
    /// cancellation's refund paid back from a balance's own payment.</summary>
    public int Occurrence { get; private set; }

    /// <summary>A refund larger than what one payment can give back is split over several: their order.</summary>
    public int Part { get; private set; }

    /// <summary>The balance's own PaymentIntent; for a refund, the PaymentIntent it pays back from.</summary>
    public string? IntentId { get; private set; }

    /// <summary>The provider's refund, once asked for.</summary>
    public string? RefundId { get; private set; }

    public AdjustmentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>The part number of a balance paid back whole because it was paid when no longer owed.</summary>
    public const int ReturnedBalancePart = 99;

    public string IdempotencyKey => Kind == AdjustmentKind.Balance
        ? $"booking:{BookingId}:balance:{Occurrence}"
        : $"booking:{BookingId}:refund:{Occurrence}:{Part}";

    public static BookingAdjustment Balance(Guid bookingId, long amount, int occurrence, DateTimeOffset now) =>
        New(bookingId, AdjustmentKind.Balance, amount, occurrence, 0, null, now);

    public static BookingAdjustment Refund(Guid bookingId, long amount, int occurrence, int part, string intentId, DateTimeOffset now) =>
        New(bookingId, AdjustmentKind.Refund, amount, occurrence, part, intentId, now);

    private static BookingAdjustment New(
        Guid bookingId, AdjustmentKind kind, long amount, int occurrence, int part, string? intentId, DateTimeOffset now) =>
        amount <= 0
            ? throw new ArgumentOutOfRangeException(nameof(amount), amount, "An adjustment moves some money.")
            : new BookingAdjustment
            {
                Id = Guid.CreateVersion7(now),
                BookingId = bookingId,
                Kind = kind,
                Amount = amount,
                Occurrence = occurrence,
                Part = part,
                IntentId = intentId,
                Status = AdjustmentStatus.Pending,
                CreatedAt = now,
            };
}

public enum AdjustmentKind
{
    /// <summary>The tourist pays the difference for a dearer session, online.</summary>
    Balance = 1,

    /// <summary>The difference for a cheaper session, paid back.</summary>
    Refund = 2,
}

public enum AdjustmentStatus
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>A balance no longer owed (moved again, paid at the gate, or cancelled) before it was paid.</summary>
    Canceled = 3,
}

/// <summary>A payment a booking's money came in by: its first PaymentIntent, or a balance's; and what of it may still be
/// paid back.</summary>
public sealed record PaymentSource(string IntentId, long Refundable);

/// <summary>Which payments a refund is paid back from: the first payment first, then the balances in the order paid,
/// each no more than it can still give back (a provider refunds a payment up to its amount).</summary>
public static class RefundAllocation
{
    public static IReadOnlyList<(string IntentId, long Amount)> Split(long amount, IEnumerable<PaymentSource> sources)
    {
        var parts = new List<(string, long)>();
        foreach (var source in sources)
        {
            if (amount <= 0)
            {
                break;
            }

            var part = Math.Min(amount, source.Refundable);
            if (part > 0)
            {
                parts.Add((source.IntentId, part));
                amount -= part;
            }
        }

        return amount > 0
            ? throw new InvalidOperationException($"{amount} fen more to refund than was paid.")
            : parts;
    }
}
