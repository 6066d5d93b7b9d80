using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>The demo catalog, from the article on Banan's rural revitalisation: its townships, villages and
/// projects, with realistic prices in fen. Picking runs only in its fruit's season.</summary>
internal static class DemoCatalog
{
    public const string Password = "Banan#2026";

    public static readonly TownshipSeed[] Townships =
    [
        new("二圣镇", "Ersheng", [new("幸福村", "Xingfu"), new("集体村", "Jiti"), new("天坪村", "Tianping")]),
        new("东温泉镇", "Dongwenquan", [new("黄金林村", "Huangjinlin"), new("河岸村", "He'an")]),
        new("双河口镇", "Shuanghekou", [new("塘湾村", "Tangwan")]),
    ];

    public static readonly AccountSeed[] Operators =
    [
        new("operator.yunlin@banan.local", "云林天乡运营", "13900000001"),
        new("operator.rose@banan.local", "幸福村玫瑰园", "13900000002"),
        new("operator.daxia@banan.local", "幸福村稻虾基地", "13900000003"),
        new("operator.huangjinlin@banan.local", "黄金林村集体经济", "13900000004"),
        new("operator.tangwan@banan.local", "红股农业发展有限公司", "13900000005"),
        new("operator.nongjiale@banan.local", "农家乐协会", "13900000006"),
    ];

    private static readonly int[] AllYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    /// <summary>The farm-stays grant pay on arrival to small parties; 星空露营's pitches keep the default (online only).</summary>
    private static readonly PayOnArrivalRule FarmStayPayOnArrival = new(true, 6);

    private static readonly Times Morning = new(new(9, 0), new(11, 0));
    private static readonly Times Afternoon = new(new(14, 0), new(16, 0));

    public static readonly VenueSeed[] Venues =
    [
        new("云林天乡", "Yunlin Tianxiang", "集体村", "operator.yunlin@banan.local", 8000, 29.3978, 106.7412,
            "天坪山上6000亩的高山花乡农文旅示范点：清华白鹭潭湿地公园、滨湖花海、格桑花海、星空露营与水上运动。2020年接待游客50万人次。",
            [
                new("星空露营", "Starry-sky camping", OfferingKind.Nightly, Category.Camping,
                    "天坪山顶的帐篷营位，含帐篷、睡袋和篝火晚会。", new PriceList(38800, null, 48800, 58800),
                    null, null, 1, new CancellationPolicy(48, 50), AllYear, [], 30),
                new("山谷水上运动", "Valley water sports", OfferingKind.TimeSlot, Category.Activity,
                    "白鹭潭皮划艇与桨板，含教练和救生衣。", new PriceList(12800, 8800, 15800, 16800),
                    1, 8, null, new CancellationPolicy(24, 50), [4, 5, 6, 7, 8, 9, 10, 11, 12, 1],
                    [new(new(9, 30), new(11, 0)), new(new(14, 0), new(15, 30))], 24),
                new("滨湖花海观光", "Lakeside flower sea", OfferingKind.TimeSlot, Category.Tour,
                    "滨湖花海、格桑花海、紫薇园、海棠园、杜鹃园一票游览。", new PriceList(6000, 3000, 8000, 10000),
                    1, 30, null, new CancellationPolicy(2, 0), AllYear,
                    [new(new(9, 0), new(12, 0)), new(new(13, 0), new(17, 0))], 300),
            ]),
        new("幸福村玫瑰园", "Xingfu Village Rose Garden", "幸福村", "operator.rose@banan.local", 1500, 29.4402, 106.7663,
            "重庆新晋赏花打卡点：花卉观赏、盆花销售与鲜花采摘，配套生态停车场。",
            [
                new("玫瑰采摘", "Rose picking", OfferingKind.TimeSlot, Category.Picking,
                    "温室与露天玫瑰园采摘，每人可带走20枝。", new PriceList(5800, 2800, 6800, 7800),
                    1, 10, null, new CancellationPolicy(24, 50), AllYear, [Morning, Afternoon], 40),
                new("玫瑰园赏花", "Rose garden visit", OfferingKind.TimeSlot, Category.Tour,
                    "玫瑰花海观赏门票。", new PriceList(2000, 1000, 2500, 3000),
                    1, 30, null, new CancellationPolicy(2, 0), AllYear, [new(new(9, 0), new(17, 0))], 400),
            ]),
        new("稻虾养殖基地", "Rice-paddy Shrimp Farm", "幸福村", "operator.daxia@banan.local", 600, 29.4381, 106.7702,
            "玫瑰园旁的稻虾共作基地：稻田垂钓小龙虾，现场加工，也可购买带走。",
            [
                new("稻田钓虾", "Rice-paddy shrimp fishing", OfferingKind.TimeSlot, Category.Fishing,
                    "钓竿与饵料可随票租用（每人¥15，每场40套），钓到的虾按斤另计。", new PriceList(8800, 4800, 9800, 10800),
                    1, 8, null, new CancellationPolicy(12, 50), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
                    [new(new(9, 0), new(11, 30)), new(new(14, 0), new(16, 30))], 30),
                new("钓虾+现场加工", "Fishing with on-site cooking", OfferingKind.TimeSlot, Category.Fishing,
                    "垂钓后由基地厨房现场加工麻辣小龙虾，含米饭与时蔬。", new PriceList(16800, 9800, 18800, 19800),
                    2, 10, null, new CancellationPolicy(24, 30), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
                    [new(new(10, 0), new(13, 0)), new(new(16, 0), new(19, 0))], 20),
            ]),
        new("十里花果长廊", "Ten-li Flower and Fruit Corridor", "黄金林村", "operator.huangjinlin@banan.local", 3000, 29.3592, 106.8867,
            "黄金林村脱贫产业延伸的农旅长廊，四季花果。",
            [
                new("花果长廊游览", "Corridor walk", OfferingKind.TimeSlot, Category.Tour,
                    "十里花果长廊导览。", new PriceList(3000, 1500, 4000, 5000),
                    1, 40, null, new CancellationPolicy(2, 0), AllYear, [new(new(9, 0), new(17, 0))], 500),
            ]),
        new("九花谷菊园", "Jiuhuagu Chrysanthemum Garden", "黄金林村", "operator.huangjinlin@banan.local", 2000, 29.3610, 106.8902,
            "药用菊花基地，秋季赏菊、采菊、制作菊花茶。",
            [
                new("赏菊采菊", "Chrysanthemum viewing and picking", OfferingKind.TimeSlot, Category.Picking,
                    "采摘药菊并体验菊花茶制作。", new PriceList(4800, 2400, 5800, 6800),
                    1, 10, null, new CancellationPolicy(24, 50), [10, 11], [Morning, Afternoon], 60),
            ]),
        new("兴农柑橘园", "Xingnong Citrus Orchard", "黄金林村", "operator.huangjinlin@banan.local", 1200, 29.3571, 106.8841,
            "1600亩优质柑橘基地，冬季采摘。",
            [
                new("柑橘采摘", "Citrus picking", OfferingKind.TimeSlot, Category.Picking,
                    "含2斤柑橘带走，超出按斤计价。", new PriceList(4800, 2400, 5800, 6800),
                    1, 10, null, new CancellationPolicy(24, 50), [11, 12, 1], [Morning, Afternoon], 80),
            ]),
        new("塘湾村千亩水果基地", "Tangwan Fruit Base", "塘湾村", "operator.tangwan@banan.local", 2500, 29.2205, 106.9118,
            "羊鹿山片区的高山特色水果：黄冠梨、翠冠梨、巴南香桃、西瓜。",
            [
                new("黄冠梨采摘", "Huangguan pear picking", OfferingKind.TimeSlot, Category.Picking,
                    "高山黄冠梨，含3斤带走。", new PriceList(5800, 2900, 6800, 7800),
                    1, 10, null, new CancellationPolicy(24, 50), [7, 8], [Morning, Afternoon], 60),
                new("翠冠梨采摘", "Cuiguan pear picking", OfferingKind.TimeSlot, Category.Picking,
                    "翠冠梨，含3斤带走。", new PriceList(5800, 2900, 6800, 7800),
                    1, 10, null, new CancellationPolicy(24, 50), [7], [Morning, Afternoon], 60),
                new("巴南香桃采摘", "Banan peach picking", OfferingKind.TimeSlot, Category.Picking,
                    "巴南香桃，含3斤带走。", new PriceList(6800, 3400, 7800, 8800),
                    1, 10, null, new CancellationPolicy(24, 50), [6, 7], [Morning, Afternoon], 60),
                new("西瓜采摘", "Watermelon picking", OfferingKind.TimeSlot, Category.Picking,
                    "含一个西瓜带走。", new PriceList(3800, 1900, 4800, 5800),
                    1, 10, null, new CancellationPolicy(24, 50), [6, 7, 8], [Morning, Afternoon], 80),
            ]),
        new("天坪山居农家乐", "Tianpingshan Farm-stay", "集体村", "operator.nongjiale@banan.local", null, 29.3951, 106.7389,
            "云林天乡旁的农家乐，土鸡、腊肉与山景客房。",
            [
                new("山景标准间", "Mountain-view double room", OfferingKind.Nightly, Category.FarmStay,
                    "两人间，含早餐。", new PriceList(26800, null, 32800, 39800),
                    null, null, 1, new CancellationPolicy(48, 50), AllYear, [], 8, FarmStayPayOnArrival, new UnitRules(1, 2, 4)),
                new("家庭房", "Family room", OfferingKind.Nightly, Category.FarmStay,
                    "可住两大一小，含早餐。", new PriceList(38800, null, 45800, 52800),
                    null, null, 1, new CancellationPolicy(48, 50), AllYear, [], 4, FarmStayPayOnArrival, new UnitRules(1, 3, 2)),
            ]),
        new("黄金林果园人家", "Huangjinlin Orchard Home", "黄金林村", "operator.nongjiale@banan.local", null, 29.3583, 106.8855,
            "柑橘园里的农家乐，农家饭与果园客房。",
            [
                new("果园客房", "Orchard room", OfferingKind.Nightly, Category.FarmStay,
                    "两人间，含早餐。", new PriceList(19800, null, 23800, 28800),
                    null, null, 1, new CancellationPolicy(24, 50), AllYear, [], 6, FarmStayPayOnArrival, new UnitRules(1, 2, 4)),
            ]),
        new("塘湾山居", "Tangwan Mountain Lodge", "塘湾村", "operator.nongjiale@banan.local", null, 29.2219, 106.9097,
            "羊鹿山下的民宿式农家乐。",
            [
                new("山景房", "Mountain room", OfferingKind.Nightly, Category.FarmStay,
                    "两人间，含早餐。", new PriceList(22800, null, 27800, 32800),
                    null, null, 2, new CancellationPolicy(72, 50), AllYear, [], 5, FarmStayPayOnArrival, new UnitRules(1, 2, 4)),
            ]),
        new("永福坝农家乐", "Yongfuba Farm-stay", "河岸村", "operator.nongjiale@banan.local", null, 29.3702, 106.8713,
            "河岸村人居环境示范点的农房改造农家乐。",
            [
                new("田园客房", "Garden room", OfferingKind.Nightly, Category.FarmStay,
                    "两人间，含早餐。", new PriceList(16800, null, 19800, 23800),
                    null, null, 1, new CancellationPolicy(24, 50), AllYear, [], 6, FarmStayPayOnArrival, new UnitRules(1, 2, 4)),
            ]),
    ];

    /// <summary>The demo's 花期/果期 for the month it is seeded in: roses in spring, peaches and melons in summer, pears in
    /// late summer, chrysanthemums in autumn, citrus in winter (the article's seasons). Null for what has no season.</summary>
    public static (SeasonStatus Status, string Note, string NoteEn)? SeasonOf(string offering, int month)
    {
        // (budding, peak, ending) months; the two months before budding are "not yet", the rest "over".
        (int[] Budding, int[] Peak, int[] Ending, string Note, string NoteEn)? season = offering switch
        {
            "玫瑰采摘" or "玫瑰园赏花" => ([3], [4, 5], [6], "东坡玫瑰盛开，周末人多，建议上午来", "Roses in full bloom; come in the morning at weekends"),
            "滨湖花海观光" => ([2], [3, 4], [5], "格桑花、油菜花成片开放", "Fields of flowers in bloom"),
            "柑橘采摘" => ([10], [11, 12, 1], [2], "柑橘挂满枝头，甜度正好", "Citrus ripe on the trees, at its sweetest"),
            "巴南香桃采摘" => ([5], [6, 7], [8], "香桃成熟，现摘现吃", "Peaches ripe: pick and eat"),
            "翠冠梨采摘" => ([6], [7, 8], [9], "翠冠梨脆甜多汁", "Crisp, sweet Cuiguan pears"),
            "西瓜采摘" => ([5], [6, 7], [8], "西瓜熟了，可整瓜带走", "Melons ripe; take a whole one home"),
            "赏菊采菊" or "鲜切菊花" => ([9], [10, 11], [12], "药菊盛开，可体验制作菊花茶", "Chrysanthemums in bloom; make your own tea"),
            _ => null,
        };
        if (season is not { } s)
        {
            return null;
        }

        var status = s.Peak.Contains(month) ? SeasonStatus.Peak
            : s.Budding.Contains(month) ? SeasonStatus.Budding
            : s.Ending.Contains(month) ? SeasonStatus.Ending
            : s.Budding.Any(b => (b - month + 12) % 12 is 1 or 2) ? SeasonStatus.NotYet
            : SeasonStatus.Over;
        return status switch
        {
            SeasonStatus.Peak => (status, s.Note, s.NoteEn),
            SeasonStatus.Budding => (status, "即将开放/挂果，敬请期待", "Coming soon"),
            SeasonStatus.Ending => (status, "尾期，数量不多了", "The last of the season"),
            SeasonStatus.NotYet => (status, "还没到季节", "Not in season yet"),
            _ => (status, "今年已结束，明年再见", "Over for this year"),
        };
    }

    /// <summary>What the demo farms sell with a booking (prices in fen; stock per session where the farm has only so many).</summary>
    public static IReadOnlyList<Extra> ExtrasOf(string offering, DateTimeOffset now) => offering switch
    {
        "星空露营" => [Extra("帐篷租赁", "Tent hire", 8000, ExtraPer.Unit, 30, now), Extra("睡袋", "Sleeping bag", 2000, ExtraPer.Unit, 60, now),
            Extra("营地早餐", "Camp breakfast", 2500, ExtraPer.Night, null, now)],
        "稻田钓虾" => [Extra("钓竿与饵料", "Rod and bait", 1500, ExtraPer.Person, 40, now)],
        "钓虾+现场加工" => [Extra("钓竿与饵料", "Rod and bait", 1500, ExtraPer.Person, 30, now), Extra("加工灶台", "Cooking table", 3000, ExtraPer.Booking, 8, now)],
        "玫瑰采摘" => [Extra("花束包装", "Bouquet wrapping", 500, ExtraPer.Unit, null, now)],
        "山景标准间" or "家庭房" or "果园客房" or "山景房" or "田园客房" => [Extra("农家晚餐", "Farm dinner", 4800, ExtraPer.Night, null, now)],
        _ => [],
    };

    /// <summary>The exits' price lists: roses and chrysanthemums by the stem, fruit and the catch by the 斤 (500 g).</summary>
    public static IReadOnlyList<ProduceItem> ProduceOf(string offering, DateTimeOffset now) => offering switch
    {
        "玫瑰采摘" => [Produce("玫瑰", "Roses", ProduceUnit.Stem, 300, now)],
        "稻田钓虾" => [Produce("小龙虾（带走）", "Crayfish to take home", ProduceUnit.Jin, 3800, now)],
        "钓虾+现场加工" => [Produce("小龙虾现场加工", "Crayfish cooked on site", ProduceUnit.Jin, 2000, now),
            Produce("小龙虾（带走）", "Crayfish to take home", ProduceUnit.Jin, 3800, now)],
        "赏菊采菊" => [Produce("鲜切菊花", "Cut chrysanthemums", ProduceUnit.Stem, 200, now)],
        "柑橘采摘" => [Produce("柑橘", "Citrus", ProduceUnit.Jin, 600, now)],
        "黄冠梨采摘" => [Produce("黄冠梨", "Huangguan pears", ProduceUnit.Jin, 800, now)],
        "翠冠梨采摘" => [Produce("翠冠梨", "Cuiguan pears", ProduceUnit.Jin, 900, now)],
        "巴南香桃采摘" => [Produce("香桃", "Peaches", ProduceUnit.Jin, 1280, now)],
        "西瓜采摘" => [Produce("西瓜", "Watermelon", ProduceUnit.Jin, 300, now)],
        _ => [],
    };

    private static Extra Extra(string name, string nameEn, long price, ExtraPer per, int? stock, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), name, nameEn, price, per, stock);

    private static ProduceItem Produce(string name, string nameEn, ProduceUnit unit, long price, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), name, nameEn, unit, price);
}

internal sealed record TownshipSeed(string Name, string NameEn, VillageSeed[] Villages);

internal sealed record VillageSeed(string Name, string NameEn);

internal sealed record AccountSeed(string Email, string DisplayName, string Phone);

internal sealed record Times(TimeOnly Start, TimeOnly End);

internal sealed record VenueSeed(
    string Name, string NameEn, string Village, string OperatorEmail, int? DailyCap, double Latitude, double Longitude,
    string Description, OfferingSeed[] Offerings);

/// <summary>For a time-slot offering, <see cref="Capacity"/> is people per slot; for a nightly one, units per night.</summary>
internal sealed record OfferingSeed(
    string Name, string NameEn, OfferingKind Kind, Category Category, string Description, PriceList Prices,
    int? MinParty, int? MaxParty, int? MinNights, CancellationPolicy Policy, int[] SeasonMonths, Times[] Slots, int Capacity,
    PayOnArrivalRule? PayOnArrival = null, UnitRules? Units = null);
