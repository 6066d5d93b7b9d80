namespace BananTourism.Domain.Bookings;

/// <summary><c>held</c> → <c>confirmed</c> → <c>checkedIn</c>; <c>held</c> → <c>expired</c>;
/// <c>held</c>/<c>confirmed</c> → <c>cancelled</c>; <c>confirmed</c> → <c>noShow</c>.</summary>
public enum BookingStatus
{
    Held = 0,
    Confirmed = 1,
    CheckedIn = 2,
    Expired = 3,
    Cancelled = 4,
    NoShow = 5,
}

public static class BookingStatuses
{
    /// <summary>Statuses that hold capacity.</summary>
    public static readonly BookingStatus[] Active = [BookingStatus.Held, BookingStatus.Confirmed, BookingStatus.CheckedIn];
}

public enum PaymentMethod
{
    PayOnArrival = 0,
    Card = 1,
    Alipay = 2,
    WechatPay = 3,
}

public enum PaymentStatus
{
    /// <summary>到店付款: nothing is paid online; the operator collects at the gate.</summary>
    PayOnArrival = 0,

    /// <summary>Waiting for the online payment while the booking is held.</summary>
    Pending = 1,

    Paid = 2,
    Failed = 3,

    /// <summary>The hold ended (expired or cancelled) before any money arrived.</summary>
    Voided = 4,
    Refunded = 5,
    PartiallyRefunded = 6,
}

public enum RefundStatus
{
    /// <summary>Nothing was paid, so nothing goes back.</summary>
    NotRequired = 0,
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
}
