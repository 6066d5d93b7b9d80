namespace BananTourism.Domain.Calendar;

/// <summary>A Chinese public holiday (法定节假日) date, on which holiday prices apply.</summary>
public sealed class Holiday
{
    private Holiday()
    {
    }

    public Holiday(DateOnly date, string name)
    {
        Date = date;
        Name = name;
    }

    public DateOnly Date { get; private set; }

    public string Name { get; private set; } = "";
}
