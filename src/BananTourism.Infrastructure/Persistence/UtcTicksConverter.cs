using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BananTourism.Infrastructure.Persistence;

/// <summary>Stores an instant as its UTC ticks, read back as UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
