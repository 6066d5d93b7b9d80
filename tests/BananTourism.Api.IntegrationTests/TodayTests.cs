using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Today at each venue (issue 17): the figures kept in the booking transactions give booked, arrived, to come,
/// walk-ins and the level; the stream pushes a venue's row when it changes; crossing crowded alerts once a day.</summary>
public class TodayTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Today = "2026-09-21";
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AScriptedDay_GivesExactFigures_ForTheVenue_AndTheRebuildAgrees()
    {
        var daxia = await api.SignInAsync("operator.daxia@banan.local");
        var venue = await VenueIdAsync(daxia, "稻虾养殖基地");
        var before = await RowAsync(daxia, venue);
        var fishing = await _anonymous.OfferingIdAsync("稻田钓虾");
        var afternoon = await _anonymous.SlotIdAsync(fishing, Today, "14:00");
        var cooking = await _anonymous.OfferingIdAsync("钓虾+现场加工");
        var cookingSlot = await _anonymous.SlotIdAsync(cooking, Today, "16:00");
        var tourist = await api.NewTouristAsync();

        var a = await tourist.BookOkAsync(Booker.SlotBooking(fishing, afternoon, adults: 2));
        var b = await tourist.BookOkAsync(Booker.SlotBooking(fishing, afternoon, adults: 3, children: 1));
        var c = await tourist.BookOkAsync(Booker.SlotBooking(fishing, afternoon, adults: 2));
        var d = await tourist.BookOkAsync(Booker.SlotBooking(fishing, afternoon, adults: 1));
        await tourist.BookOkAsync(Booker.SlotBooking(cooking, cookingSlot, adults: 2));
        await tourist.BookOkAsync(Booker.SlotBooking(fishing, afternoon, adults: 1, paymentMethod: "card")); // held, unpaid: not booked

        await CheckInAsync(daxia, a, headcount: 2);
        await CheckInAsync(daxia, b, headcount: 3); // one of the four stayed home
        await WalkInsAsync(daxia, venue, 10);
        await WalkInsAsync(daxia, venue, -3); // a miscount put right
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{c.Get<string>("id")}/cancel", null, Ct)).StatusCode);
        var closed = await (await daxia.PostAsJsonAsync($"/api/v1/operator/offerings/{cooking}/closures",
            new { slotId = cookingSlot, reason = "暴雨" }, Ct)).ReadJsonAsync();
        Assert.Equal(1, closed.Get<int>("cancelledBookings"));

        var row = await RowAsync(daxia, venue);
        Assert.Equal(before.Get<int>("booked") + 2 + 4 + 1, row.Get<int>("booked")); // a, b and d stand; c and the closure's do not
        Assert.Equal(before.Get<int>("arrived") + 5, row.Get<int>("arrived"));
        Assert.Equal(before.Get<int>("expectedToCome") + 1, row.Get<int>("expectedToCome")); // d
        Assert.Equal(before.Get<int>("walkIns") + 7, row.Get<int>("walkIns"));
        Assert.Equal(600, row.Get<int>("capacity")); // the venue's daily cap
        var people = row.Get<int>("booked") + row.Get<int>("walkIns");
        Assert.Equal(600 - people, row.Get<int>("remaining"));
        Assert.Equal(Math.Round(people / 600m, 4), row.Get<decimal>("utilization"));
        Assert.Equal("comfortable", row.Get<string>("level"));
        await api.AssertFiguresEqualTheRebuildAsync();

        // The township's officer sees the same row; another township does not exist for them; a tourist is refused.
        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        var theirs = await (await officer.GetAsync("/api/v1/reports/today", Ct)).ReadJsonAsync();
        Assert.Equal(row.ToJsonString(), theirs["venues"]!.AsArray().Single(v => v!.Get<string>("venueId") == venue)!.ToJsonString());
        Assert.Equal(theirs["venues"]!.AsArray().Sum(v => v!.Get<int>("booked")), theirs["totals"]!.Get<int>("booked"));
        var townships = (await (await _anonymous.GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray();
        var other = townships.First(t => t!.Get<string>("id") != row.Get<string>("townshipId"))!.Get<string>("id");
        await (await officer.GetAsync($"/api/v1/reports/today?townshipId={other}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await tourist.GetAsync("/api/v1/reports/today", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.GetAsync("/api/v1/reports/today", Ct)).StatusCode);

        // An operator sees only their own venues.
        var mine = await (await daxia.GetAsync("/api/v1/reports/today", Ct)).ReadJsonAsync();
        Assert.Equal(Today, mine.Get<string>("date"));
        Assert.All(mine["venues"]!.AsArray(), v => Assert.Equal(row.Get<string>("operatorId"), v!.Get<string>("operatorId")));

        // Anyone may ask how crowded it is.
        var crowd = await (await _anonymous.GetAsync($"/api/v1/venues/{venue}/crowd", Ct)).ReadJsonAsync();
        Assert.Equal((Today, "comfortable"), (crowd.Get<string>("date"), crowd.Get<string>("level")));
        await (await _anonymous.GetAsync($"/api/v1/venues/{Guid.NewGuid()}/crowd", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheLevels_FollowTheVenuesThresholds_AndCrossingCrowdedTwice_AlertsOnce()
    {
        var grower = await api.SignInAsync("operator.huangjinlin@banan.local");
        var venue = await VenueIdAsync(grower, "兴农柑橘园");
        await (await SetVenueAsync(grower, venue, 100, new { busy = 0.9, crowded = 0.8 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "crowdThresholds.crowded");
        Assert.Equal(HttpStatusCode.OK, (await SetVenueAsync(grower, venue, 100, new { busy = 0.6, crowded = 0.85 })).StatusCode);
        var start = await RowAsync(grower, venue);
        var people = start.Get<int>("booked") + start.Get<int>("walkIns");
        Assert.True(people < 59, $"{people} people already");

        await WalkInsAsync(grower, venue, 59 - people);
        Assert.Equal("comfortable", (await RowAsync(grower, venue)).Get<string>("level"));
        await WalkInsAsync(grower, venue, 1);
        Assert.Equal(("busy", 0.6m), Level(await RowAsync(grower, venue))); // at the threshold
        await WalkInsAsync(grower, venue, 24);
        Assert.Equal("busy", (await RowAsync(grower, venue)).Get<string>("level"));
        await WalkInsAsync(grower, venue, 1);
        Assert.Equal(("crowded", 0.85m), Level(await RowAsync(grower, venue)));
        Assert.Equal("crowded", (await (await _anonymous.GetAsync($"/api/v1/venues/{venue}/crowd", Ct)).ReadJsonAsync()).Get<string>("level"));

        var alerts = await AlertsAsync(venue, atLeast: 1);
        Assert.Contains(alerts, a => a.To == "operator.huangjinlin@banan.local");
        Assert.Equal(alerts.Count, alerts.Select(a => a.To).Distinct().Count());

        // Down to busy and up again the same day: no second alert.
        await WalkInsAsync(grower, venue, -10);
        await WaitForLevelSeenAsync(venue, "busy");
        await WalkInsAsync(grower, venue, 10);
        await WaitForLevelSeenAsync(venue, "crowded");
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // two more rounds of the watcher
        Assert.Equal(alerts.Count, (await AlertsAsync(venue, atLeast: 0)).Count);
    }

    [Fact]
    public async Task TheStream_PushesAVenuesRow_WithinTwoSeconds_OfAWalkIn()
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var venue = await VenueIdAsync(rose, "幸福村玫瑰园");
        var officer = await api.SignInAsync("admin@banan.local");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/today/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await officer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var events = new SseReader(body);

        var first = await events.NextAsync(row => row.Get<string>("venueId") == venue, TimeSpan.FromSeconds(5));
        var walkIns = first.Get<int>("walkIns");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await WalkInsAsync(rose, venue, 12);
        var pushed = await events.NextAsync(row => row.Get<string>("venueId") == venue && row.Get<int>("walkIns") == walkIns + 12, TimeSpan.FromSeconds(2));
        TestContext.Current.TestOutputHelper?.WriteLine($"pushed {started.ElapsedMilliseconds} ms after the walk-in");
        Assert.Equal(first.Get<int>("booked"), pushed.Get<int>("booked"));

        var tourist = await api.NewTouristAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await tourist.GetAsync("/api/v1/reports/today/stream", Ct)).StatusCode);
    }

    private static (string, decimal) Level(JsonNode row) => (row.Get<string>("level"), row.Get<decimal>("utilization"));

    private async Task<string> VenueIdAsync(HttpClient operatorClient, string name)
    {
        var venues = (await (await operatorClient.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync()).AsArray();
        return venues.Single(v => v!.Get<string>("name") == name)!.Get<string>("id");
    }

    private static async Task<JsonNode> RowAsync(HttpClient client, string venueId)
    {
        var today = await (await client.GetAsync("/api/v1/reports/today", Ct)).ReadJsonAsync();
        return today["venues"]!.AsArray().Single(v => v!.Get<string>("venueId") == venueId)!;
    }

    private async Task WaitForLevelSeenAsync(string venueId, string level)
    {
        // The watcher's alert check runs each second: wait until it has read the level.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assert.Equal(level, (await (await _anonymous.GetAsync($"/api/v1/venues/{venueId}/crowd", Ct)).ReadJsonAsync()).Get<string>("level"));
    }

    private async Task<List<(string To, string Key)>> AlertsAsync(string venueId, int atLeast)
    {
        var prefix = $"crowdAlert:{venueId}:{Today}:crowded:";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rows = await api.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.DedupKey.StartsWith(prefix))
                .Select(m => new { m.To, m.DedupKey }).ToListAsync(Ct));
            if (rows.Count >= atLeast)
            {
                return rows.Select(r => (r.To, r.DedupKey)).ToList();
            }

            Assert.True(DateTime.UtcNow < deadline, "no crowd alert within 10 s");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task CheckInAsync(HttpClient operatorClient, JsonNode booking, int headcount) =>
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync("/api/v1/operator/check-ins",
            new { code = booking.Get<string>("verificationCode"), headcount }, Ct)).StatusCode);

    private static async Task WalkInsAsync(HttpClient operatorClient, string venueId, int count) =>
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync("/api/v1/operator/walk-ins",
            new { venueId, date = Today, count }, Ct)).StatusCode);

    private static async Task<HttpResponseMessage> SetVenueAsync(HttpClient operatorClient, string venueId, int dailyCap, object thresholds)
    {
        var venues = (await (await operatorClient.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync()).AsArray();
        var v = venues.Single(x => x!.Get<string>("id") == venueId)!;
        return await operatorClient.PutAsJsonAsync($"/api/v1/operator/venues/{venueId}", new
        {
            name = v.Get<string>("name"),
            nameEn = v["nameEn"]?.GetValue<string>(),
            description = v.Get<string>("description"),
            villageId = v.Get<string>("villageId"),
            categories = v["categories"],
            dailyCap,
            location = v["location"],
            crowdThresholds = thresholds,
        }, Ct);
    }
}
