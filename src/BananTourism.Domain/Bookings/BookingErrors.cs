using BananTourism.Domain.Common;

namespace BananTourism.Domain.Bookings;

public static class BookingErrors
{
    public static readonly Error NotFound = Error.NotFound("not_found", "The booking does not exist.");

    public static readonly Error SlotNotFound = Error.NotFound("not_found", "The slot does not exist for this offering.");

    public static readonly Error SoldOut = Error.Conflict("sold_out", "There is not enough room left for this party.");

    public static readonly Error ExtraSoldOut = Error.Conflict(
        "extra_sold_out", "An extra chosen has none left for this session; book without it, or fewer.");

    public static readonly Error Closed = Error.Conflict("closed", "The operator has closed this date.");

    public static readonly Error DailyCapReached = Error.Conflict(
        "daily_cap_reached", "The venue has reached its ecological carrying capacity (最大承载量) for this day.");

    public static readonly Error NotOnSale = Error.Conflict("not_on_sale", "Some of these nights are not on sale.");

    public static readonly Error AlreadyStarted = Error.Conflict("already_started", "This session or stay has already started.");

    public static readonly Error NotCancellable = Error.Conflict(
        "not_cancellable", "This booking can no longer be cancelled: it has started, or it is not held or confirmed.");

    public static Error NotReschedulable(string why) => Error.Conflict("not_reschedulable", why);

    public static readonly Error TooManyHolds = Error.Conflict(
        "too_many_holds", "You already have the maximum number of unpaid bookings; pay or cancel one first.");

    public static readonly Error NotConfirmed = Error.Conflict(
        "not_confirmed", "The booking is not confirmed, so it has no ticket yet.");

    public static readonly Error PayOnArrivalNotAllowed = Error.Conflict(
        "pay_on_arrival_not_allowed", "This offering does not take payment on arrival for this party: pay online.");

    public static Error PayOnArrivalLimit(int max) => Error.Conflict(
        "pay_on_arrival_limit", $"Bookings paid on arrival may hold at most {max} people per visit date for one tourist: pay online, or cancel another booking for that date.");

    public static readonly Error PhoneNotVerified = Error.Forbidden(
        "phone_not_verified", "Verify your mobile number first (POST /api/v1/me/phone/code, then /verify).");

    public static Error PartySize(int? min, int? max) => Error.Unprocessable(
        "party_size_not_allowed", $"This offering takes parties of {min ?? 1} to {max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any number of"} people.");

    public static Error MinNights(int min) => Error.Unprocessable(
        "min_nights_not_met", $"This stay needs at least {min} nights.");

    public static Error WrongKind(string field, string message) => Error.Validation(field, message);
}
