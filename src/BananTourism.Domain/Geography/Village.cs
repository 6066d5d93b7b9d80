namespace BananTourism.Domain.Geography;

/// <summary>村: belongs to one township; venues sit in a village.</summary>
public sealed class Village
{
    private Village()
    {
    }

    internal Village(Guid id, Guid townshipId, string name, string nameEn)
    {
        Id = id;
        TownshipId = townshipId;
        Name = name;
        NameEn = nameEn;
    }

    public Guid Id { get; private set; }

    public Guid TownshipId { get; private set; }

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";
}
