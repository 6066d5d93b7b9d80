using BananTourism.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BananTourism.Api.Pages;

/// <summary>A form's errors in the page's language: each under its field where the form has that field,
/// the rest above the form.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public List<string> General { get; } = [];

    public bool Any => _byField.Count > 0 || General.Count > 0;

    public string? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>The fields with an error, for the summary above the form.</summary>
    public IReadOnlyCollection<string> InvalidFields => _byField.Keys;

    /// <summary>Errors from the use case; <paramref name="fields"/> are the field names this form shows.</summary>
    public FormErrors Add(IEnumerable<Error> errors, IReadOnlyCollection<string> fields)
    {
        foreach (var error in errors)
        {
            var text = UiText.ErrorText(error);
            if (error.Field is { } field && fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                _byField.TryAdd(field, text);
            }
            else
            {
                General.Add(text);
            }
        }

        return this;
    }

    /// <summary>Values that did not even bind (letters in a number field, a date that is not a date).</summary>
    public bool AddBindingErrors(ModelStateDictionary state, string prefix = "Input.")
    {
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count > 0)
            {
                var field = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
                _byField.TryAdd(FieldName(field), UiText.T("InvalidValue"));
            }
        }

        return Any;
    }

    private static string FieldName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
