namespace BananTourism.Domain.Bookings;

/// <summary>Every change of a booking's status, declared once (rule 12): the statuses it may start from and the
/// status it ends in. What else moves with it is not listed per transition but follows from the two statuses through
/// <see cref="BookingStanding"/>: a transition that leaves a status holding places releases them, one that enters such a
/// status takes them, and so on for the day's "booked" figure and the tourist's counters. So no transition can forget
/// a side effect, and a new one (reschedule) gets them right by naming its statuses.</summary>
public sealed record BookingTransition(string Name, IReadOnlyList<BookingStatus> From, BookingStatus To)
{
    /// <summary>An online payment arrived for a held booking.</summary>
    public static readonly BookingTransition Pay = new("pay", [BookingStatus.Held], BookingStatus.Confirmed);

    /// <summary>The money came after the hold had expired, and the places were still free.</summary>
    public static readonly BookingTransition PayAfterExpiry = new("payAfterExpiry", [BookingStatus.Expired], BookingStatus.Confirmed);

    /// <summary>The money came after the hold had expired and the places were gone, or after a cancellation:
    /// it is refunded in full and the booking stays (or becomes) cancelled.</summary>
    public static readonly BookingTransition RefundLatePayment =
        new("refundLatePayment", [BookingStatus.Expired, BookingStatus.Cancelled], BookingStatus.Cancelled);

    /// <summary>An unpaid hold ran out, or its payment failed or was cancelled.</summary>
    public static readonly BookingTransition Expire = new("expire", [BookingStatus.Held], BookingStatus.Expired);

    /// <summary>The tourist cancelled.</summary>
    public static readonly BookingTransition Cancel = new("cancel", [BookingStatus.Held, BookingStatus.Confirmed], BookingStatus.Cancelled);

    /// <summary>The venue closed the session or night.</summary>
    public static readonly BookingTransition Close = new("close", [BookingStatus.Held, BookingStatus.Confirmed], BookingStatus.Cancelled);

    /// <summary>The party arrived at the gate.</summary>
    public static readonly BookingTransition CheckIn = new("checkIn", [BookingStatus.Confirmed], BookingStatus.CheckedIn);

    /// <summary>Nobody came.</summary>
    public static readonly BookingTransition NoShow = new("noShow", [BookingStatus.Confirmed], BookingStatus.NoShow);

    /// <summary>Moved to another session or other nights: the status stays; the places and the figures move.</summary>
    public static readonly BookingTransition Reschedule = new("reschedule", [BookingStatus.Confirmed], BookingStatus.Confirmed);

    public static readonly IReadOnlyList<BookingTransition> All =
        [Pay, PayAfterExpiry, RefundLatePayment, Expire, Cancel, Close, CheckIn, NoShow, Reschedule];

    public bool Allows(BookingStatus from) => From.Contains(from);

    /// <summary>What applying this transition to a booking now in <paramref name="from"/> moves besides its status.</summary>
    public TransitionEffects EffectsFrom(BookingStatus from, PaymentMethod method)
    {
        if (!Allows(from))
        {
            throw new InvalidOperationException($"The transition '{Name}' does not start from {from}.");
        }

        var before = BookingStanding.Of(from, method);
        var after = BookingStanding.Of(To, method);
        return new TransitionEffects(
            Places: Delta(before.HoldsPlaces, after.HoldsPlaces),
            Booked: Delta(before.CountsAsBooked, after.CountsAsBooked),
            UnpaidHold: Delta(before.IsUnpaidHold, after.IsUnpaidHold),
            PayOnArrivalPeople: Delta(before.AwaitsPaymentAtTheGate, after.AwaitsPaymentAtTheGate),
            ToCome: Delta(before.ExpectedToCome, after.ExpectedToCome));
    }

    private static int Delta(bool before, bool after) => (after ? 1 : 0) - (before ? 1 : 0);
}

/// <summary>+1 where the booking starts to count, −1 where it stops, 0 where nothing changes.</summary>
/// <param name="Places">The session's or nights' reserved places (and the venue's day).</param>
/// <param name="Booked">The day's "booked" figure in the reports.</param>
/// <param name="UnpaidHold">The tourist's count of unpaid holds.</param>
/// <param name="PayOnArrivalPeople">The tourist's people to pay for at the gate that day.</param>
/// <param name="ToCome">The day's "expected to come" figure (booked, not yet arrived) on today's board.</param>
public sealed record TransitionEffects(int Places, int Booked, int UnpaidHold, int PayOnArrivalPeople, int ToCome);

/// <summary>What a booking in a status counts towards. The one table all transitions' side effects come from.</summary>
/// <param name="ExpectedToCome">Booked and not yet come: only a confirmed booking (checked in, it has come; a no-show will not).</param>
public sealed record BookingStanding(bool HoldsPlaces, bool CountsAsBooked, bool IsUnpaidHold, bool AwaitsPaymentAtTheGate, bool ExpectedToCome)
{

    public static BookingStanding Of(BookingStatus status, PaymentMethod method) => status switch
    {
        BookingStatus.Held => new(HoldsPlaces: true, CountsAsBooked: false, IsUnpaidHold: true, AwaitsPaymentAtTheGate: false, ExpectedToCome: false),
        BookingStatus.Confirmed => new(true, true, false, method == PaymentMethod.PayOnArrival, true),
        BookingStatus.CheckedIn => new(true, true, false, false, false),

        // The session has begun: nothing is released, and the party still counts as booked (the reports compare
        // booked with came).
        BookingStatus.NoShow => new(true, true, false, false, false),
        BookingStatus.Expired => new(false, false, false, false, false),
        BookingStatus.Cancelled => new(false, false, false, false, false),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status the booking state machine does not know."),
    };
}
