using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BananTourism.Api.Hosting;

public static class JsonSetup
{
    /// <summary>camelCase, enums as camelCase strings (no numbers), unknown fields rejected, explicit nulls in
    /// non-nullable fields rejected, nulls left out of answers, times of day as HH:mm.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new TimeOfDayConverter());
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.RespectNullableAnnotations = true;
        json.MaxDepth = 16;
    }

    private sealed class TimeOfDayConverter : JsonConverter<TimeOnly>
    {
        private static readonly string[] Formats = ["HH:mm", "HH:mm:ss"];

        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
            && TimeOnly.TryParseExact(reader.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw new JsonException("Expected a time of day as HH:mm.");

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
