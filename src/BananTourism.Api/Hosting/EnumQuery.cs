using System.Text.Json;

namespace BananTourism.Api.Hosting;

/// <summary>An enum in the query string, spelled as in JSON (<c>category=farmStay</c>, any case). Numbers and
/// unknown names fail binding, which answers 400 naming the parameter.</summary>
public readonly record struct EnumQuery<T>(T Value)
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> Names = Enum.GetValues<T>()
        .ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);

    public static bool TryParse(string? value, out EnumQuery<T> result)
    {
        if (value is not null && Names.TryGetValue(value.Trim(), out var parsed))
        {
            result = new EnumQuery<T>(parsed);
            return true;
        }

        result = default;
        return false;
    }
}
