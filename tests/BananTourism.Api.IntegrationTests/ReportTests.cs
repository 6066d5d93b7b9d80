using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Exact figures for a small hand-built day at the shrimp farm (稻虾养殖基地, 二圣镇): a partial check-in,
/// a no-show, walk-ins, an online payment, a late cancellation with a half refund.</summary>
public class ReportTests(PaymentTests.ManualFactory api) : IClassFixture<PaymentTests.ManualFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Visitors_AddUpExactly_ByDayMonthAndPlace_AndTheRebuildAgrees()
    {
        var anonymous = api.CreateClient();
        var daxia = await api.SignInAsync("operator.daxia@banan.local");
        var fishing = await anonymous.OfferingIdAsync("稻田钓虾"); // 8800 adult, 4800 child on weekdays; 12 h free, then 50 %
        var today = await anonymous.SlotIdAsync(fishing, "2026-09-21", "14:00");
        var tomorrow = await anonymous.SlotIdAsync(fishing, "2026-09-22", "09:00");
        var venue = (await (await anonymous.GetAsync($"/api/v1/offerings/{fishing}", Ct)).ReadJsonAsync()).Get<string>("venueId");
        var tourist = await api.NewTouristAsync();

        var partial = await tourist.BookOkAsync(Booker.SlotBooking(fishing, today, adults: 2, children: 1));      // 22,400 at the gate
        var noShow = await tourist.BookOkAsync(Booker.SlotBooking(fishing, today, adults: 2));                    // booked, never came
        var paidTomorrow = await PaidAsync(tourist, Booker.SlotBooking(fishing, tomorrow, adults: 1, paymentMethod: "card")); // 8,800 online
        var cancelledLate = await PaidAsync(tourist, Booker.SlotBooking(fishing, today, adults: 1, paymentMethod: "card"));   // 8,800 paid, 4,400 back
        var cancelled = await (await tourist.PostAsync($"/api/v1/bookings/{cancelledLate.Get<string>("id")}/cancel", null, Ct)).ReadJsonAsync();
        Assert.Equal(4400, cancelled["refund"]!.Get<long>("amount"));

        Assert.Equal(HttpStatusCode.OK, (await daxia.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = partial.Get<string>("verificationCode"), headcount = 2 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await daxia.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = "2026-09-21", count = 12 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await daxia.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = "2026-09-21", count = -2 }, Ct)).StatusCode);

        api.Clock.Advance(TimeSpan.FromHours(8)); // 17:00: the 14:00 session is over
        daxia = await api.SignInAsync("operator.daxia@banan.local");
        Assert.Equal(HttpStatusCode.OK, (await daxia.PostAsync($"/api/v1/operator/bookings/{noShow.Get<string>("id")}/no-show", null, Ct)).StatusCode);

        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        var byDay = await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-21&to=2026-09-22&groupBy=day&by=venue&venueId={venue}", Ct)).ReadJsonAsync();
        var rows = byDay["rows"]!.AsArray();
        Assert.Equal(2, rows.Count);
        AssertRow(rows[0]!, "2026-09-21", booked: 5, checkedIn: 2, walkIns: 10, revenue: 22400 + 4400);
        AssertRow(rows[1]!, "2026-09-22", booked: 1, checkedIn: 0, walkIns: 0, revenue: 8800);
        Assert.Equal("稻虾养殖基地", rows[0]!.Get<string>("name"));
        var totals = byDay["totals"]!;
        Assert.Equal(6, totals.Get<int>("booked"));
        Assert.Equal(12, totals.Get<int>("visitors"));
        Assert.Equal(35600, totals["revenue"]!.Get<long>("amount"));

        var byMonth = await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-01&to=2026-10-31&groupBy=month&venueId={venue}", Ct)).ReadJsonAsync();
        Assert.Equal(["2026-09", "2026-10"], byMonth["rows"]!.AsArray().Select(r => r!.Get<string>("period")));
        AssertRow(byMonth["rows"]![0]!, "2026-09", booked: 6, checkedIn: 2, walkIns: 10, revenue: 35600);
        AssertRow(byMonth["rows"]![1]!, "2026-10", booked: 0, checkedIn: 0, walkIns: 0, revenue: 0); // no gaps for charts

        var byWeek = await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-21&to=2026-09-27&groupBy=week&venueId={venue}&by=category", Ct)).ReadJsonAsync();
        var week = Assert.Single(byWeek["rows"]!.AsArray());
        Assert.Equal("2026-W39", week!.Get<string>("period"));
        Assert.Equal("fishing", week!.Get<string>("key"));

        var admin = await api.SignInAsync("admin@banan.local");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reports/visitors?from=2026-09-21&to=2026-09-21&by=township", Ct)).StatusCode);
        var rebuild = await (await admin.PostAsync("/api/v1/admin/reports/rebuild", null, Ct)).ReadJsonAsync();
        Assert.False(rebuild.Get<bool>("changed"), "the kept daily figures differ from what the bookings say");
        var again = await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-21&to=2026-09-22&groupBy=day&by=venue&venueId={venue}", Ct)).ReadJsonAsync();
        Assert.Equal(byDay.ToJsonString(), again.ToJsonString());
        Assert.NotNull(paidTomorrow);
    }

    [Fact]
    public async Task MonthAndWeekBoundaries_FollowShanghaiDates()
    {
        // 23:30 on 30 September in Chongqing is 15:30 UTC: still September. 00:30 on 1 October is 16:30 UTC on 30 September: October.
        var anonymous = api.CreateClient();
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var village = (await (await anonymous.GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray()
            .SelectMany(t => t!["villages"]!.AsArray()).Single(v => v!.Get<string>("name") == "幸福村")!.Get<string>("id");
        var venue = (await (await rose.PostAsJsonAsync("/api/v1/operator/venues",
            new { name = "幸福村夜游 " + Guid.NewGuid().ToString("N")[..6], description = "", villageId = village, categories = new[] { "tour" } }, Ct)).ReadJsonAsync()).Get<string>("id");
        var offering = (await (await rose.PostAsJsonAsync($"/api/v1/operator/venues/{venue}/offerings", new
        {
            name = "萤火虫夜游", description = "", kind = "timeSlot", category = "tour",
            prices = new { adult = new { amount = 5000, currency = "CNY" } },
            cancellationPolicy = new { freeUntilHoursBefore = 24, refundPercentAfter = 50 }, published = true,
        }, Ct)).ReadJsonAsync()).Get<string>("id");
        await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{offering}/schedule", new { from = "2026-09-27", to = "2026-10-01", times = new[] { new { start = "00:30", end = "01:30" }, new { start = "23:30", end = "23:59" } }, capacity = 10 }, Ct);

        var tourist = await api.NewTouristAsync();
        await tourist.BookOkAsync(Booker.SlotBooking(offering, await anonymous.SlotIdAsync(offering, "2026-09-30", "23:30"), adults: 1));
        await tourist.BookOkAsync(Booker.SlotBooking(offering, await anonymous.SlotIdAsync(offering, "2026-10-01", "00:30"), adults: 2));
        await tourist.BookOkAsync(Booker.SlotBooking(offering, await anonymous.SlotIdAsync(offering, "2026-09-27", "23:30"), adults: 4)); // a Sunday

        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        var months = (await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-01&to=2026-10-31&groupBy=month&venueId={venue}", Ct)).ReadJsonAsync())["rows"]!.AsArray();
        Assert.Equal([5, 2], months.Select(r => r!.Get<int>("booked")));
        var weeks = (await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-21&to=2026-10-04&groupBy=week&venueId={venue}", Ct)).ReadJsonAsync())["rows"]!.AsArray();
        Assert.Equal(["2026-W39", "2026-W40"], weeks.Select(r => r!.Get<string>("period")));
        Assert.Equal([4, 3], weeks.Select(r => r!.Get<int>("booked")));
    }

    [Fact]
    public async Task Officers_SeeOnlyTheirTownship_OthersAreForbidden()
    {
        var anonymous = api.CreateClient();
        var townships = (await (await anonymous.GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray();
        var dongwenquan = townships.Single(t => t!.Get<string>("name") == "东温泉镇")!.Get<string>("id");
        var officer = await api.SignInAsync("officer.ersheng@banan.local");

        await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-01&to=2026-09-30&townshipId={dongwenquan}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var citrus = (await (await anonymous.GetAsync($"/api/v1/venues?q={Uri.EscapeDataString("兴农柑橘园")}", Ct)).ReadJsonAsync())["items"]![0]!.Get<string>("id");
        await (await officer.GetAsync($"/api/v1/reports/visitors?from=2026-09-01&to=2026-09-30&venueId={citrus}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var mine = await (await officer.GetAsync("/api/v1/reports/visitors?from=2026-09-01&to=2026-09-30&by=township", Ct)).ReadJsonAsync();
        Assert.All(mine["rows"]!.AsArray(), r => Assert.True(r!["name"] is null || r.Get<string>("name") == "二圣镇"));

        foreach (var email in new[] { "tourist@banan.local", "operator.rose@banan.local" })
        {
            var client = await api.SignInAsync(email);
            await (await client.GetAsync("/api/v1/reports/visitors?from=2026-09-01&to=2026-09-30", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Theory]
    [InlineData("from=2026-09-01", "to")]
    [InlineData("from=2026-09-01&to=2030-01-01", "to")]
    [InlineData("from=2026-09-01&to=2026-09-30&groupBy=decade", "groupBy")]
    [InlineData("from=2026-09-01&to=2026-09-30&by=planet", "by")]
    public async Task Report_WithBadQuery_Returns400(string query, string field)
    {
        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        await (await officer.GetAsync($"/api/v1/reports/visitors?{query}", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task Csv_IsUtf8WithBom_AndEscapesNames()
    {
        var venue = await VenueWithWalkInsAsync("农家乐 \"老王\", 二圣", walkIns: 7);

        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        var csv = await officer.GetAsync($"/api/v1/reports/visitors.csv?from=2026-09-21&to=2026-09-21&groupBy=day&by=venue&venueId={venue}", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,key,name,booked,checkedIn,walkIns,visitors,revenueFen,revenueYuan,ticketRevenueFen,extrasRevenueFen,produceRevenueFen", lines[0]);
        Assert.Equal($"2026-09-21,{venue},\"农家乐 \"\"老王\"\", 二圣\",0,0,7,7,0,0.00,0,0,0", lines[1]);
    }

    /// <summary>A new venue of the rose garden's operator at 幸福村, with walk-ins on 21 September; its id.</summary>
    private async Task<string> VenueWithWalkInsAsync(string name, int walkIns)
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var village = (await (await api.CreateClient().GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray()
            .SelectMany(t => t!["villages"]!.AsArray()).Single(v => v!.Get<string>("name") == "幸福村")!.Get<string>("id");
        var venue = (await (await rose.PostAsJsonAsync("/api/v1/operator/venues",
            new { name, description = "", villageId = village, categories = new[] { "farmStay" } }, Ct)).ReadJsonAsync()).Get<string>("id");
        await rose.PostAsJsonAsync("/api/v1/operator/walk-ins", new { venueId = venue, date = "2026-09-21", count = walkIns }, Ct);
        return venue;
    }

    [Fact]
    public async Task Csv_AVenueNamedLikeAFormula_OpensAsText()
    {
        var venue = await VenueWithWalkInsAsync("=HYPERLINK(\"x\")", walkIns: 3);

        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        var bytes = await (await officer.GetAsync($"/api/v1/reports/visitors.csv?from=2026-09-21&to=2026-09-21&groupBy=day&by=venue&venueId={venue}", Ct))
            .Content.ReadAsByteArrayAsync(Ct);
        var row = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];

        // The name's cell starts with an apostrophe (a spreadsheet shows it as text, it does not run it); numbers stay numbers.
        Assert.Equal($"2026-09-21,{venue},\"'=HYPERLINK(\"\"x\"\")\",0,0,3,3,0,0.00,0,0,0", row);
    }

    [Fact]
    public async Task Occupancy_ShowsCapacityAndBookedPerOffering()
    {
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰园赏花"); // one 400-place session a day
        var tourist = await api.NewTouristAsync();
        await tourist.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, "2026-09-25"), adults: 4));
        var officer = await api.SignInAsync("officer.ersheng@banan.local");
        var venue = (await (await anonymous.GetAsync($"/api/v1/offerings/{roses}", Ct)).ReadJsonAsync()).Get<string>("venueId");
        var rows = (await (await officer.GetAsync($"/api/v1/reports/occupancy?from=2026-09-25&to=2026-09-26&venueId={venue}", Ct)).ReadJsonAsync()).AsArray();
        var row = rows.Single(r => r!.Get<string>("offeringId") == roses)!;
        Assert.Equal(800, row.Get<int>("capacity"));
        Assert.Equal(4, row.Get<int>("booked"));
        Assert.Equal(0.005, row.Get<double>("rate"));
    }

    private static void AssertRow(JsonNode row, string period, int booked, int checkedIn, int walkIns, long revenue)
    {
        Assert.Equal(period, row.Get<string>("period"));
        Assert.Equal(booked, row.Get<int>("booked"));
        Assert.Equal(checkedIn, row.Get<int>("checkedIn"));
        Assert.Equal(walkIns, row.Get<int>("walkIns"));
        Assert.Equal(checkedIn + walkIns, row.Get<int>("visitors"));
        Assert.Equal(revenue, row["revenue"]!.Get<long>("amount"));
    }

    private async Task<JsonNode> PaidAsync(HttpClient tourist, object body)
    {
        var booking = await tourist.BookOkAsync(body);
        var intent = api.Stripe!.Succeed(api.Stripe.IntentFor(Guid.Parse(booking.Get<string>("id")))["id"]!.GetValue<string>());
        var signed = FakeStripe.Event("payment_intent.succeeded", intent, api.Clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/stripe/webhook") { Content = new StringContent(signed.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signed.Signature);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().SendAsync(request, Ct)).StatusCode);
        return booking;
    }
}
