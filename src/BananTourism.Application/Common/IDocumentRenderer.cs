namespace BananTourism.Application.Common;

/// <summary>Draws what a tourist downloads: QR tickets and calendar files (library adapters in Infrastructure).</summary>
public interface IDocumentRenderer
{
    /// <summary>An SVG QR code of <paramref name="text"/>.</summary>
    string QrSvg(string text);

    /// <summary>An iCalendar (RFC 5545) file of the given events.</summary>
    string Calendar(string name, IEnumerable<CalendarEntry> entries);
}

/// <summary>A timed event (<see cref="Start"/>/<see cref="End"/> instants) or an all-day one (<see cref="AllDayFrom"/>
/// to the exclusive <see cref="AllDayTo"/>).</summary>
public sealed record CalendarEntry(
    string Uid,
    string Summary,
    string Description,
    string Location,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    DateOnly? AllDayFrom,
    DateOnly? AllDayTo,
    DateTimeOffset Stamp);

public sealed record FileContent(string ContentType, string FileName, string Content);
