using System.Globalization;
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

/// <summary>The visitor history of every seeded venue: <c>--generate-history YEARS</c> from 2020 on, and on a fresh
/// start in Development (<c>DemoData:HistoryYears</c>, default 1) last year and this year to date — seasons (flowers
/// in spring, fruit in summer, chrysanthemums and citrus in autumn and winter, camping in the warm months), weekends
/// and holidays — as checked-in or no-show bookings paid at the gate plus the day's walk-ins. 云林天乡's 2020 comes to
/// exactly 500,000 visitors and ¥13,000,000, the article's figures.
/// <para>It writes in bulk, past EF's change tracker (<see cref="BulkTable{T}"/>: one prepared INSERT bound by position
/// on SQLite, SqlBulkCopy on SQL Server), day by day so the time-ordered keys append, a transaction per run of whole
/// days, and keeps the daily figures (offering days, venue days) as it goes instead of rebuilding them from a million
/// bookings afterwards. The indexes stay: most of their keys append too (references, codes, the one demo tourist), and
/// measured, keeping them cost less than dropping them for the load and sorting them again, which a service taking
/// bookings meanwhile could not do anyway.</para></summary>
public sealed partial class HistoryGenerator(AppDbContext db, ILogger<HistoryGenerator> logger)
{
    public const int FirstYear = 2020;
    public const int YunlinVisitors2020 = 500_000;
    public const long YunlinRevenue2020 = 1_300_000_000; // fen: ¥13,000,000

    private const double WalkInShare = 0.3;
    private const double NoShowShare = 0.03;
    private const int ChunkBookings = 20_000;

    /// <summary><c>--generate-history</c>: <paramref name="years"/> whole years from 2020.</summary>
    public Task<int> GenerateAsync(int years, CancellationToken ct) =>
        GenerateAsync(new DateOnly(FirstYear, 1, 1), new DateOnly(FirstYear + years, 1, 1), ct);

    /// <summary>The history of the days from <paramref name="from"/> up to (not including) <paramref name="until"/>, which
    /// must have no figures yet. Returns the bookings written.</summary>
    public async Task<int> GenerateAsync(DateOnly from, DateOnly until, CancellationToken ct, IProgress<DateOnly>? progress = null)
    {
        if (await db.OfferingDays.AnyAsync(d => d.Date >= from && d.Date < until, ct)
            || await db.VenueDays.AnyAsync(d => d.Date >= from && d.Date < until, ct))
        {
            throw new InvalidOperationException($"The days from {from:yyyy-MM-dd} to {until:yyyy-MM-dd} already have figures: history goes only where there is none.");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var venues = await db.Venues.AsNoTracking().OrderBy(v => v.Name).ToListAsync(ct);
        var offerings = (await db.Offerings.AsNoTracking().Where(o => o.Published).ToListAsync(ct))
            .GroupBy(o => o.VenueId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Name).ToList());
        venues = venues.Where(v => offerings.ContainsKey(v.Id)).ToList();
        var holidays = (await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var tourist = await db.Users.AsNoTracking().Where(u => u.Role == Role.Tourist).OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync(ct);
        var recorder = await db.Users.AsNoTracking().Where(u => u.Role == Role.Admin).OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync(ct);

        // Each venue's visitors per day, year by year (a year's total spread over its days, then cut to the range).
        var plan = new Dictionary<(Guid Venue, DateOnly Date), (int Visitors, long? Revenue)>();
        foreach (var venue in venues)
        {
            for (var year = from.Year; year <= until.AddDays(-1).Year; year++)
            {
                var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i)).ToList();
                var weights = days.Select(d => Weight(d, venue, holidays)).ToArray();
                var isYunlin2020 = venue.Name == "云林天乡" && year == FirstYear;
                var yearVisitors = isYunlin2020 ? YunlinVisitors2020 : (int)(BaseVisitors(venue) * (1 + 0.08 * (year - FirstYear)));
                var visitorsByDay = Apportion(yearVisitors, weights);
                var revenueByDay = isYunlin2020 ? Apportion(YunlinRevenue2020, visitorsByDay.Select(v => v * (1 - WalkInShare)).ToArray()) : null;
                for (var i = 0; i < days.Count; i++)
                {
                    if (days[i] >= from && days[i] < until && visitorsByDay[i] > 0)
                    {
                        plan[(venue.Id, days[i])] = ((int)visitorsByDay[i], revenueByDay?[i]);
                    }
                }
            }
        }

        var writer = new HistoryWriter(db, from.ToString("yyMMdd", CultureInfo.InvariantCulture));
        var random = new Random(2020);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A big page cache for the load (this pooled connection gets the default back).
            await SqliteAsync(connection, "PRAGMA cache_size = -262144;", ct);
            for (var date = from; date < until;)
            {
                // A transaction per run of whole days (about 20,000 bookings, a fraction of a second): the service
                // goes on taking bookings between them while a fresh start fills its past, and what is committed is
                // whole days with their figures.
                await using var transaction = await connection.BeginTransactionAsync(ct);
                for (; date < until && writer.Bookings.Count - writer.Flushed < ChunkBookings; date = date.AddDays(1))
                {
                    foreach (var venue in venues)
                    {
                        if (plan.TryGetValue((venue.Id, date), out var day))
                        {
                            AddDay(writer, venue, offerings[venue.Id], date, day.Visitors, day.Revenue, tourist, recorder, random);
                        }
                    }
                }

                await writer.FlushAsync(connection, transaction, ct);
                await transaction.CommitAsync(ct);
                progress?.Report(date);
            }
        }
        finally
        {
            await SqliteAsync(connection, "PRAGMA cache_size = -2000;", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }

        LogDone(writer.Bookings.Count, from, until, started.ElapsedMilliseconds, writer.WritingMilliseconds,
            (int)(writer.Bookings.Count / Math.Max(0.001, started.Elapsed.TotalSeconds)));
        return writer.Bookings.Count;
    }

    /// <summary>One venue-day: walk-ins, bookings whose parties add up to the rest, a few no-shows on top, and
    /// (when given) the day's revenue spread exactly over the parties that came.</summary>
    private static void AddDay(
        HistoryWriter writer, Venue venue, List<Offering> offerings, DateOnly date, int visitors, long? revenue, Guid tourist, Guid recorder, Random random)
    {
        var walkIns = (int)Math.Round(visitors * WalkInShare);
        var cameIn = visitors - walkIns;
        var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(8));
        writer.WalkIns(venue.Id, date, walkIns, recorder, at);

        var parties = new List<int>();
        for (var left = cameIn; left > 0;)
        {
            var party = Math.Min(left, random.Next(1, 6));
            parties.Add(party);
            left -= party;
        }

        var shares = revenue is { } r ? Apportion(r, parties.Select(p => (double)p).ToArray()) : null;
        for (var i = 0; i < parties.Count; i++)
        {
            var offering = offerings[random.Next(offerings.Count)];
            var total = shares?[i] ?? offering.Prices.UnitPriceOn(DayType.Weekday) * parties[i];
            writer.Booking(Historical(writer, offering, date, parties[i], total, cameIn: true, tourist, at));
        }

        var noShows = (int)Math.Round(parties.Count * NoShowShare);
        for (var i = 0; i < noShows; i++)
        {
            var offering = offerings[random.Next(offerings.Count)];
            writer.Booking(Historical(writer, offering, date, 2, offering.Prices.Base * 2, cameIn: false, tourist, at));
        }
    }

    /// <summary>A past booking. Its reference and code count up within the run (named by its first day), so their unique
    /// indexes take them in order; a past day's booking cannot be checked in, so its code need not be hard to guess.</summary>
    private static Booking Historical(HistoryWriter writer, Offering offering, DateOnly date, int party, long total, bool cameIn, Guid tourist, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        var adults = Math.Max(1, party - party / 3);
        var number = writer.Bookings.Count.ToString("D8", CultureInfo.InvariantCulture);
        return Booking.Historical(id, $"H{writer.Run}-{number}", $"V{writer.Run}-{number}", tourist, offering, date, adults, party - adults, total, cameIn, at);
    }

    private static async Task SqliteAsync(System.Data.Common.DbConnection connection, string pragmas, CancellationToken ct)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(ct);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "History: {Bookings} bookings from {From} to {Until} in {Milliseconds} ms, {Writing} ms of it writing ({PerSecond} a second)")]
    private partial void LogDone(int bookings, DateOnly from, DateOnly until, long milliseconds, long writing, int perSecond);
}
