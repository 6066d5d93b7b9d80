using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Reports;

/// <summary>One product of one offering on one date: how much was weighed out and what it brought, kept in the same
/// transaction as the receipt that counted it (or its void), so the produce report reads these rows, not receipts.</summary>
public sealed class ProduceDay
{
    private ProduceDay()
    {
    }

    public ProduceDay(Guid offeringId, DateOnly date, Guid produceId, string name, ProduceUnit unit, long quantityThousandths, long revenue)
    {
        OfferingId = offeringId;
        Date = date;
        ProduceId = produceId;
        Name = name;
        Unit = unit;
        QuantityThousandths = quantityThousandths;
        Revenue = revenue;
    }

    public Guid OfferingId { get; private set; }

    public DateOnly Date { get; private set; }

    public Guid ProduceId { get; private set; }

    /// <summary>The product's name when first weighed that day.</summary>
    public string Name { get; private set; } = "";

    public ProduceUnit Unit { get; private set; }

    public long QuantityThousandths { get; private set; }

    /// <summary>Fen.</summary>
    public long Revenue { get; private set; }
}
