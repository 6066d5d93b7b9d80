using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;

namespace BananTourism.Application.Produce;

/// <summary>A receipt as the tourist and the operator see it (API.md's weigh-out shape).</summary>
public sealed record WeighOutDto(
    Guid Id, Guid BookingId, IReadOnlyList<WeighOutLineDto> Lines, Money Total, WeighOutPaymentDto Payment, DateTimeOffset CreatedAt,
    DateTimeOffset? VoidedAt);

/// <param name="Quantity">In the unit, up to three decimals (2.35 斤).</param>
public sealed record WeighOutLineDto(Guid ProduceId, string Name, string? NameEn, ProduceUnit Unit, decimal Quantity, Money UnitPrice, Money Amount);

/// <param name="ClientSecret">What completes an online payment: only for the booking's tourist, while it is pending.</param>
public sealed record WeighOutPaymentDto(Collect Method, WeighOutStatus Status, string? ClientSecret, Bookings.RefundDto? Refund);

public static class WeighOutViews
{
    public static WeighOutDto ToDto(this WeighOut w, bool showSecret) => new(
        w.Id,
        w.BookingId,
        w.Lines.Select(l => new WeighOutLineDto(
            l.ProduceId, l.Name, l.NameEn, l.Unit, new Quantity(l.QuantityThousandths).Value, Money.Yuan(l.UnitPrice), Money.Yuan(l.Amount))).ToList(),
        Money.Yuan(w.Total),
        new WeighOutPaymentDto(
            w.Collect, w.Status, showSecret && w.Status == WeighOutStatus.Pending ? w.PaymentClientSecret : null,
            w.RefundStatus == Domain.Bookings.RefundStatus.NotRequired ? null : new Bookings.RefundDto(w.Total, Money.Cny, w.RefundStatus)),
        w.CreatedAt,
        w.VoidedAt);
}

public static class WeighOutErrors
{
    public static readonly Error NotFound = Error.NotFound("not_found", "The receipt does not exist.");

    public static readonly Error NotCheckedIn = Error.Conflict(
        "not_checked_in", "Produce is weighed out for a booking checked in today: check it in first.");

    public static readonly Error TooLate = Error.Conflict(
        "too_late", "A receipt can be voided within 15 minutes of it; after that it stands.");

    public static readonly Error AlreadyVoided = Error.Conflict("already_voided", "The receipt is voided already.");

    public static readonly Error OnlineUnavailable = Error.Unprocessable(
        "online_payment_unavailable", "Online payment is not available here; collect at the stall (atGate).");

    public static readonly Error NoProduce = Error.Conflict("no_produce", "This offering has no produce price list: the operator sets one first.");
}
