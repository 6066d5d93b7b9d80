namespace BananTourism.Application.Visits;

public sealed record WalkInDto(Guid Id, Guid VenueId, DateOnly Date, int Count, Guid RecordedBy, DateTimeOffset RecordedAt);
