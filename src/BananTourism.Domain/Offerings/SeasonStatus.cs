namespace BananTourism.Domain.Offerings;

/// <summary>花期/果期 as the operator last posted it: flowers 未开放/花苞/盛花/尾期/结束, fruit 未熟/挂果/成熟/尾果/结束.</summary>
public enum SeasonStatus
{
    NotYet,
    Budding,
    Peak,
    Ending,
    Over,
}

/// <summary>The season line of an offering: what the operator said and when. Shown for 14 days after it was posted,
/// after which it is presumed stale and hidden until the next post.</summary>
public sealed record SeasonLine(SeasonStatus Status, string Note, string? NoteEn, DateTimeOffset UpdatedAt)
{
    public static readonly TimeSpan ShownFor = TimeSpan.FromDays(14);

    public bool IsCurrent(DateTimeOffset now) => now - UpdatedAt <= ShownFor;

    /// <summary>Worth going for now: in full bloom or ripe, or in its last days.</summary>
    public bool InSeason(DateTimeOffset now) => IsCurrent(now) && Status is SeasonStatus.Peak or SeasonStatus.Ending;

    /// <summary>Whether an offering's season is told in fruit words: picking, unless what is picked is a flower (roses,
    /// chrysanthemums: the name says so, 花, 菊 or 玫瑰).</summary>
    public static bool IsFruit(BananTourism.Domain.Venues.Category category, string name) =>
        category == BananTourism.Domain.Venues.Category.Picking && !name.Contains('花') && !name.Contains('菊') && !name.Contains("玫瑰", StringComparison.Ordinal);

    /// <summary>The word tourists read, by what is in season: fruit or flowers.</summary>
    public static string Word(SeasonStatus status, bool fruit, bool english) => (status, fruit, english) switch
    {
        (SeasonStatus.NotYet, false, false) => "未开放",
        (SeasonStatus.Budding, false, false) => "花苞",
        (SeasonStatus.Peak, false, false) => "盛花",
        (SeasonStatus.Ending, false, false) => "尾期",
        (SeasonStatus.NotYet, true, false) => "未熟",
        (SeasonStatus.Budding, true, false) => "挂果",
        (SeasonStatus.Peak, true, false) => "成熟",
        (SeasonStatus.Ending, true, false) => "尾果",
        (SeasonStatus.Over, _, false) => "结束",
        (SeasonStatus.NotYet, _, true) => "Not yet",
        (SeasonStatus.Budding, false, true) => "Budding",
        (SeasonStatus.Peak, false, true) => "In full bloom",
        (SeasonStatus.Ending, false, true) => "Last blooms",
        (SeasonStatus.Budding, true, true) => "Fruit setting",
        (SeasonStatus.Peak, true, true) => "Ripe",
        (SeasonStatus.Ending, true, true) => "Last fruit",
        _ => "Season over",
    };
}
