using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Calendar;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using BananTourism.Domain.Visits;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Seeding;

/// <summary><c>--generate-history YEARS</c> (Development only): fills the database with the visitor history of
/// every seeded venue from 2020 on — seasons (flowers in spring, fruit in summer, chrysanthemums and citrus in
/// autumn and winter), weekends and holidays — as checked-in or no-show bookings paid at the gate plus the
/// day's walk-ins. 云林天乡's 2020 comes to exactly 500,000 visitors and ¥13,000,000, the article's figures.
/// The daily figures are then rebuilt from these records.</summary>
public sealed partial class HistoryGenerator(AppDbContext db, ILogger<HistoryGenerator> logger)
{
    public const int FirstYear = 2020;
    public const int YunlinVisitors2020 = 500_000;
    public const long YunlinRevenue2020 = 1_300_000_000; // fen: ¥13,000,000

    private const double WalkInShare = 0.3;
    private const double NoShowShare = 0.03;

    public async Task<int> GenerateAsync(int years, CancellationToken ct)
    {
        var venues = await db.Venues.AsNoTracking().ToListAsync(ct);
        var offerings = (await db.Offerings.AsNoTracking().Where(o => o.Published).ToListAsync(ct)).GroupBy(o => o.VenueId).ToDictionary(g => g.Key, g => g.ToList());
        var holidays = (await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var tourist = await db.Users.AsNoTracking().Where(u => u.Role == Role.Tourist).Select(u => u.Id).FirstAsync(ct);
        var recorder = await db.Users.AsNoTracking().Where(u => u.Role == Role.Admin).Select(u => u.Id).FirstAsync(ct);
        var random = new Random(2020);
        var created = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        foreach (var venue in venues.Where(v => offerings.ContainsKey(v.Id)))
        {
            var isYunlin = venue.Name == "云林天乡";
            for (var year = FirstYear; year < FirstYear + years; year++)
            {
                var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i)).ToList();
                var weights = days.Select(d => Weight(d, venue, holidays)).ToArray();
                var yearVisitors = isYunlin && year == FirstYear ? YunlinVisitors2020 : (int)(BaseVisitors(venue) * (1 + 0.08 * (year - FirstYear)));
                var visitorsByDay = Apportion(yearVisitors, weights);
                var revenueByDay = isYunlin && year == FirstYear
                    ? Apportion(YunlinRevenue2020, visitorsByDay.Select(v => v * (1 - WalkInShare)).ToArray())
                    : null;

                for (var i = 0; i < days.Count; i++)
                {
                    if (visitorsByDay[i] == 0)
                    {
                        continue;
                    }

                    created += AddDay(venue, offerings[venue.Id], days[i], (int)visitorsByDay[i], revenueByDay?[i], tourist, recorder, random);
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                LogYear(venue.Name, year, created);
            }
        }

        return created;
    }

    /// <summary>One venue-day: walk-ins, bookings whose parties add up to the rest, a few no-shows on top, and
    /// (when given) the day's revenue spread exactly over the parties that came.</summary>
    private int AddDay(Venue venue, List<Offering> offerings, DateOnly date, int visitors, long? revenue, Guid tourist, Guid recorder, Random random)
    {
        var walkIns = (int)Math.Round(visitors * WalkInShare);
        var cameIn = visitors - walkIns;
        var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(8));
        if (walkIns > 0)
        {
            db.WalkIns.Add(new WalkIn(venue.Id, date, walkIns, recorder, at));
        }

        db.VenueDays.Add(new VenueDay(venue.Id, date, 0, walkIns));

        var parties = new List<int>();
        for (var left = cameIn; left > 0;)
        {
            var party = Math.Min(left, random.Next(1, 6));
            parties.Add(party);
            left -= party;
        }

        var shares = revenue is { } r ? Apportion(r, parties.Select(p => (double)p).ToArray()) : null;
        var count = 0;
        for (var i = 0; i < parties.Count; i++)
        {
            var offering = offerings[random.Next(offerings.Count)];
            var total = shares?[i] ?? offering.Prices.UnitPriceOn(DayType.Weekday) * parties[i];
            db.Bookings.Add(Historical(offering, date, parties[i], total, cameIn: true, tourist, at));
            count++;
        }

        var noShows = (int)Math.Round(parties.Count * NoShowShare);
        for (var i = 0; i < noShows; i++)
        {
            var offering = offerings[random.Next(offerings.Count)];
            db.Bookings.Add(Historical(offering, date, 2, offering.Prices.Base * 2, cameIn: false, tourist, at));
            count++;
        }

        return count;
    }

    private Booking Historical(Offering offering, DateOnly date, int party, long total, bool cameIn, Guid tourist, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        var adults = Math.Max(1, party - party / 3);
        return Booking.Historical(id, "H-" + Codes.New(10), "H" + Codes.New(11), tourist, offering, date, adults, party - adults, total, cameIn, at);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> into whole numbers that
    /// add up to it exactly (largest remainder).</summary>
    public static long[] Apportion(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0 ? 0 : total * w / sum).ToArray();
        var parts = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = total - parts.Sum();
        foreach (var i in exact.Select((e, i) => (Fraction: e - Math.Floor(e), i)).OrderByDescending(x => x.Fraction).Take((int)left).Select(x => x.i))
        {
            parts[i]++;
        }

        return parts;
    }

    /// <summary>Visitors a year brings to a venue: the big scenic project first, farm-stays least.</summary>
    private static int BaseVisitors(Venue venue) => venue.Name switch
    {
        "云林天乡" => 520_000,
        "幸福村玫瑰园" => 520_000,
        "十里花果长廊" => 450_000,
        "稻虾养殖基地" => 290_000,
        "九花谷菊园" => 220_000,
        "兴农柑橘园" => 190_000,
        "塘湾村千亩水果基地" => 260_000,
        _ => 38_000,
    };

    private static double Weight(DateOnly date, Venue venue, HashSet<DateOnly> holidays)
    {
        var categories = venue.CategoryList;
        var month = date.Month;
        var season = 1.0;
        if (categories.Contains(Category.Picking))
        {
            season = venue.Name switch
            {
                "九花谷菊园" => month is 10 or 11 ? 4 : 0.3,
                "兴农柑橘园" => month is 11 or 12 or 1 ? 4 : 0.3,
                "塘湾村千亩水果基地" => month is >= 6 and <= 8 ? 4 : 0.3,
                _ => month is >= 3 and <= 5 ? 2 : 1,
            };
        }
        else if (categories.Contains(Category.Camping) || categories.Contains(Category.Tour))
        {
            season = month is >= 3 and <= 5 or >= 9 and <= 10 ? 1.8 : month is 12 or 1 or 2 ? 0.5 : 1.2;
        }

        var day = holidays.Contains(date) ? 3.0 : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 2.2 : 1.0;
        return season * day;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History: {Venue} {Year} done, {Bookings} bookings so far")]
    private partial void LogYear(string venue, int year, int bookings);
}
