using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Geography;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using BananTourism.Infrastructure.Persistence;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>Fills an empty database with the demo catalog, one account per role and schedules for the next
/// <see cref="ScheduleDays"/> days. Never run in Production.</summary>
public sealed class DemoDataSeeder(AppDbContext db, IPasswordHasher hasher, TimeProvider clock)
{
    public const int ScheduleDays = 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var passwordHash = hasher.Hash(DemoCatalog.Password);

        var villages = new Dictionary<string, Village>();
        Township? ersheng = null;
        foreach (var t in DemoCatalog.Townships)
        {
            var township = new Township(Guid.CreateVersion7(now), t.Name, t.NameEn);
            ersheng ??= township;
            foreach (var v in t.Villages)
            {
                villages[v.Name] = township.AddVillage(Guid.CreateVersion7(now), v.Name, v.NameEn);
            }

            db.Townships.Add(township);
        }

        User NewUser(string email, string name, string? phone, Role role, Guid? townshipId = null)
        {
            var user = User.Create(email, name, phone, role, townshipId, now);
            user.SetPasswordHash(passwordHash);
            db.Users.Add(user);
            return user;
        }

        NewUser("admin@banan.local", "区农业农村委管理员", null, Role.Admin);
        NewUser("officer.ersheng@banan.local", "二圣镇文旅办", null, Role.Officer, ersheng!.Id);
        NewUser("tourist@banan.local", "游客小王", "13800138000", Role.Tourist).VerifyPhone("13800138000", now);
        var operators = DemoCatalog.Operators.ToDictionary(
            o => o.Email, o => NewUser(o.Email, o.DisplayName, o.Phone, Role.Operator));

        var today = VenueTime.Today(now);
        foreach (var v in DemoCatalog.Venues)
        {
            var venue = Venue.Create(
                operators[v.OperatorEmail].Id,
                villages[v.Village].Id,
                new VenueDetails(
                    v.Name, v.NameEn, v.Description, v.Offerings.Select(o => o.Category).Distinct().ToArray(), v.DailyCap,
                    new GeoPoint(v.Latitude, v.Longitude)),
                now);
            db.Venues.Add(venue);

            foreach (var o in v.Offerings)
            {
                var offering = Offering.Create(
                    venue.Id,
                    o.Kind,
                    new OfferingDetails(
                        o.Name, o.NameEn, o.Description, o.Category, o.Prices, o.MinParty, o.MaxParty, o.MinNights, o.Policy, Published: true,
                        o.PayOnArrival, o.Units, Extras: DemoCatalog.ExtrasOf(o.Name, now), Produce: DemoCatalog.ProduceOf(o.Name, now)),
                    now);
                if (DemoCatalog.SeasonOf(o.Name, today.Month) is { } season)
                {
                    offering.PostSeason(season.Status, season.Note, season.NoteEn, now);
                }

                db.Offerings.Add(offering);
                AddSchedule(offering, o, today, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddSchedule(Offering offering, OfferingSeed seed, DateOnly today, DateTimeOffset now)
    {
        for (var date = today; date < today.AddDays(ScheduleDays); date = date.AddDays(1))
        {
            if (!seed.SeasonMonths.Contains(date.Month))
            {
                continue;
            }

            if (offering.Kind == OfferingKind.Nightly)
            {
                db.Nights.Add(new NightInventory(Guid.CreateVersion7(now), offering.Id, date, seed.Capacity));
                continue;
            }

            foreach (var times in seed.Slots)
            {
                db.Slots.Add(new Slot(Guid.CreateVersion7(now), offering.Id, date, times.Start, times.End, seed.Capacity));
            }
        }
    }
}
