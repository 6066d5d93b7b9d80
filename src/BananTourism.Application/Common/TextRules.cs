using FluentValidation;

namespace BananTourism.Application.Common;

/// <summary>Shape rules for text that others will read: in pages, calendar files, exports.</summary>
public static class TextRules
{
    /// <summary>A one-line name: no control characters (tab, CR, LF, NUL, bidi overrides…), which can break CSV rows,
    /// calendar files and page layouts, or disguise a name.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(IsForbidden)).WithMessage("A name is one line of text without control characters.");

    /// <summary>Multi-line text (descriptions): line breaks and tabs are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(c => c is not ('\n' or '\r' or '\t') && IsForbidden(c)))
            .WithMessage("The text contains control characters.");

    private static bool IsForbidden(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
