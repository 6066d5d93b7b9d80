namespace BananTourism.Domain.Venues;

/// <summary>WGS-84 coordinates of a venue's entrance.</summary>
public sealed record GeoPoint(double Latitude, double Longitude);
