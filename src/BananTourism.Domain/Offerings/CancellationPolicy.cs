namespace BananTourism.Domain.Offerings;

/// <summary>Free cancellation until <see cref="FreeUntilHoursBefore"/> hours before the start; after that,
/// <see cref="RefundPercentAfter"/> percent of the total comes back; nothing can be cancelled once started.</summary>
public sealed class CancellationPolicy
{
    private CancellationPolicy()
    {
    }

    public CancellationPolicy(int freeUntilHoursBefore, int refundPercentAfter)
    {
        FreeUntilHoursBefore = freeUntilHoursBefore;
        RefundPercentAfter = refundPercentAfter;
    }

    public int FreeUntilHoursBefore { get; private set; }

    public int RefundPercentAfter { get; private set; }

    /// <summary>The refund in fen for cancelling at <paramref name="now"/>, or null when it is too late.</summary>
    public long? RefundFor(long total, DateTimeOffset start, DateTimeOffset now)
    {
        if (now >= start)
        {
            return null;
        }

        // Integer arithmetic rounds the partial refund down to the fen, in the operator's favour.
        return start - now >= TimeSpan.FromHours(FreeUntilHoursBefore)
            ? total
            : total * RefundPercentAfter / 100;
    }
}
