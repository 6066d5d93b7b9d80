using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>What a tourist may take without paying: pay on arrival only where the operator grants it, parties that
/// fit their units, a ceiling of people paying on arrival per visit date, and a few unpaid holds. The limits are
/// conditional counters in the database, raced here through the real Api.</summary>
public class BookingLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyingTheCampsiteForFree_IsRefused_AndReservesNothing()
    {
        // The attack from the issue: 30 pitches of 星空露营 for three nights, for two adults, paid "on arrival".
        var tourist = await api.NewTouristAsync();
        var camping = await _anonymous.OfferingIdAsync("星空露营");
        var offering = await (await _anonymous.GetAsync($"/api/v1/offerings/{camping}", Ct)).ReadJsonAsync();
        Assert.False(offering["payOnArrival"]!.Get<bool>("allowed")); // a stay's default
        Assert.Equal(1, offering["peoplePerUnit"]!.Get<int>("min"));
        Assert.Equal(4, offering["peoplePerUnit"]!.Get<int>("max"));
        Assert.Equal(5, offering.Get<int>("maxUnitsPerBooking"));

        await (await tourist.BookAsync(Booker.StayBooking(camping, "2026-10-20", "2026-10-23", units: 30, adults: 2)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_not_allowed");

        // Paying online does not help a party that does not fit its units, nor more units than one booking takes.
        await (await tourist.BookAsync(Booker.StayBooking(camping, "2026-10-20", "2026-10-23", units: 3, adults: 2, paymentMethod: "alipay")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "units");
        await (await tourist.BookAsync(Booker.StayBooking(camping, "2026-10-20", "2026-10-23", units: 6, adults: 12, paymentMethod: "alipay")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "units");
        await (await tourist.BookAsync(Booker.StayBooking(camping, "2026-10-20", "2026-10-23", units: 1, adults: 5, paymentMethod: "alipay")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "units");

        var reserved = await api.WithDbAsync(db => db.Nights
            .Where(n => n.OfferingId == Guid.Parse(camping) && n.Date >= new DateOnly(2026, 10, 20) && n.Date < new DateOnly(2026, 10, 23))
            .SumAsync(n => n.Reserved, Ct));
        Assert.Equal(0, reserved);

        // The booking page does not offer what the offering does not take.
        using (var browser = await PageBrowser.SignedInAsync(api, "tourist@banan.local"))
        {
            var campingForm = await browser.Client.GetStringAsync($"/offerings/{camping}/book?checkIn=2026-10-20", Ct);
            Assert.DoesNotContain("value=\"PayOnArrival\"", campingForm, StringComparison.Ordinal);
            Assert.Contains("value=\"Alipay\"", campingForm, StringComparison.Ordinal);
            var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
            Assert.Contains("value=\"PayOnArrival\"", await browser.Client.GetStringAsync($"/offerings/{roses}/book?date=2026-10-20", Ct), StringComparison.Ordinal);
        }

        // A party that fits, paying online, is held as before.
        var held = await tourist.BookOkAsync(Booker.StayBooking(camping, "2026-10-20", "2026-10-23", units: 2, adults: 5, paymentMethod: "alipay"));
        Assert.Equal("held", held.Get<string>("status"));
    }

    [Fact]
    public async Task PayOnArrival_FollowsWhatTheOperatorGrants()
    {
        var tourist = await api.NewTouristAsync();
        var rooms = await _anonymous.OfferingIdAsync("山景标准间"); // the demo farm-stay grants it to parties of up to 6
        var offering = await (await _anonymous.GetAsync($"/api/v1/offerings/{rooms}", Ct)).ReadJsonAsync();
        Assert.True(offering["payOnArrival"]!.Get<bool>("allowed"));
        Assert.Equal(6, offering["payOnArrival"]!.Get<int>("maxPeople"));

        await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-24", "2026-10-25", units: 3, adults: 6));
        await (await tourist.BookAsync(Booker.StayBooking(rooms, "2026-10-26", "2026-10-27", units: 4, adults: 7)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_not_allowed");

        // The operator withdraws it from the rose garden's viewing sessions: nobody pays there on arrival any more.
        // (玫瑰园赏花, which no other test of this class books on arrival: the class shares one database.)
        var viewing = await _anonymous.OfferingIdAsync("玫瑰园赏花");
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var body = await (await _anonymous.GetAsync($"/api/v1/offerings/{viewing}", Ct)).ReadJsonAsync();
        object Edit(object? payOnArrival, object? peoplePerUnit = null) => new Dictionary<string, object?>
        {
            ["name"] = body.Get<string>("name"),
            ["description"] = body.Get<string>("description"),
            ["kind"] = "timeSlot",
            ["category"] = body.Get<string>("category"),
            ["prices"] = body["prices"]!.DeepClone(),
            ["cancellationPolicy"] = body["cancellationPolicy"]!.DeepClone(),
            ["published"] = true,
            ["payOnArrival"] = payOnArrival,
            ["peoplePerUnit"] = peoplePerUnit,
        }.Where(p => p.Value is not null).ToDictionary();
        var edited = await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(new { allowed = false }), Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.False((await edited.ReadJsonAsync())["payOnArrival"]!.Get<bool>("allowed"));

        // An edit that leaves the rule out (an older client) keeps it.
        var unchanged = await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(null), Ct);
        Assert.False((await unchanged.ReadJsonAsync())["payOnArrival"]!.Get<bool>("allowed"));
        await (await tourist.BookAsync(Booker.SlotBooking(viewing, await _anonymous.SlotIdAsync(viewing, "2026-10-24"), adults: 1)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_not_allowed");

        // Units belong to stays: a session offering that names them is refused by field.
        var refused = await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(null, new { min = 1, max = 2 }), Ct);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "peoplePerUnit");
    }

    [Fact]
    public async Task Race_30PayOnArrivalBookingsOfOneTouristForOneDate_ExactlyTheCeilingGetsIn()
    {
        var tourist = await api.NewTouristAsync();
        var flowers = await _anonymous.OfferingIdAsync("滨湖花海观光"); // 300-place sessions
        var slot = await _anonymous.SlotIdAsync(flowers, "2026-10-27");

        var answers = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(_ => Task.Run(() => tourist.BookAsync(Booker.SlotBooking(flowers, slot, adults: 1)), Ct)));

        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Created)); // Bookings:MaxPayOnArrivalPeoplePerDay
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_limit");
        }

        var me = await IdOfAsync(tourist);
        Assert.Equal(20, await api.WithDbAsync(db => db.Bookings.CountAsync(b => b.TouristId == me && b.Status == BookingStatus.Confirmed, Ct)));
        Assert.Equal(20, await api.WithDbAsync(db => db.TouristDays.Where(d => d.TouristId == me).SumAsync(d => d.PayOnArrivalPeople, Ct)));

        // Paying online is not limited by it; another date has its own ceiling.
        await tourist.BookOkAsync(Booker.SlotBooking(flowers, slot, adults: 2, paymentMethod: "card"));
        await tourist.BookOkAsync(Booker.SlotBooking(flowers, await _anonymous.SlotIdAsync(flowers, "2026-10-28"), adults: 20));

        // A cancelled booking gives its people back; a checked-in one is no longer open either.
        var first = await answers.First(a => a.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{first.Get<string>("id")}/cancel", null, Ct)).StatusCode);
        await tourist.BookOkAsync(Booker.SlotBooking(flowers, slot, adults: 1));
        await (await tourist.BookAsync(Booker.SlotBooking(flowers, slot, adults: 1))).AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_limit");
    }

    [Fact]
    public async Task PayOnArrivalStays_CountOnEveryNight()
    {
        var tourist = await api.NewTouristAsync();
        async Task<HttpResponseMessage> StayAsync(string name, string from, string to, int units, int adults) =>
            await tourist.BookAsync(Booker.StayBooking(await _anonymous.OfferingIdAsync(name), from, to, units, adults));

        Assert.Equal(HttpStatusCode.Created, (await StayAsync("山景标准间", "2026-11-02", "2026-11-05", 3, 6)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await StayAsync("果园客房", "2026-11-03", "2026-11-05", 3, 6)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await StayAsync("田园客房", "2026-11-04", "2026-11-05", 3, 6)).StatusCode);

        // The night of 4 November already holds 18 people paying on arrival: 4 more would be 22, though 4 November is
        // nobody's check-in date but this one's.
        await (await StayAsync("山景房", "2026-11-03", "2026-11-05", 2, 4)).AssertProblemAsync(HttpStatusCode.Conflict, "pay_on_arrival_limit");
        Assert.Equal(HttpStatusCode.Created, (await StayAsync("山景房", "2026-11-05", "2026-11-07", 2, 4)).StatusCode);
        var me = await IdOfAsync(tourist);
        var nights = await api.WithDbAsync(db => db.TouristDays.Where(d => d.TouristId == me).OrderBy(d => d.Date)
            .Select(d => d.PayOnArrivalPeople).ToListAsync(Ct));
        Assert.Equal([6, 12, 18, 4, 4], nights); // 2 … 6 November
    }

    [Fact]
    public async Task Race_TenHoldsOfOneTourist_ExactlyTheLimitIsHeld_AndAnEndedHoldGivesItsPlaceBack()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-29");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "alipay")), Ct)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created)); // Bookings:MaxUnpaidHolds
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");
        }

        var held = await answers.First(a => a.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{held.Get<string>("id")}/cancel", null, Ct)).StatusCode);
        await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "alipay"));
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "alipay"))).AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");

        // Expiry ends holds too.
        api.Clock.Advance(TimeSpan.FromMinutes(16));
        await api.ExpireHoldsAsync(); // the background sweep may have expired some of them already
        var me = await IdOfAsync(tourist);
        Assert.Equal(3, await api.WithDbAsync(db => db.Bookings.CountAsync(b => b.TouristId == me && b.Status == BookingStatus.Expired, Ct)));
        Assert.Equal(0, await api.WithDbAsync(db => db.Users.Where(u => u.Id == me).Select(u => u.UnpaidHolds).SingleAsync(Ct)));
        await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "alipay"));
    }

    private static async Task<Guid> IdOfAsync(HttpClient tourist) =>
        Guid.Parse((await (await tourist.GetAsync("/api/v1/me", Ct)).ReadJsonAsync()).Get<string>("id"));
}
