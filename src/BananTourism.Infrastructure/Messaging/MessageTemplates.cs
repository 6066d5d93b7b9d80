using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>The message texts, as Liquid files a non-programmer can edit (<c>Templates/{template}.{zh|en}.{part}.liquid</c>,
/// part = subject, text, html or sms), rendered with Fluid. Parsed once per file; a missing language falls back to
/// Chinese. The values are the message's data plus <c>baseUrl</c>; HTML parts encode them.</summary>
public sealed class MessageTemplates(NotificationOptions options)
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate?> _parsed = new();
    private readonly string _folder = options.TemplatesDirectory ?? Path.Combine(AppContext.BaseDirectory, "Templates");

    public bool Has(string template, string part) => Find(template, "zh", part) is not null;

    /// <summary>The rendered part, or null when the template has no such part.</summary>
    public string? Render(string template, string language, string part, IReadOnlyDictionary<string, string?> data)
    {
        var parsed = Find(template, language, part) ?? Find(template, "zh", part);
        if (parsed is null)
        {
            return null;
        }

        var context = new TemplateContext();
        foreach (var (key, value) in data)
        {
            context.SetValue(key, value ?? "");
        }

        context.SetValue("baseUrl", options.PublicBaseUrl.TrimEnd('/'));
        return part == "html" ? parsed.Render(context, HtmlEncoder.Default).Trim() : parsed.Render(context).Trim();
    }

    private IFluidTemplate? Find(string template, string language, string part) =>
        _parsed.GetOrAdd($"{template}.{language}.{part}", name =>
        {
            var path = Path.Combine(_folder, name + ".liquid");
            if (!File.Exists(path))
            {
                return null;
            }

            return Parser.TryParse(File.ReadAllText(path), out var parsed, out var error)
                ? parsed
                : throw new InvalidOperationException($"Message template {path} does not parse: {error}");
        });
}
