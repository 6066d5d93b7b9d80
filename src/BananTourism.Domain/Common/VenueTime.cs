namespace BananTourism.Domain.Common;

/// <summary>Calendar dates and times of day belong to the venue's zone, Asia/Shanghai. China has kept UTC+8
/// without daylight saving since 1991, so a fixed offset is exact for every date this service handles and does
/// not depend on the host having tz data installed.</summary>
public static class VenueTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), Offset);

    public static DateTimeOffset StartOfDay(DateOnly date) => ToInstant(date, TimeOnly.MinValue);
}
