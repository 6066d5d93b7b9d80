namespace BananTourism.Domain.Offerings;

/// <summary>改期: a confirmed booking may move to another session or other nights of the same offering until
/// <see cref="FreeUntilHoursBefore"/> hours before it starts, at most <see cref="MaxReschedules"/> times.</summary>
public sealed class ReschedulePolicy
{
    public static readonly ReschedulePolicy Default = new(24, 2);

    private ReschedulePolicy()
    {
    }

    public ReschedulePolicy(int freeUntilHoursBefore, int maxReschedules)
    {
        FreeUntilHoursBefore = freeUntilHoursBefore;
        MaxReschedules = maxReschedules;
    }

    public int FreeUntilHoursBefore { get; private set; }

    public int MaxReschedules { get; private set; }
}
