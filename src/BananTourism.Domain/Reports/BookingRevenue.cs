using BananTourism.Domain.Bookings;

namespace BananTourism.Domain.Reports;

/// <summary>What a booking has brought the farm, and how much of it is extras, by one rule shared by the figures kept in
/// each transaction and by the rebuild that checks them.</summary>
public static class BookingRevenue
{
    /// <summary>Fen kept: received online less refunded, plus, once checked in, what the gate collected (the price of a
    /// booking paid on arrival, or a move's balance left unpaid online).</summary>
    public static long Net(long amountPaid, long refundAmount, BookingStatus status, PaymentMethod method, long total, long balanceDue) =>
        amountPaid - refundAmount + (status == BookingStatus.CheckedIn ? (method == PaymentMethod.PayOnArrival ? total : balanceDue) : 0);

    public static long Net(Booking b) => Net(b.AmountPaid, b.RefundAmount, b.Status, b.PaymentMethod, b.Total, b.BalanceDue);

    /// <summary>The extras' part of <paramref name="net"/>: in proportion to their part of the price, rounded toward zero
    /// (so a partial refund takes from extras and tickets alike, and tickets keep the odd fen).</summary>
    public static long ExtrasShare(long net, long total, long extrasTotal) =>
        total <= 0 || extrasTotal <= 0 ? 0 : (long)((Int128)net * extrasTotal / total);
}
