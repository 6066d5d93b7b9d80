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
        ["Offerings"] = ("可预订", "What you can book"),
        ["Availability"] = ("余位与价格", "Places and prices"),
        ["Adult"] = ("成人", "Adult"),
        ["Child"] = ("儿童", "Child"),
        ["PerNight"] = ("每晚", "Per night"),
        ["Weekend"] = ("周末", "Weekend"),
        ["Holiday"] = ("节假日", "Holiday"),
        ["Open"] = ("可预订", "Open"),
        ["SoldOut"] = ("已满", "Sold out"),
        ["Closed"] = ("已关闭", "Closed"),
        ["Cancellation"] = ("退订规则", "Cancellation"),
        ["FreeUntil"] = ("开始前 {0} 小时免费取消，之后退款 {1}%。", "Free cancellation until {0} hours before; after that {1}% back."),
        ["Earlier"] = ("前两周", "Two weeks earlier"),
        ["Later"] = ("后两周", "Two weeks later"),
        ["NotScheduled"] = ("这段时间暂无场次。", "Nothing is scheduled in these two weeks."),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    public static string T(string key) =>
        Words.TryGetValue(key, out var w) ? (IsEnglish ? w.En : w.Zh) : key;

    /// <summary>A place's name in the page's language, where an English one exists.</summary>
    public static string Name(string name, string? nameEn) => IsEnglish && !string.IsNullOrEmpty(nameEn) ? nameEn : name;
}
