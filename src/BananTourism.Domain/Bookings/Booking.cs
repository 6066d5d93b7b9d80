using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Bookings;

/// <summary>订单: a party's reservation of a slot, or of units over a range of nights. The total and the
/// cancellation policy are copied at booking time, so later edits of the offering never change it.
/// Status changes are guarded transitions in the database (<c>WHERE Status = @expected</c>); the methods here
/// only build new bookings and compute what a transition would mean.</summary>
public sealed class Booking
{
    private readonly List<BookingLine> _lines = [];

    private Booking()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Short human reference for support and the operator's list (e.g. BT-7K3M9QXD).</summary>
    public string Reference { get; private set; } = "";

    public Guid TouristId { get; private set; }

    public Guid OfferingId { get; private set; }

    public Guid VenueId { get; private set; }

    public OfferingKind Kind { get; private set; }

    public Guid? SlotId { get; private set; }

    /// <summary>The visit date: the slot's date, or the check-in date of a stay.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Exclusive end date: the day after a slot, or the check-out date of a stay.</summary>
    public DateOnly EndDate { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    /// <summary>When the visit starts, for the cancellation policy and no-shows.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public int? Units { get; private set; }

    public int Adults { get; private set; }

    public int Children { get; private set; }

    public int PartySize => Adults + Children;

    /// <summary>Fen, CNY: tickets or nights and extras.</summary>
    public long Total { get; private set; }

    /// <summary>The part of <see cref="Total"/> that is extras, which reports count apart from tickets.</summary>
    public long ExtrasTotal { get; private set; }

    public BookingStatus Status { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public PaymentStatus PaymentStatus { get; private set; }

    /// <summary>Fen actually received online (less what moves gave back, plus balances paid online); what a refund is
    /// computed from.</summary>
    public long AmountPaid { get; private set; }

    /// <summary>Fen received by the first payment (<see cref="PaymentIntentId"/>): the most that payment can give back.</summary>
    public long FirstPaymentAmount { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public string VerificationCode { get; private set; } = "";

    public int FreeCancelHoursBefore { get; private set; }

    public int RefundPercentAfter { get; private set; }

    /// <summary>The offering's reschedule policy, copied at booking time like the cancellation policy.</summary>
    public int RescheduleFreeHoursBefore { get; private set; } = ReschedulePolicy.Default.FreeUntilHoursBefore;

    public int MaxReschedules { get; private set; } = ReschedulePolicy.Default.MaxReschedules;

    /// <summary>How many times it has been moved.</summary>
    public int RescheduleCount { get; private set; }

    /// <summary>Where it was before its last move: the slot (or none, for a stay) and the dates.</summary>
    public Guid? RescheduledFromSlotId { get; private set; }

    public DateOnly? RescheduledFromDate { get; private set; }

    public DateOnly? RescheduledFromEndDate { get; private set; }

    /// <summary>Why the venue closed its session or nights and offered a move instead of cancelling (闭园改期), while the
    /// offer stands; see <see cref="MoveOfferUntil"/>.</summary>
    public string? MoveOfferReason { get; private set; }

    /// <summary>The last day (venue time) its tourist may move it free of the reschedule policy; not moved by the end
    /// of that day, it is cancelled and refunded in full.</summary>
    public DateOnly? MoveOfferUntil { get; private set; }

    /// <summary>Fen still to pay for a move to a dearer session of a booking paid online: at the gate, or online.</summary>
    public long BalanceDue { get; private set; }

    public string ContactName { get; private set; } = "";

    public string ContactPhone { get; private set; } = "";

    public string? ContactEmail { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>"zh" or "en": the language the tourist booked in, which every message about this booking is written in.</summary>
    public string Language { get; private set; } = "zh";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public long RefundAmount { get; private set; }

    public RefundStatus RefundStatus { get; private set; }

    /// <summary>The provider's payment (a Stripe PaymentIntent) for an online booking, once created.</summary>
    public string? PaymentIntentId { get; private set; }

    /// <summary>What the tourist's page needs to complete that payment; only meaningful while held.</summary>
    public string? PaymentClientSecret { get; private set; }

    /// <summary>The provider's refund, once requested.</summary>
    public string? RefundId { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public int? CheckedInHeadcount { get; private set; }

    public IReadOnlyList<BookingLine> Lines => _lines;

    /// <summary>Each extra chosen and how many, which each of its dates' stock gives.</summary>
    public IEnumerable<ExtraChoice> ExtrasChosen =>
        _lines.Where(l => l.Kind == LineKind.Extra).GroupBy(l => l.ExtraId!.Value).Select(g => new ExtraChoice(g.Key, g.First().Quantity));

    public CancellationPolicy Policy => new(FreeCancelHoursBefore, RefundPercentAfter);

    /// <summary>Nights of a stay, as each night's date; a slot's single date.</summary>
    public IEnumerable<DateOnly> Dates =>
        Enumerable.Range(0, EndDate.DayNumber - Date.DayNumber).Select(Date.AddDays);

    public static Booking ForSlot(
        BookingDraft draft, Slot slot, IReadOnlyList<BookingLine> lines, DateTimeOffset now, TimeSpan holdFor)
    {
        var booking = New(draft, lines, now, holdFor);
        booking.Kind = OfferingKind.TimeSlot;
        booking.SlotId = slot.Id;
        booking.Date = slot.Date;
        booking.EndDate = slot.Date.AddDays(1);
        booking.StartTime = slot.Start;
        booking.EndTime = slot.End;
        booking.StartsAt = VenueTime.ToInstant(slot.Date, slot.Start);
        return booking;
    }

    public static Booking ForStay(
        BookingDraft draft, DateOnly checkIn, DateOnly checkOut, int units, IReadOnlyList<BookingLine> lines,
        DateTimeOffset now, TimeSpan holdFor)
    {
        var booking = New(draft, lines, now, holdFor);
        booking.Kind = OfferingKind.Nightly;
        booking.Date = checkIn;
        booking.EndDate = checkOut;
        booking.Units = units;
        booking.StartsAt = VenueTime.ToInstant(checkIn, CheckInTime);
        return booking;
    }

    /// <summary>A past visit brought in from records kept before this service (the district's visitor history):
    /// paid at the gate, and either checked in with its party or a no-show.</summary>
    public static Booking Historical(
        Guid id, string reference, string verificationCode, Guid touristId, Offering offering, DateOnly date, int adults, int children,
        long total, bool cameIn, DateTimeOffset createdAt)
    {
        var booking = new Booking
        {
            Id = id,
            Reference = reference,
            VerificationCode = verificationCode,
            TouristId = touristId,
            OfferingId = offering.Id,
            VenueId = offering.VenueId,
            Kind = offering.Kind,
            Date = date,
            EndDate = date.AddDays(1),
            Units = offering.Kind == OfferingKind.Nightly ? 1 : null,
            StartsAt = VenueTime.ToInstant(date, CheckInTime),
            Adults = adults,
            Children = children,
            Total = total,
            Status = cameIn ? BookingStatus.CheckedIn : BookingStatus.NoShow,
            PaymentMethod = PaymentMethod.PayOnArrival,
            PaymentStatus = PaymentStatus.PayOnArrival,
            FreeCancelHoursBefore = offering.CancellationPolicy.FreeUntilHoursBefore,
            RefundPercentAfter = offering.CancellationPolicy.RefundPercentAfter,
            ContactName = "历史记录",
            ContactPhone = "13800000000",
            CreatedAt = createdAt,
            CheckedInAt = cameIn ? VenueTime.ToInstant(date, new TimeOnly(10, 0)) : null,
            CheckedInHeadcount = cameIn ? adults + children : null,
        };
        booking._lines.Add(new BookingLine(date, LineKind.Adult, adults + children, total / (adults + children)));
        return booking;
    }

    /// <summary>Stays start at the usual 14:00 check-in, which is when the cancellation policy counts to.</summary>
    public static readonly TimeOnly CheckInTime = new(14, 0);

    /// <summary>The refund a cancellation at <paramref name="now"/> gives, or null when it is too late.
    /// Only money received online comes back; a pay-on-arrival booking has paid nothing.</summary>
    public long? RefundIfCancelledAt(DateTimeOffset now) => Policy.RefundFor(AmountPaid, StartsAt, now);

    public bool IsOnlinePayment => PaymentMethod != PaymentMethod.PayOnArrival;

    /// <summary>Why it may not be moved at <paramref name="now"/>, or null when it may: confirmed, not moved
    /// <see cref="MaxReschedules"/> times already, and at least <see cref="RescheduleFreeHoursBefore"/> hours before it starts.</summary>
    public Error? RescheduleRefusalAt(DateTimeOffset now)
    {
        if (!BookingTransition.Reschedule.Allows(Status))
        {
            return BookingErrors.NotReschedulable("Only a confirmed booking can be moved.");
        }

        if (HasMoveOfferAt(now))
        {
            return null; // the venue closed it: one move, free of the policy's deadline and count
        }

        if (RescheduleCount >= MaxReschedules)
        {
            return BookingErrors.NotReschedulable($"It has been moved {RescheduleCount} times already, the most this offering allows.");
        }

        return StartsAt - now >= TimeSpan.FromHours(RescheduleFreeHoursBefore)
            ? null
            : BookingErrors.NotReschedulable($"Bookings can be moved until {RescheduleFreeHoursBefore} hours before they start.");
    }

    /// <summary>Whether the venue's offer to move it (after closing its session) stands at <paramref name="now"/>: until
    /// the end of <see cref="MoveOfferUntil"/> in the venue's time.</summary>
    public bool HasMoveOfferAt(DateTimeOffset now) =>
        Status == BookingStatus.Confirmed && MoveOfferUntil is { } until && VenueTime.Today(now) <= until;

    /// <summary>Whether an offer to move it has run out unused at <paramref name="now"/>: then it is cancelled and refunded in full.</summary>
    public bool MoveOfferEndedAt(DateTimeOffset now) =>
        Status == BookingStatus.Confirmed && MoveOfferUntil is { } until && VenueTime.Today(now) > until;

    /// <summary>Moves it to <paramref name="slot"/> (a time-slot booking), re-priced: the code, the party and the
    /// payment stay. Returns the fen to give back (a cheaper session of a booking paid online); a dearer one leaves
    /// the difference as <see cref="BalanceDue"/>.</summary>
    public long MoveToSlot(Slot slot, IReadOnlyList<BookingLine> lines, DateTimeOffset now)
    {
        Remember(now);
        SlotId = slot.Id;
        Date = slot.Date;
        EndDate = slot.Date.AddDays(1);
        StartTime = slot.Start;
        EndTime = slot.End;
        StartsAt = VenueTime.ToInstant(slot.Date, slot.Start);
        return Reprice(lines);
    }

    /// <summary>Moves a stay to other nights, the same units and party, re-priced (as <see cref="MoveToSlot"/>).</summary>
    public long MoveToNights(DateOnly checkIn, DateOnly checkOut, IReadOnlyList<BookingLine> lines, DateTimeOffset now)
    {
        Remember(now);
        Date = checkIn;
        EndDate = checkOut;
        StartsAt = VenueTime.ToInstant(checkIn, CheckInTime);
        return Reprice(lines);
    }

    private void Remember(DateTimeOffset now)
    {
        if (HasMoveOfferAt(now))
        {
            // The venue's move is free: it does not use up one of the tourist's own.
            MaxReschedules++;
        }

        MoveOfferReason = null;
        MoveOfferUntil = null;
        RescheduledFromSlotId = SlotId;
        RescheduledFromDate = Date;
        RescheduledFromEndDate = EndDate;
        RescheduleCount++;
    }

    /// <summary>The new price. Paid online: what was paid beyond it comes back (the returned fen), what it lacks is
    /// due (and any payment page opened for an earlier balance is void). On arrival: the gate takes the new price.</summary>
    private long Reprice(IReadOnlyList<BookingLine> lines)
    {
        Total = lines.Sum(l => l.Amount);
        ExtrasTotal = ExtrasIn(lines);
        _lines.Clear();
        _lines.AddRange(lines);
        if (!IsOnlinePayment)
        {
            return 0;
        }

        var refund = Math.Max(0, AmountPaid - Total);
        AmountPaid -= refund;
        BalanceDue = Total - AmountPaid;
        PaymentClientSecret = null;
        return refund;
    }

    /// <summary>What moving to a place costing <paramref name="newTotal"/> means for the money: positive, to pay;
    /// negative, to give back. Paid online, against what was paid (a balance still unpaid is not paid back); on arrival,
    /// against the price the gate would have taken.</summary>
    public long RescheduleDifference(long newTotal) => IsOnlinePayment ? newTotal - AmountPaid : newTotal - Total;

    /// <summary>What cancelling by the tourist at <paramref name="now"/> would mean, or null when it may not be
    /// cancelled (its status, or the visit has begun).</summary>
    public CancellationTerms? CancellationAt(DateTimeOffset now)
    {
        // Closed by the venue with a move offered: the tourist may still decline it and get everything back.
        var refundDue = HasMoveOfferAt(now) ? AmountPaid : RefundIfCancelledAt(now);
        if (!BookingTransition.Cancel.Allows(Status) || refundDue is not { } refund)
        {
            return null;
        }

        var payment = AmountPaid == 0 ? PaymentStatus.Voided
            : refund == AmountPaid ? PaymentStatus.Refunded
            : PaymentStatus.PartiallyRefunded;
        return new CancellationTerms(refund, payment, refund > 0 ? RefundStatus.Pending : RefundStatus.NotRequired);
    }

    private static long ExtrasIn(IEnumerable<BookingLine> lines) => lines.Where(l => l.Kind == LineKind.Extra).Sum(l => l.Amount);

    private static Booking New(BookingDraft draft, IReadOnlyList<BookingLine> lines, DateTimeOffset now, TimeSpan holdFor)
    {
        var online = draft.PaymentMethod != PaymentMethod.PayOnArrival;
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(now),
            Reference = draft.Reference,
            TouristId = draft.TouristId,
            OfferingId = draft.Offering.Id,
            VenueId = draft.Offering.VenueId,
            Adults = draft.Adults,
            Children = draft.Children,
            Total = lines.Sum(l => l.Amount),
            ExtrasTotal = ExtrasIn(lines),
            PaymentMethod = draft.PaymentMethod,
            Status = online ? BookingStatus.Held : BookingStatus.Confirmed,
            PaymentStatus = online ? PaymentStatus.Pending : PaymentStatus.PayOnArrival,
            ExpiresAt = online ? now + holdFor : null,
            VerificationCode = draft.VerificationCode,
            FreeCancelHoursBefore = draft.Offering.CancellationPolicy.FreeUntilHoursBefore,
            RefundPercentAfter = draft.Offering.CancellationPolicy.RefundPercentAfter,
            RescheduleFreeHoursBefore = draft.Offering.ReschedulePolicy.FreeUntilHoursBefore,
            MaxReschedules = draft.Offering.ReschedulePolicy.MaxReschedules,
            ContactName = draft.Contact.Name.Trim(),
            ContactPhone = draft.Contact.Phone.Trim(),
            ContactEmail = draft.Contact.Email?.Trim(),
            Notes = draft.Notes?.Trim(),
            Language = draft.Language == "en" ? "en" : "zh",
            CreatedAt = now,
        };
        booking._lines.AddRange(lines);
        return booking;
    }
}

/// <summary>What every new booking needs, whichever kind it is.</summary>
public sealed record BookingDraft(
    Guid TouristId,
    Offering Offering,
    int Adults,
    int Children,
    Contact Contact,
    PaymentMethod PaymentMethod,
    string? Notes,
    string Reference,
    string VerificationCode,
    string Language = "zh");

public sealed record Contact(string Name, string Phone, string? Email);

/// <summary>A cancellation's money: the refund in fen and the payment and refund statuses it leaves.</summary>
public sealed record CancellationTerms(long Refund, PaymentStatus PaymentStatus, RefundStatus RefundStatus);
