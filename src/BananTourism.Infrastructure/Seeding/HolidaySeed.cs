using BananTourism.Domain.Calendar;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>Chinese public holidays (法定节假日) for the current and next year: reference data every
/// environment needs for holiday prices, inserted where missing. 2026 follows the State Council's notice;
/// 2027 is provisional until its notice (the festival days themselves are fixed by the lunar calendar) and an
/// admin can add or correct dates.</summary>
public static class HolidaySeed
{
    private static readonly (string Name, DateOnly From, DateOnly To)[] Periods =
    [
        ("元旦", new(2026, 1, 1), new(2026, 1, 3)),
        ("春节", new(2026, 2, 15), new(2026, 2, 23)),
        ("清明节", new(2026, 4, 4), new(2026, 4, 6)),
        ("劳动节", new(2026, 5, 1), new(2026, 5, 5)),
        ("端午节", new(2026, 6, 19), new(2026, 6, 21)),
        ("中秋节", new(2026, 9, 25), new(2026, 9, 27)),
        ("国庆节", new(2026, 10, 1), new(2026, 10, 7)),
        ("元旦", new(2027, 1, 1), new(2027, 1, 3)),
        ("春节", new(2027, 2, 5), new(2027, 2, 11)),
        ("清明节", new(2027, 4, 3), new(2027, 4, 5)),
        ("劳动节", new(2027, 5, 1), new(2027, 5, 5)),
        ("端午节", new(2027, 6, 9), new(2027, 6, 11)),
        ("中秋节", new(2027, 9, 15), new(2027, 9, 17)),
        ("国庆节", new(2027, 10, 1), new(2027, 10, 7)),
    ];

    public static IEnumerable<Holiday> All() =>
        Periods.SelectMany(p => Enumerable.Range(0, p.To.DayNumber - p.From.DayNumber + 1)
            .Select(i => new Holiday(p.From.AddDays(i), p.Name)));

    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var known = (await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        var missing = All().Where(h => !known.Contains(h.Date)).ToList();
        if (missing.Count > 0)
        {
            db.Holidays.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
