namespace BananTourism.Domain.Offerings;

/// <summary>What an extra's price is multiplied by: the booking once, each person it is for, each night of a stay
/// (a breakfast), or each piece taken (a tent).</summary>
public enum ExtraPer
{
    Booking,
    Person,
    Night,
    Unit,
}

/// <summary>附加项目: something sold with a booking (a rod and bait, breakfast, a cooking table, camping gear), priced in
/// fen. <see cref="StockPerSession"/>, where set, is how many a session (a slot, or each night of a stay) has; taken
/// with the booking by a conditional UPDATE like capacity, so it is never oversold.</summary>
public sealed class Extra
{
    private Extra()
    {
    }

    public Extra(Guid id, string name, string? nameEn, long price, ExtraPer per, int? stockPerSession)
    {
        Id = id;
        Name = name;
        NameEn = nameEn;
        Price = price;
        Per = per;
        StockPerSession = stockPerSession;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public long Price { get; private set; }

    public ExtraPer Per { get; private set; }

    public int? StockPerSession { get; private set; }

    /// <summary>The most one booking may take: once per booking; per person or night, one each for the party; pieces, up to 20.</summary>
    public int MaxQuantity(int party) => Per switch
    {
        ExtraPer.Booking => 1,
        ExtraPer.Person or ExtraPer.Night => party,
        ExtraPer.Unit => 20,
    };
}
