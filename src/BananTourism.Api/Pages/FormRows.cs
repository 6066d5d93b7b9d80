using System.Globalization;
using BananTourism.Domain.Common;

namespace BananTourism.Api.Pages;

/// <summary>Lists on forms: the rows left empty are not sent, so the use case's "extras[1]" may be the form's third row.</summary>
public static class FormRows
{
    /// <summary>An error about item k of <paramref name="list"/>, named after that item's row on the form
    /// (<paramref name="rows"/>[k]); a <paramref name="from"/> suffix (a hidden field) is shown at <paramref name="to"/>.</summary>
    public static Error OnTheForm(Error error, string list, IReadOnlyList<int> rows, string? from = null, string? to = null)
    {
        var prefix = list + "[";
        if (error.Field is not { } field || !field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return error;
        }

        var end = field.IndexOf(']', StringComparison.Ordinal);
        if (end < 0 || !int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k >= rows.Count)
        {
            return error;
        }

        var rest = field[(end + 1)..];
        return error with { Field = $"{list}[{rows[k]}]" + (from is not null && to is not null && rest == from ? to : rest) };
    }
}
