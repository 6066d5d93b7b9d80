namespace BananTourism.Domain.Bookings;

/// <summary>One line of a booking's price: adults or children on a date, or units for one night. Stored with
/// its booking (as JSON), written and read in the same row.</summary>
public sealed class BookingLine
{
    private BookingLine()
    {
    }

    public BookingLine(DateOnly date, LineKind kind, int quantity, long unitPrice)
    {
        Date = date;
        Kind = kind;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Amount = checked(unitPrice * quantity);
    }

    public DateOnly Date { get; private set; }

    public LineKind Kind { get; private set; }

    public int Quantity { get; private set; }

    public long UnitPrice { get; private set; }

    public long Amount { get; private set; }
}

public enum LineKind
{
    Adult = 0,
    Child = 1,
    Night = 2,
}
