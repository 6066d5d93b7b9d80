namespace BananTourism.Domain.Bookings;

/// <summary>One line of a booking's price: adults or children on a date, units for one night, or an extra (once, or
/// for one night of a stay). Stored with its booking (as JSON), written and read in the same row.</summary>
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

    /// <summary>An extra's line: its name is copied, so the booking reads the same after the offering is edited.</summary>
    public static BookingLine ForExtra(DateOnly date, Guid extraId, string name, string? nameEn, Offerings.ExtraPer per, int quantity, long unitPrice) =>
        new(date, LineKind.Extra, quantity, unitPrice) { ExtraId = extraId, Name = name, NameEn = nameEn, Per = per };

    public DateOnly Date { get; private set; }

    public LineKind Kind { get; private set; }

    public int Quantity { get; private set; }

    public long UnitPrice { get; private set; }

    public long Amount { get; private set; }

    /// <summary>For <see cref="LineKind.Extra"/>: which extra, its name then, and what it was priced per.</summary>
    public Guid? ExtraId { get; private set; }

    public string? Name { get; private set; }

    public string? NameEn { get; private set; }

    public Offerings.ExtraPer? Per { get; private set; }
}

public enum LineKind
{
    Adult = 0,
    Child = 1,
    Night = 2,
    Extra = 3,
}
