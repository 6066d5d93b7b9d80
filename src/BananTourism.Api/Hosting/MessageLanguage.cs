using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace BananTourism.Api.Hosting;

/// <summary>The language an API client wants its tourist's messages in: the most preferred of Accept-Language
/// that we write (Chinese or English), else the request's culture (the pages' cookie or ?culture=), else Chinese.</summary>
public static class MessageLanguage
{
    public static string Of(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        if (preferred is not null)
        {
            return preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
        }

        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh";
    }
}
