using System.Globalization;

namespace BananTourism.Api.Pages;

/// <summary>The web pages' words in Simplified Chinese (default) and English, chosen by the request culture.</summary>
public static class UiText
{
    private static readonly Dictionary<string, (string Zh, string En)> Words = new()
    {
        ["Title"] = ("巴南乡村旅游", "Banan Rural Tourism"),
        ["Tagline"] = ("星空露营、玫瑰采摘、稻田钓虾、农家乐 —— 在线预订巴南的乡村体验", "Starry-sky camping, rose picking, paddy shrimp fishing, farm-stays — book Banan's countryside online"),
        ["Search"] = ("搜索", "Search"),
        ["Date"] = ("日期", "Date"),
        ["PartySize"] = ("人数", "Party size"),
        ["Category"] = ("类别", "Category"),
        ["Any"] = ("全部", "Any"),
        ["Townships"] = ("镇街", "Townships"),
        ["Categories"] = ("玩什么", "Things to do"),
        ["Venues"] = ("项目", "Places"),
        ["Language"] = ("English", "中文"),
        ["Camping"] = ("露营", "Camping"),
        ["Picking"] = ("采摘", "Picking"),
        ["Fishing"] = ("垂钓", "Fishing"),
        ["FarmStay"] = ("农家乐", "Farm-stays"),
        ["Tour"] = ("观光", "Sightseeing"),
        ["Activity"] = ("活动", "Activities"),
        ["From"] = ("起", "from"),
        ["Available"] = ("余位", "places left"),
        ["NoResults"] = ("这一天没有可预订的项目。", "Nothing has room on that day."),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string key) =>
        Words.TryGetValue(key, out var w) ? (IsEnglish ? w.En : w.Zh) : key;

    /// <summary>A place's name in the page's language, where an English one exists.</summary>
    public static string Name(string name, string? nameEn) => IsEnglish && !string.IsNullOrEmpty(nameEn) ? nameEn : name;
}
