using System.Globalization;
using BananTourism.Domain.Common;
using Microsoft.Extensions.Localization;

namespace BananTourism.Api.Pages;

/// <summary>The web pages' words in Simplified Chinese (default) and English, chosen by the request culture, and the
/// helpers the pages format with.</summary>
public static class UiText
{
    private static IStringLocalizer? _words;

    /// <summary>The words, from the resource files <c>Resources/Pages/PageText.resx</c> (Simplified Chinese, the neutral
    /// culture) and <c>PageText.en.resx</c> through ASP.NET Core's localisation; set once at start-up.</summary>
    public static void Use(IStringLocalizer<PageText> words) => _words = words;

    private static IStringLocalizer Words => _words ?? throw new InvalidOperationException("UiText.Use was not called at start-up.");

    /// <summary>The label of a form field named as the use cases name it (for the error summary's links).</summary>
    public static string FieldLabel(string field) => T(FieldLabels.GetValueOrDefault(field, field));

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "Email", ["password"] = "Password", ["displayName"] = "DisplayName", ["phone"] = "Phone",
        ["contact.name"] = "ContactName", ["contact.phone"] = "Phone", ["contact.email"] = "Email", ["notes"] = "Notes",
        ["slotId"] = "Session", ["adults"] = "Adults", ["children"] = "Children", ["checkIn"] = "CheckInDate",
        ["checkOut"] = "CheckOutDate", ["units"] = "Units", ["code"] = "VerificationCode", ["headcount"] = "Headcount",
        ["count"] = "WalkInCount", ["date"] = "Date", ["from"] = "FromDate", ["to"] = "ToDate", ["reason"] = "Reason",
        ["name"] = "NameZh", ["nameEn"] = "NameEn", ["description"] = "Description", ["villageId"] = "Village",
        ["categories"] = "Categories", ["dailyCap"] = "DailyCap", ["location.latitude"] = "Latitude",
        ["location.longitude"] = "Longitude", ["daysOfWeek"] = "DaysOfWeek", ["times"] = "Sessions",
        ["capacity"] = "CapacityPerSession", ["prices.adult"] = "Adult", ["prices.child"] = "Child",
        ["prices.perNight"] = "PerNight", ["prices.weekend"] = "Weekend", ["prices.holiday"] = "Holiday",
        ["minParty"] = "MinParty", ["maxParty"] = "MaxParty", ["minNights"] = "MinNights",
        ["payOnArrival.maxPeople"] = "PayOnArrivalMaxPeople", ["peoplePerUnit.min"] = "PeoplePerUnitMin",
        ["peoplePerUnit.max"] = "PeoplePerUnitMax", ["maxUnitsPerBooking"] = "MaxUnitsPerBooking",
        ["cancellationPolicy.freeUntilHoursBefore"] = "FreeHours", ["cancellationPolicy.refundPercentAfter"] = "RefundPercent",
        ["kind"] = "Kind", ["category"] = "Category", ["year"] = "Year",
        ["file"] = "AddPhoto", ["status"] = "SeasonStatus", ["note"] = "SeasonNote", ["noteEn"] = "SeasonNoteEn",
        ["text"] = "ReviewText", ["rating"] = "ReviewRating", ["descriptionEn"] = "DescriptionEn",
    };

    /// <summary>An error from a use case in the page's language: by code, or by field for validation errors;
    /// the English message where no Chinese text is known.</summary>
    public static string ErrorText(Error error)
    {
        if (IsEnglish)
        {
            return error.Message;
        }

        // A validation error with a code of its own (invalid_code) says what its code says; the others, what their field needs.
        var key = error.Kind == ErrorKind.Validation && error.Code == Error.ValidationFailedCode && error.Field is { } field
            ? "Field." + WithoutIndex(field)
            : "Err." + error.Code;
        var text = Words[key];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    /// <summary>"times[0].start" → "times": one message for all the rows of a list.</summary>
    private static string WithoutIndex(string field) => field.IndexOf('[', StringComparison.Ordinal) is var i and >= 0 ? field[..i] : field;

    /// <summary>The day of the week, Monday first (the "Dow1".."Dow7" words).</summary>
    public static string Weekday(DateOnly date) => T("Dow" + (date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek));

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>"45 秒" / "3 分钟" / "2 小时": how long to wait, rounded up, in the page's language.</summary>
    public static string Duration(TimeSpan wait) => wait.TotalSeconds switch
    {
        <= 90 => string.Format(CultureInfo.InvariantCulture, T("Seconds"), Math.Ceiling(wait.TotalSeconds)),
        <= 5400 => string.Format(CultureInfo.InvariantCulture, T("Minutes"), Math.Ceiling(wait.TotalMinutes)),
        _ => string.Format(CultureInfo.InvariantCulture, T("Hours"), Math.Ceiling(wait.TotalHours)),
    };

    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The word for <paramref name="key"/> in the request's language (the key itself where there is none).</summary>
    public static string T(string key) => Words[key].Value;

    /// <summary>A sentence with numbers or names put in, in the request's language.</summary>
    public static string T(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Words[key].Value, values);

    /// <summary>A place's name in the page's language, where an English one exists.</summary>
    /// <summary>花期 words for flowers and the rest, 果期 words for picking.</summary>
    public static string SeasonWord(BananTourism.Domain.Offerings.SeasonStatus status, BananTourism.Domain.Venues.Category category, string name) =>
        BananTourism.Domain.Offerings.SeasonLine.Word(status, BananTourism.Domain.Offerings.SeasonLine.IsFruit(category, name), IsEnglish);

    public static string Name(string name, string? nameEn) => IsEnglish && !string.IsNullOrEmpty(nameEn) ? nameEn : name;
}
