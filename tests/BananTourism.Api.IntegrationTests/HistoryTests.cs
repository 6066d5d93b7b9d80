using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests;

/// <summary>The demo history (issue 17): written in bulk with its daily figures kept as it goes, which the rebuild
/// from the raw bookings must reproduce exactly; a day that has figures already is never written over.</summary>
public class HistoryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWeeksOfHistory_AreKeptAsTheRebuildCountsThem_AndShowOnTheDashboard()
    {
        var (from, until) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 15));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var written = await scope.ServiceProvider.GetRequiredService<HistoryGenerator>().GenerateAsync(from, until, Ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"{written} bookings");
            Assert.True(written > 10_000, $"only {written} bookings in two weeks of the whole district");
        }

        await api.AssertFiguresEqualTheRebuildAsync();

        var admin = await api.SignInAsync("admin@banan.local");
        var report = await (await admin.GetAsync("/api/v1/reports/visitors?from=2026-01-01&to=2026-01-14&groupBy=day&by=venue", Ct)).ReadJsonAsync();
        var totals = report["totals"]!;
        Assert.True(totals.Get<int>("visitors") > 0);
        Assert.Equal(totals.Get<int>("checkedIn") + totals.Get<int>("walkIns"), totals.Get<int>("visitors"));
        // Citrus is the winter's fruit: January's orchard has more visitors than its spring would.
        Assert.Contains(report["rows"]!.AsArray(), r => r!.Get<string>("name") == "兴农柑橘园" && r!.Get<int>("visitors") > 0);

        // Days that have figures are not written again.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<HistoryGenerator>().GenerateAsync(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 20), Ct));
        }

        // The database still takes bookings normally afterwards, with every index of Bookings in place.
        var tourist = await api.NewTouristAsync();
        var roses = await tourist.OfferingIdAsync("玫瑰采摘");
        await tourist.BookOkAsync(Booker.SlotBooking(roses, await tourist.SlotIdAsync(roses, "2026-09-22"), adults: 2));
        Assert.Equal(10, await api.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Bookings' AND sql IS NOT NULL";
            return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        }));
    }
}
