using System.Net;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Holds expire and give their capacity back exactly once, however many sweeps and cancellations race.</summary>
public class ExpiryTests(ExpiryTests.ManualExpiryFactory api) : IClassFixture<ExpiryTests.ManualExpiryFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeldBooking_AfterItsHold_ExpiresAndGivesItsPlacesBack()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-11-02");
        var id = (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 3, paymentMethod: "card"))).Get<string>("id");
        Assert.Equal(3, (await api.SlotAsync(slot)).Reserved);

        api.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await api.ExpireHoldsAsync());
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await api.ExpireHoldsAsync() >= 1);

        var booking = await (await tourist.GetAsync($"/api/v1/bookings/{id}", Ct)).ReadJsonAsync();
        Assert.Equal("expired", booking.Get<string>("status"));
        Assert.Equal("voided", booking["payment"]!.Get<string>("status"));
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
        await (await tourist.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "not_cancellable");
    }

    [Fact]
    public async Task Expiry_RunningInTwoInstancesAtOnce_ReleasesEachHoldOnce()
    {
        var (roses, slot, ids) = await HoldsAsync("2026-11-03", 12);
        api.Clock.Advance(TimeSpan.FromMinutes(16));

        var counts = await Task.WhenAll(Task.Run(api.ExpireHoldsAsync, Ct), Task.Run(api.ExpireHoldsAsync, Ct), Task.Run(api.ExpireHoldsAsync, Ct));
        Assert.Equal(12, counts.Sum());
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
        Assert.All(await StatusesAsync(ids), s => Assert.Equal(BookingStatus.Expired, s));
        Assert.Equal(0, await VenueDayAsync(roses, new DateOnly(2026, 11, 3)));
    }

    [Fact]
    public async Task Expiry_RacingCancellations_EachBookingEndsOnceAndCapacityComesBackOnce()
    {
        var (roses, slot, ids) = await HoldsAsync("2026-11-04", 12);
        api.Clock.Advance(TimeSpan.FromMinutes(16));
        var owner = _owners;

        var cancels = ids.Select((id, i) => Task.Run(() => owner[i % owner.Count].PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct), Ct)).ToList();
        var sweeps = new[] { Task.Run(api.ExpireHoldsAsync, Ct), Task.Run(api.ExpireHoldsAsync, Ct) };
        await Task.WhenAll(Task.WhenAll(cancels), Task.WhenAll(sweeps));

        var statuses = await StatusesAsync(ids);
        var cancelledByTourist = cancels.Count(c => c.Result.StatusCode == HttpStatusCode.OK);
        Assert.Equal(cancelledByTourist, statuses.Count(s => s == BookingStatus.Cancelled));
        Assert.Equal(12 - cancelledByTourist, statuses.Count(s => s == BookingStatus.Expired));
        Assert.Equal(12 - cancelledByTourist, sweeps.Sum(s => s.Result));
        Assert.All(cancels.Where(c => c.Result.StatusCode != HttpStatusCode.OK), c => Assert.Equal(HttpStatusCode.Conflict, c.Result.StatusCode));
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
        Assert.Equal(0, await VenueDayAsync(roses, new DateOnly(2026, 11, 4)));
    }

    private List<HttpClient> _owners = [];

    /// <summary>Twelve one-person holds on one slot, by four tourists (three unpaid holds each at most).</summary>
    private async Task<(string Offering, string Slot, List<string> Ids)> HoldsAsync(string date, int count)
    {
        _owners = (await Task.WhenAll(Enumerable.Range(0, count / 3).Select(_ => api.NewTouristAsync()))).ToList();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, date);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await _owners[i % _owners.Count].BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "card"))).Get<string>("id"));
        }

        Assert.Equal(count, (await api.SlotAsync(slot)).Reserved);
        return (roses, slot, ids);
    }

    private Task<List<BookingStatus>> StatusesAsync(List<string> ids)
    {
        var guids = ids.Select(Guid.Parse).ToList();
        return api.WithDbAsync(db => db.Bookings.Where(b => guids.Contains(b.Id)).Select(b => b.Status).ToListAsync(Ct));
    }

    private async Task<int> VenueDayAsync(string offeringId, DateOnly date)
    {
        var venue = (await (await _anonymous.GetAsync($"/api/v1/offerings/{offeringId}", Ct)).ReadJsonAsync()).Get<string>("venueId");
        return await api.WithDbAsync(db => db.VenueDays.Where(d => d.VenueId == Guid.Parse(venue) && d.Date == date).Select(d => d.Reserved).SingleAsync(Ct));
    }

    /// <summary>No background sweeps: the tests run the sweeps themselves, as racing instances.</summary>
    public sealed class ManualExpiryFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Bookings:RunExpiry"] = "false" };
    }
}

public class BackgroundExpiryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheBackgroundService_ExpiresOverdueHoldsOnItsOwn()
    {
        var anonymous = api.CreateClient();
        var tourist = await api.NewTouristAsync();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await anonymous.SlotIdAsync(roses, "2026-11-05");
        var id = (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, paymentMethod: "wechatPay"))).Get<string>("id");

        api.Clock.Advance(TimeSpan.FromMinutes(16)); // also fires the service's timer
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string status;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            status = (await (await tourist.GetAsync($"/api/v1/bookings/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync()).Get<string>("status");
        }
        while (status != "expired" && DateTime.UtcNow < deadline);

        Assert.Equal("expired", status);
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
    }
}
