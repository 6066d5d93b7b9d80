using System.Net;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.SqlServer.Tests;

/// <summary>The races the SQLite suite runs, on SQL Server 2022: its row locks and isolation, not SQLite's single
/// writer, must hold the last places, the holds ceiling, the pay-on-arrival ceiling and idempotency.</summary>
public sealed class SqlServerRaceTests(SqlServerFixture sql) : IClassFixture<SqlServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LastPlaces_64ClientsForASlotOf10_ExactlyTenGetIn()
    {
        sql.SkipWithoutDocker();
        await using var api = await StartAsync();
        var tourists = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.NewTouristAsync()));
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await anonymous.SlotIdAsync(roses, "2026-10-16");
        await api.SetSlotCapacityAsync(slot, 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(i => Task.Run(() => tourists[i % tourists.Length].BookAsync(Booker.SlotBooking(roses, slot, adults: 1)), Ct)));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        }

        Assert.Equal((10, 10), await api.SlotAsync(slot));
    }

    [Fact]
    public async Task HoldsCeiling_TenHoldsOfOneTourist_ExactlyTheLimitIsHeld()
    {
        sql.SkipWithoutDocker();
        await using var api = await StartAsync();
        var tourist = await api.NewTouristAsync();
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await anonymous.SlotIdAsync(roses, "2026-10-29");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "alipay")), Ct)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created)); // Bookings:MaxUnpaidHolds
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");
        }
    }

    [Fact]
    public async Task PayOnArrivalCeiling_30BookingsOfOneTouristForOneDate_ExactlyTwentyPeopleGetIn()
    {
        sql.SkipWithoutDocker();
        await using var api = await StartAsync();
        var tourist = await api.NewTouristAsync();
        var anonymous = api.CreateClient();
        var flowers = await anonymous.OfferingIdAsync("滨湖花海观光");
        var slot = await anonymous.SlotIdAsync(flowers, "2026-10-27");

        var answers = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(_ => Task.Run(() => tourist.BookAsync(Booker.SlotBooking(flowers, slot, adults: 1)), Ct)));

        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Created)); // Bookings:MaxPayOnArrivalPeoplePerDay
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_limit");
        }
    }

    [Fact]
    public async Task Idempotency_TwentyRetriesAtOnceWithOneKey_BookOnce()
    {
        sql.SkipWithoutDocker();
        await using var api = await StartAsync();
        var tourist = await api.NewTouristAsync();
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await anonymous.SlotIdAsync(roses, "2026-10-30");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 2), key), Ct)));

        // Each answer is the one booking, or "the first request is still being decided: retry".
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var ids = new HashSet<string>();
        foreach (var answer in answers.Where(a => a.IsSuccessStatusCode))
        {
            ids.Add((await answer.ReadJsonAsync()).Get<string>("id"));
        }

        Assert.Single(ids);
        Assert.Equal(1, await api.WithDbAsync(db => db.Bookings.CountAsync(b => b.SlotId == Guid.Parse(slot) && b.Status == BookingStatus.Confirmed, Ct)));
    }

    private async Task<SqlServerApiFactory> StartAsync()
    {
        var api = new SqlServerApiFactory(sql.ConnectionString);
        await api.InitializeAsync();
        return api;
    }

    /// <summary>The integration tests' Api (fake clock, fake Stripe, pickup folder) on the fixture's SQL Server.</summary>
    private sealed class SqlServerApiFactory(string connectionString) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:BananTourism"] = connectionString,
        };
    }
}
