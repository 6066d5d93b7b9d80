namespace BananTourism.Domain.Offerings;

/// <summary>The unit produce is sold by at the exit: 斤 (500 g, how Chongqing's farms weigh), kilogram, stem, piece.</summary>
public enum ProduceUnit
{
    Jin,
    Kg,
    Stem,
    Piece,
}

/// <summary>An entry in an offering's produce price list (roses per stem, citrus per 斤, the catch cooked per 斤): what the
/// exit's scale sells, in fen per unit. Edits change later receipts only; a receipt keeps the price it was made with.</summary>
public sealed class ProduceItem
{
    private ProduceItem()
    {
    }

    public ProduceItem(Guid id, string name, string? nameEn, ProduceUnit unit, long price)
    {
        Id = id;
        Name = name;
        NameEn = nameEn;
        Unit = unit;
        Price = price;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public ProduceUnit Unit { get; private set; }

    /// <summary>Fen per unit.</summary>
    public long Price { get; private set; }

    /// <summary>Stems and pieces are counted, not weighed.</summary>
    public bool Counted => Unit is ProduceUnit.Stem or ProduceUnit.Piece;
}
