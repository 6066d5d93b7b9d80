using BananTourism.Domain.Common;

namespace BananTourism.Domain.Venues;

/// <summary>How full a venue is today, for tourists deciding whether to drive up and for the township's board.</summary>
public enum CrowdLevel
{
    Comfortable,
    Busy,
    Crowded,

    /// <summary>Nothing open today: every session and night closed, or none on offer and no daily cap.</summary>
    Closed,
}

/// <summary>A venue's thresholds of utilization (people today ÷ the day's capacity): at or above <see cref="Busy"/> it is
/// busy, at or above <see cref="Crowded"/> crowded. Compared in decimal, so 51 people of 85 at 0.6 is busy exactly.</summary>
public sealed record CrowdThresholds(decimal Busy, decimal Crowded)
{
    public static readonly CrowdThresholds Default = new(0.6m, 0.85m);

    /// <summary>Thresholds must be above 0, busy below crowded, crowded at most 1 (full).</summary>
    public Error? Check() =>
        Busy <= 0 || Busy >= 1 ? Error.Validation("crowdThresholds.busy", "Busy is a share of the day's capacity above 0 and below 1 (0.6).")
        : Crowded <= Busy || Crowded > 1 ? Error.Validation("crowdThresholds.crowded", "Crowded is above busy and at most 1 (0.85).")
        : null;

    /// <summary>The level of <paramref name="people"/> (booked and walk-ins) against <paramref name="capacity"/>.</summary>
    public CrowdLevel LevelOf(int people, int capacity, bool closed) =>
        closed ? CrowdLevel.Closed
        : capacity <= 0 ? (people > 0 ? CrowdLevel.Crowded : CrowdLevel.Comfortable)
        : people >= Crowded * capacity ? CrowdLevel.Crowded
        : people >= Busy * capacity ? CrowdLevel.Busy
        : CrowdLevel.Comfortable;

    /// <summary>People ÷ capacity to four decimals (0 without capacity).</summary>
    public static decimal Utilization(int people, int capacity) =>
        capacity <= 0 ? 0 : Math.Round((decimal)people / capacity, 4, MidpointRounding.AwayFromZero);
}
