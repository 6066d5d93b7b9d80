using System.Text.Json;

namespace BananTourism.Benchmarks;

internal static class Shared
{
    public static readonly Uri BookingsUri = new("/api/v1/bookings", UriKind.Relative);
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
