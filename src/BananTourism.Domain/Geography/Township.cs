namespace BananTourism.Domain.Geography;

/// <summary>镇/街道: the unit an officer is responsible for.</summary>
public sealed class Township
{
    private readonly List<Village> _villages = [];

    private Township()
    {
    }

    public Township(Guid id, string name, string nameEn)
    {
        Id = id;
        Name = name;
        NameEn = nameEn;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public IReadOnlyList<Village> Villages => _villages;

    public Village AddVillage(Guid id, string name, string nameEn)
    {
        var village = new Village(id, Id, name, nameEn);
        _villages.Add(village);
        return village;
    }
}
