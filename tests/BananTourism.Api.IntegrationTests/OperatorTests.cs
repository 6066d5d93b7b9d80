using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Operators through the real Api; the clock stands at 09:00 on Monday 21 September 2026 (Shanghai).</summary>
public class OperatorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Today = "2026-09-21";
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> Rose() => api.SignInAsync("operator.rose@banan.local");

    private Task<HttpClient> Yunlin() => api.SignInAsync("operator.yunlin@banan.local");

    [Fact]
    public async Task AnOperatorOpensAVenueWithAnOfferingAndASchedule_AndTouristsBookIt()
    {
        var rose = await Rose();
        var venue = await NewVenueAsync(rose);
        var offering = await NewOfferingAsync(rose, venue);

        var schedule = new { from = "2026-09-22", to = "2026-09-28", daysOfWeek = new[] { 6, 7 }, times = new[] { new { start = "09:00", end = "11:00" }, new { start = "14:00", end = "16:00" } }, capacity = 12 };
        var first = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{offering}/schedule", schedule, Ct)).ReadJsonAsync();
        Assert.Equal(4, first.Get<int>("created")); // Saturday and Sunday, two sessions each
        Assert.Equal(0, first.Get<int>("existing"));
        var again = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{offering}/schedule", schedule, Ct)).ReadJsonAsync();
        Assert.Equal(0, again.Get<int>("created"));
        Assert.Equal(4, again.Get<int>("existing"));

        var slots = (await (await _anonymous.GetAsync($"/api/v1/offerings/{offering}/availability?from=2026-09-22&to=2026-09-28", Ct)).ReadJsonAsync())["slots"]!.AsArray();
        Assert.Equal(["2026-09-26", "2026-09-26", "2026-09-27", "2026-09-27"], slots.Select(s => s!.Get<string>("date")));
        Assert.All(slots, s => Assert.Equal(12, s!.Get<int>("capacity")));

        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(offering, slots[0]!.Get<string>("id")));
        Assert.Equal(2 * 4800, booking["total"]!.Get<long>("amount")); // the weekend price

        var mine = await (await rose.GetAsync($"/api/v1/operator/bookings?venueId={venue}&date=2026-09-26", Ct)).ReadJsonAsync();
        Assert.Equal([booking.Get<string>("id")], mine["items"]!.AsArray().Select(b => b!.Get<string>("id")));
        Assert.Contains((await (await rose.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync()).AsArray(), v => v!.Get<string>("id") == venue);
    }

    [Fact]
    public async Task NightlySchedule_PutsUnitsOnSaleForEachNight()
    {
        var rose = await Rose();
        var venue = await NewVenueAsync(rose);
        var rooms = await NewOfferingAsync(rose, venue, nightly: true);
        var created = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{rooms}/schedule", new { from = "2026-10-01", to = "2026-10-03", units = 4 }, Ct)).ReadJsonAsync();
        Assert.Equal(3, created.Get<int>("created"));
        var nights = (await (await _anonymous.GetAsync($"/api/v1/offerings/{rooms}/availability?from=2026-10-01&to=2026-10-03", Ct)).ReadJsonAsync())["nights"]!.AsArray();
        Assert.All(nights, n => Assert.Equal(4, n!.Get<int>("units")));
    }

    [Theory]
    [InlineData("""{"name":"x","description":"","villageId":"VIL","categories":[]}""", "categories")]
    [InlineData("""{"name":"x","description":"","villageId":"VIL","categories":["skiing"]}""", "categories[0]")]
    [InlineData("""{"name":"","description":"","villageId":"VIL","categories":["picking"]}""", "name")]
    [InlineData("""{"name":"x","description":"","villageId":"VIL","categories":["picking"],"dailyCap":0}""", "dailyCap")]
    [InlineData("""{"name":"x","description":"","villageId":"VIL","categories":["picking"],"location":{"latitude":91,"longitude":0}}""", "location.latitude")]
    [InlineData("""{"name":"x","description":"","villageId":"00000000-0000-0000-0000-000000000001","categories":["picking"]}""", "villageId")]
    [InlineData("""{"name":"x","description":"","villageId":"VIL","categories":["picking"],"operatorId":"00000000-0000-0000-0000-000000000001"}""", "operatorId")]
    public async Task CreateVenue_WithBadInput_Returns400NamingTheField(string template, string field)
    {
        var rose = await Rose();
        var json = template.Replace("VIL", await VillageAsync("幸福村"), StringComparison.Ordinal);
        var response = await rose.PostAsync("/api/v1/operator/venues", new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Theory]
    [InlineData("timeSlot", """{"perNight":{"amount":100,"currency":"CNY"}}""", "prices.adult")]
    [InlineData("nightly", """{"adult":{"amount":100,"currency":"CNY"}}""", "prices.perNight")]
    [InlineData("timeSlot", """{"adult":{"amount":100,"currency":"USD"}}""", "prices.adult")]
    [InlineData("timeSlot", """{"adult":{"amount":-1,"currency":"CNY"}}""", "prices.adult")]
    [InlineData("timeSlot", """{"adult":{"amount":100,"currency":"CNY"},"child":{"amount":99999999,"currency":"CNY"}}""", "prices.child")]
    public async Task CreateOffering_WithBadPrices_Returns400(string kind, string prices, string field)
    {
        var rose = await Rose();
        var venue = await NewVenueAsync(rose);
        var json = $$"""{"name":"x","description":"","kind":"{{kind}}","category":"picking","prices":{{prices}},"cancellationPolicy":{"freeUntilHoursBefore":24,"refundPercentAfter":50},"published":true}""";
        var response = await rose.PostAsync($"/api/v1/operator/venues/{venue}/offerings", new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task UpdateOffering_CannotChangeKind_AndNewPricesLeaveBookingsAlone()
    {
        var rose = await Rose();
        var venue = await NewVenueAsync(rose);
        var offering = await NewOfferingAsync(rose, venue);
        await ScheduleAsync(rose, offering, "2026-09-23");
        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(offering, await _anonymous.SlotIdAsync(offering, "2026-09-23"), adults: 1));

        var nightly = OfferingJson(nightly: true);
        await (await rose.PutAsync($"/api/v1/operator/offerings/{offering}", Content(nightly), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "kind");

        var dearer = OfferingJson(adultPrice: 9900);
        var updated = await (await rose.PutAsync($"/api/v1/operator/offerings/{offering}", Content(dearer), Ct)).ReadJsonAsync();
        Assert.Equal(9900, updated["prices"]!["adult"]!.Get<long>("amount"));
        var same = await (await tourist.GetAsync($"/api/v1/bookings/{booking.Get<string>("id")}", Ct)).ReadJsonAsync();
        Assert.Equal(3800, same["total"]!.Get<long>("amount"));
    }

    [Theory]
    [InlineData("""{"from":"2026-09-20","to":"2026-09-22","times":[{"start":"09:00","end":"10:00"}],"capacity":5}""", "from")]
    [InlineData("""{"from":"2026-09-22","to":"2027-09-30","times":[{"start":"09:00","end":"10:00"}],"capacity":5}""", "to")]
    [InlineData("""{"from":"2026-09-22","to":"2026-09-23","times":[{"start":"10:00","end":"09:00"}],"capacity":5}""", "times[0]")]
    [InlineData("""{"from":"2026-09-22","to":"2026-09-23","times":[{"start":"09:00","end":"10:00"},{"start":"09:00","end":"11:00"}],"capacity":5}""", "times")]
    [InlineData("""{"from":"2026-09-22","to":"2026-09-23","daysOfWeek":[0],"times":[{"start":"09:00","end":"10:00"}],"capacity":5}""", "daysOfWeek")]
    [InlineData("""{"from":"2026-09-22","to":"2026-09-23","times":[{"start":"09:00","end":"10:00"}],"capacity":0}""", "capacity")]
    [InlineData("""{"from":"2026-09-22","to":"2026-09-23","times":[{"start":"09:00","end":"10:00"}],"capacity":5,"units":3}""", "units")]
    [InlineData("""{"from":"2026-09-22","to":"2026-09-23","times":[{"start":"9am","end":"10:00"}],"capacity":5}""", "times[0].start")]
    public async Task Schedule_WithBadInput_Returns400NamingTheField(string json, string field)
    {
        var rose = await Rose();
        var offering = await NewOfferingAsync(rose, await NewVenueAsync(rose));
        var response = await rose.PostAsync($"/api/v1/operator/offerings/{offering}/schedule", Content(json), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task SlotCapacity_NeverGoesBelowWhatIsBooked()
    {
        var rose = await Rose();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-09-30", "14:00");
        await (await api.NewTouristAsync()).BookOkAsync(Booker.SlotBooking(roses, slot, adults: 3));

        await (await rose.PutAsJsonAsync($"/api/v1/operator/slots/{slot}", new { capacity = 2 }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "capacity_below_reserved");
        var changed = await (await rose.PutAsJsonAsync($"/api/v1/operator/slots/{slot}", new { capacity = 3 }, Ct)).ReadJsonAsync();
        Assert.Equal(3, changed.Get<int>("capacity"));
        Assert.Equal(0, changed.Get<int>("remaining"));
    }

    [Fact]
    public async Task Closure_CancelsHeldAndConfirmedBookings_LeavesCheckedInAndCancelledAlone()
    {
        // The shrimp farm's sessions, so the rose garden stays open for the other tests of this class.
        var rose = await api.SignInAsync("operator.daxia@banan.local");
        var roses = await _anonymous.OfferingIdAsync("稻田钓虾");
        var slot = await _anonymous.SlotIdAsync(roses, Today, "14:00");
        var tourist = await api.NewTouristAsync();
        var held = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "card"));
        var confirmed = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 2));
        var checkedIn = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 3));
        var cancelled = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 4));
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{cancelled.Get<string>("id")}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rose.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = checkedIn.Get<string>("verificationCode"), headcount = 3 }, Ct)).StatusCode);

        var preview = await (await rose.GetAsync($"/api/v1/operator/offerings/{roses}/closures/preview?from={Today}&to={Today}", Ct)).ReadJsonAsync();
        Assert.Equal(2, preview.Get<int>("cancelledBookings"));

        var closed = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures", new { from = Today, to = Today, reason = "暴雨预警" }, Ct)).ReadJsonAsync();
        Assert.Equal(2, closed.Get<int>("closedSlots"));
        Assert.Equal(2, closed.Get<int>("cancelledBookings"));
        Assert.Equal(0, closed["refunded"]!.Get<long>("amount"));

        async Task<JsonNode> Get(JsonNode b) => await (await tourist.GetAsync($"/api/v1/bookings/{b.Get<string>("id")}", Ct)).ReadJsonAsync();
        Assert.Equal("cancelled", (await Get(held)).Get<string>("status"));
        Assert.Equal("cancelled", (await Get(confirmed)).Get<string>("status"));
        Assert.Contains("暴雨预警", (await Get(confirmed)).Get<string>("cancelReason"), StringComparison.Ordinal);
        Assert.Equal("checkedIn", (await Get(checkedIn)).Get<string>("status"));
        Assert.Equal("Cancelled by the tourist.", (await Get(cancelled)).Get<string>("cancelReason"));
        Assert.Equal(3, (await api.SlotAsync(slot)).Reserved); // only the party that came still holds places

        var again = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures", new { from = Today, to = Today, reason = "暴雨预警" }, Ct)).ReadJsonAsync();
        Assert.Equal(0, again.Get<int>("closedSlots"));
        Assert.Equal(0, again.Get<int>("cancelledBookings"));
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot))).AssertProblemAsync(HttpStatusCode.Conflict, "closed");
        var availability = await (await _anonymous.GetAsync($"/api/v1/offerings/{roses}/availability?from={Today}&to={Today}", Ct)).ReadJsonAsync();
        Assert.All(availability["slots"]!.AsArray(), s => Assert.Equal("closed", s!.Get<string>("status")));
    }

    [Fact]
    public async Task Closure_OfNights_CancelsStaysThatTouchThem()
    {
        var nongjiale = await api.SignInAsync("operator.nongjiale@banan.local");
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        var tourist = await api.NewTouristAsync();
        var overlapping = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-20", "2026-10-23"));
        var before = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-18", "2026-10-21"));
        var after = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-21", "2026-10-23"));

        var closed = await (await nongjiale.PostAsJsonAsync($"/api/v1/operator/offerings/{rooms}/closures", new { from = "2026-10-21", to = "2026-10-21", reason = "停电检修" }, Ct)).ReadJsonAsync();
        Assert.Equal(1, closed.Get<int>("closedNights"));
        Assert.Equal(2, closed.Get<int>("cancelledBookings")); // the stays over the night of the 21st; one leaving on the 21st is not one
        var untouched = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-22", "2026-10-23"));
        Assert.Equal("confirmed", untouched.Get<string>("status"));
        await (await tourist.BookAsync(Booker.StayBooking(rooms, "2026-10-20", "2026-10-22"))).AssertProblemAsync(HttpStatusCode.Conflict, "closed");
        async Task<string> StatusOf(JsonNode b) => (await (await tourist.GetAsync($"/api/v1/bookings/{b.Get<string>("id")}", Ct)).ReadJsonAsync()).Get<string>("status");
        Assert.Equal("cancelled", await StatusOf(overlapping));
        Assert.Equal("confirmed", await StatusOf(before));
        Assert.Equal("cancelled", await StatusOf(after));
    }

    [Fact]
    public async Task CheckIn_AnswersClearlyForEveryCase()
    {
        var rose = await Rose();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var tourist = await api.NewTouristAsync();
        var today = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, Today, "14:00"), adults: 2, children: 1));
        var tomorrow = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-22")));
        var cancelled = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, Today, "14:00")));
        var cancelledCode = cancelled.Get<string>("verificationCode");
        await tourist.PostAsync($"/api/v1/bookings/{cancelled.Get<string>("id")}/cancel", null, Ct);

        await (await CheckInAsync(rose, "ZZZZ-ZZZZ", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await CheckInAsync(rose, tomorrow.Get<string>("verificationCode"), 2)).AssertProblemAsync(HttpStatusCode.Conflict, "not_checkable");
        await (await CheckInAsync(rose, cancelledCode, 2)).AssertProblemAsync(HttpStatusCode.Conflict, "not_checkable");
        await (await CheckInAsync(rose, today.Get<string>("verificationCode"), 6)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "headcount_too_high");
        await (await CheckInAsync(rose, today.Get<string>("verificationCode"), 0)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "headcount");

        // Typed at the gate: lower case, no dash, O for 0 — still the same code.
        var typed = today.Get<string>("verificationCode").Replace("-", "", StringComparison.Ordinal).Replace('0', 'O').ToLowerInvariant();
        var ok = await (await CheckInAsync(rose, typed, 2)).ReadJsonAsync();
        Assert.Equal("checkedIn", ok.Get<string>("status"));
        Assert.Equal(2, ok.Get<int>("headcount"));
        var second = await (await CheckInAsync(rose, today.Get<string>("verificationCode"), 2)).AssertProblemAsync(HttpStatusCode.Conflict, "already_checked_in");
        Assert.Contains("09:00", second.Get<string>("detail"), StringComparison.Ordinal);

        var booking = await (await tourist.GetAsync($"/api/v1/bookings/{today.Get<string>("id")}", Ct)).ReadJsonAsync();
        Assert.Equal("checkedIn", booking.Get<string>("status"));
        Assert.Equal(2, booking.Get<int>("headcount"));
    }

    [Fact]
    public async Task CheckIn_ScannedTwiceAtOnce_SucceedsOnce()
    {
        var rose = await Rose();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var tourist = await api.NewTouristAsync();
        for (var round = 0; round < 5; round++)
        {
            var code = (await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, Today, "14:00"), adults: 1))).Get<string>("verificationCode");
            var scans = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CheckInAsync(rose, code, 1), Ct)));
            Assert.Equal(1, scans.Count(s => s.StatusCode == HttpStatusCode.OK));
            foreach (var other in scans.Where(s => s.StatusCode != HttpStatusCode.OK))
            {
                await other.AssertProblemAsync(HttpStatusCode.Conflict, "already_checked_in");
            }
        }
    }

    [Fact]
    public async Task WalkIns_AddUp_CorrectionsCannotGoBelowZero_AndTheyUseTheDailyCap()
    {
        var rose = await Rose();
        var venue = await NewVenueAsync(rose, dailyCap: 10);
        var offering = await NewOfferingAsync(rose, venue);
        await ScheduleAsync(rose, offering, Today, start: "15:00");

        var first = await rose.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = Today, count = 6 }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(6, (await first.ReadJsonAsync()).Get<int>("dayTotal"));
        var fix = await (await rose.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = Today, count = -2 }, Ct)).ReadJsonAsync();
        Assert.Equal(4, fix.Get<int>("dayTotal"));
        await (await rose.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = Today, count = -5 }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "walk_ins_below_zero");
        await (await rose.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = "2026-09-22", count = 3 }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "date");
        await (await rose.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = Today, count = 0 }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "count");

        var day = await (await rose.GetAsync($"/api/v1/operator/walk-ins?venueId={venue}&date={Today}", Ct)).ReadJsonAsync();
        Assert.Equal(4, day.Get<int>("total"));
        Assert.Equal([6, -2], day["entries"]!.AsArray().Select(e => e!.Get<int>("count")));
        Assert.All(day["entries"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty(e!.Get<string>("recordedBy"))));

        // Cap 10, 4 came without booking: a party of 7 no longer fits, a party of 6 does.
        var tourist = await api.NewTouristAsync();
        var slot = await _anonymous.SlotIdAsync(offering, Today, "15:00");
        await (await tourist.BookAsync(Booker.SlotBooking(offering, slot, adults: 7))).AssertProblemAsync(HttpStatusCode.Conflict, "daily_cap_reached");
        await tourist.BookOkAsync(Booker.SlotBooking(offering, slot, adults: 6));
    }

    [Fact]
    public async Task NoShow_OnlyAfterTheSessionEnded()
    {
        var rose = await Rose();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, Today, "14:00")));
        await (await rose.PostAsync($"/api/v1/operator/bookings/{booking.Get<string>("id")}/no-show", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "not_no_show_yet");
    }

    [Fact]
    public async Task CrossTenant_AnotherOperatorsIdsAnswer404Everywhere()
    {
        var rose = await Rose();
        var yunlin = await Yunlin();
        var venue = (await (await _anonymous.GetAsync($"/api/v1/venues?q={Uri.EscapeDataString("幸福村玫瑰园")}", Ct)).ReadJsonAsync())["items"]![0]!.Get<string>("id");
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-01");
        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, Today, "14:00")));

        var attempts = new (string Name, Task<HttpResponseMessage> Call)[]
        {
            ("update venue", yunlin.PutAsync($"/api/v1/operator/venues/{venue}", Content(VenueJson(await VillageAsync("幸福村"))), Ct)),
            ("list offerings", yunlin.GetAsync($"/api/v1/operator/venues/{venue}/offerings", Ct)),
            ("create offering", yunlin.PostAsync($"/api/v1/operator/venues/{venue}/offerings", Content(OfferingJson()), Ct)),
            ("update offering", yunlin.PutAsync($"/api/v1/operator/offerings/{roses}", Content(OfferingJson()), Ct)),
            ("schedule", yunlin.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/schedule", new { from = "2026-10-01", to = "2026-10-01", times = new[] { new { start = "18:00", end = "19:00" } }, capacity = 5 }, Ct)),
            ("slot capacity", yunlin.PutAsJsonAsync($"/api/v1/operator/slots/{slot}", new { capacity = 1 }, Ct)),
            ("close", yunlin.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures", new { from = "2026-10-01", to = "2026-10-01", reason = "x" }, Ct)),
            ("preview", yunlin.GetAsync($"/api/v1/operator/offerings/{roses}/closures/preview?from=2026-10-01&to=2026-10-01", Ct)),
            ("no-show", yunlin.PostAsync($"/api/v1/operator/bookings/{booking.Get<string>("id")}/no-show", null, Ct)),
            ("check-in", CheckInAsync(yunlin, booking.Get<string>("verificationCode"), 1)),
            ("record walk-in", yunlin.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = Today, count = 1 }, Ct)),
            ("list walk-ins", yunlin.GetAsync($"/api/v1/operator/walk-ins?venueId={venue}&date={Today}", Ct)),
            ("calendar", yunlin.GetAsync($"/api/v1/operator/calendar.ics?venueId={venue}", Ct)),
        };
        foreach (var (name, call) in attempts)
        {
            var response = await call;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        var theirs = await (await yunlin.GetAsync($"/api/v1/operator/bookings?venueId={venue}", Ct)).ReadJsonAsync();
        Assert.Equal(0, theirs.Get<int>("total"));
        Assert.DoesNotContain((await (await yunlin.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync()).AsArray(), v => v!.Get<string>("id") == venue);
        Assert.Equal(40, (await api.SlotAsync(slot)).Capacity); // untouched by the other operator
        Assert.Equal(HttpStatusCode.OK, (await rose.GetAsync($"/api/v1/operator/venues/{venue}/offerings", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("tourist@banan.local")]
    [InlineData("officer.ersheng@banan.local")]
    public async Task OperatorEndpoints_ForOtherRoles_Return403(string email)
    {
        var client = await api.SignInAsync(email);
        await (await client.GetAsync("/api/v1/operator/venues", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await CheckInAsync(client, "AAAA-AAAA", 1)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, string code, int headcount) =>
        client.PostAsJsonAsync("/api/v1/operator/check-ins", new { code, headcount }, Ct);

    private static StringContent Content(string json) => new(json, new MediaTypeHeaderValue("application/json"));

    private async Task<string> VillageAsync(string name) =>
        (await (await _anonymous.GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray()
        .SelectMany(t => t!["villages"]!.AsArray()).Single(v => v!.Get<string>("name") == name)!.Get<string>("id");

    private static string VenueJson(string village, int? dailyCap = null)
    {
        var cap = dailyCap is { } c ? $",\"dailyCap\":{c}" : "";
        return $$"""{"name":"幸福村无花果园 {{Guid.NewGuid():N}}","description":"无花果采摘","villageId":"{{village}}","categories":["picking"]""" + cap + "}";
    }

    private static string OfferingJson(bool nightly = false, long adultPrice = 3800) => nightly
        ? """{"name":"果园木屋","description":"","kind":"nightly","category":"farmStay","prices":{"perNight":{"amount":25800,"currency":"CNY"}},"minNights":1,"cancellationPolicy":{"freeUntilHoursBefore":48,"refundPercentAfter":50},"published":true}"""
        : $$$"""{"name":"无花果采摘","description":"含1斤","kind":"timeSlot","category":"picking","prices":{"adult":{"amount":{{{adultPrice}}},"currency":"CNY"},"child":{"amount":1900,"currency":"CNY"},"weekend":{"amount":4800,"currency":"CNY"}},"maxParty":8,"cancellationPolicy":{"freeUntilHoursBefore":24,"refundPercentAfter":50},"published":true}""";

    private async Task<string> NewVenueAsync(HttpClient client, int? dailyCap = null)
    {
        var response = await client.PostAsync("/api/v1/operator/venues", Content(VenueJson(await VillageAsync("幸福村"), dailyCap)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).Get<string>("id");
    }

    private static async Task<string> NewOfferingAsync(HttpClient client, string venue, bool nightly = false)
    {
        var response = await client.PostAsync($"/api/v1/operator/venues/{venue}/offerings", Content(OfferingJson(nightly)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).Get<string>("id");
    }

    private static async Task ScheduleAsync(HttpClient client, string offering, string date, string start = "09:00")
    {
        var end = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture).AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync($"/api/v1/operator/offerings/{offering}/schedule",
            new { from = date, to = date, times = new[] { new { start, end } }, capacity = 20 }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>No-shows need the clock to move past the session, so they get a factory of their own.</summary>
public class NoShowTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task NoShow_AfterTheSessionEnded_IsRecorded()
    {
        var anonymous = api.CreateClient();
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, "2026-09-21", "14:00")));

        api.Clock.Advance(TimeSpan.FromHours(7)); // 16:00, the session's end
        rose = await api.SignInAsync("operator.rose@banan.local"); // the morning's token has expired
        var marked = await rose.PostAsync($"/api/v1/operator/bookings/{booking.Get<string>("id")}/no-show", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal("noShow", (await marked.ReadJsonAsync()).Get<string>("status"));
        await (await rose.PostAsync($"/api/v1/operator/bookings/{booking.Get<string>("id")}/no-show", null, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Conflict, "not_checkable");
    }
}
