using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>过秤 at the exit: produce weighed out for a party checked in today, priced exactly in fen, collected at the
/// stall or paid online through the loopback Stripe, voided within 15 minutes, and counted in the reports by day, venue
/// and township exactly as the rebuild counts it.</summary>
public class WeighOutTests(PaymentTests.ManualFactory api) : IClassFixture<PaymentTests.ManualFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlyACheckedInBooking_OfTheOperatorsOwnVenue_IsWeighedOut_AndADoubleTapIsOneReceipt()
    {
        var (roses, rosesId) = await ProduceAsync("玫瑰采摘", "玫瑰"); // ¥3 a stem
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await NextSlotAsync(roses, VenueDate()), adults: 2));
        var id = booking.Get<string>("id");
        var items = new { items = new[] { new { produceId = rosesId, quantity = 40m } }, collect = "atGate" };

        await (await WeighOutAsync(rose, id, items)).AssertProblemAsync(HttpStatusCode.Conflict, "not_checked_in");
        Assert.Equal(HttpStatusCode.OK, (await rose.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = booking.Get<string>("verificationCode"), headcount = 2 }, Ct)).StatusCode);

        var other = await api.SignInAsync("operator.daxia@banan.local");
        await (await WeighOutAsync(other, id, items)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await tourist.PostAsJsonAsync($"/api/v1/operator/bookings/{id}/weigh-outs", items, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var taps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WeighOutAsync(rose, id, items, "scale-tap-1")));
        var made = taps.Where(t => t.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(made);
        Assert.All(taps, t => Assert.True(t.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, t.StatusCode.ToString()));
        var receipt = await made[0].ReadJsonAsync();
        Assert.Equal(12000, receipt["total"]!.Get<long>("amount"));
        Assert.Equal(("atGate", "collected"), (receipt["payment"]!.Get<string>("method"), receipt["payment"]!.Get<string>("status")));
        Assert.Equal(HttpStatusCode.Created, (await WeighOutAsync(rose, id, items, "scale-tap-1")).StatusCode); // replayed
        var listed = (await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray();
        Assert.Equal(receipt.Get<string>("id"), Assert.Single(listed)!.Get<string>("id"));
        await (await other.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // Bad input is named; nothing is written.
        await (await WeighOutAsync(rose, id, new { items = new[] { new { produceId = rosesId, quantity = 1.5m } }, collect = "atGate" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "items[0].quantity"); // stems are counted
        await (await WeighOutAsync(rose, id, new { items = new[] { new { produceId = rosesId, quantity = 2.3456m } }, collect = "atGate" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "items[0].quantity");
        await (await WeighOutAsync(rose, id, new { items = new[] { new { produceId = Guid.NewGuid(), quantity = 1m } }, collect = "atGate" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "items[0].produceId");
        await (await WeighOutAsync(rose, id, new { items = Array.Empty<object>(), collect = "atGate" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "items");
        Assert.Single((await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray());

        // The next day it is no longer today's visit.
        api.Clock.Advance(TimeSpan.FromDays(1));
        rose = await api.SignInAsync("operator.rose@banan.local");
        await (await WeighOutAsync(rose, id, items)).AssertProblemAsync(HttpStatusCode.Conflict, "not_checked_in");
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task AReceipt_IsVoidedWithinFifteenMinutes_NotAfter_AndTheFiguresFollow()
    {
        var (cooking, cookedId) = await ProduceAsync("钓虾+现场加工", "小龙虾现场加工"); // ¥20 a 斤 cooked
        var daxia = await api.SignInAsync("operator.daxia@banan.local");
        var email = await api.RegisterVerifiedTouristAsync();
        var tourist = await api.SignInAsync(email, Booker.TouristPassword);
        var date = VenueDate();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(cooking, await NextSlotAsync(cooking, date), adults: 2));
        var id = booking.Get<string>("id");
        Assert.Equal(HttpStatusCode.OK, (await daxia.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = booking.Get<string>("verificationCode"), headcount = 2 }, Ct)).StatusCode);

        var first = await (await WeighOutAsync(daxia, id, new { items = new[] { new { produceId = cookedId, quantity = 2.35m } }, collect = "atGate" })).ReadJsonAsync();
        Assert.Equal(4700, first["total"]!.Get<long>("amount")); // 2.35 斤 × ¥20 (¥30.08 for 2.35 × ¥12.80 is in ProduceMoneyTests)
        Assert.Equal(2.35m, first["lines"]![0]!.Get<decimal>("quantity"));
        Assert.Equal(4700, await ProduceRevenueAsync(cooking, date));

        api.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.NoContent, (await daxia.DeleteAsync($"/api/v1/operator/weigh-outs/{first.Get<string>("id")}", Ct)).StatusCode);
        await (await daxia.DeleteAsync($"/api/v1/operator/weigh-outs/{first.Get<string>("id")}", Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "already_voided");
        Assert.Equal(0, await ProduceRevenueAsync(cooking, date));

        var second = await (await WeighOutAsync(daxia, id, new { items = new[] { new { produceId = cookedId, quantity = 3.2m } }, collect = "atGate" })).ReadJsonAsync();
        api.Clock.Advance(TimeSpan.FromMinutes(16));
        daxia = await api.SignInAsync("operator.daxia@banan.local");
        await (await daxia.DeleteAsync($"/api/v1/operator/weigh-outs/{second.Get<string>("id")}", Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "too_late");
        var rose = await api.SignInAsync("operator.rose@banan.local");
        await (await rose.DeleteAsync($"/api/v1/operator/weigh-outs/{second.Get<string>("id")}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(6400, await ProduceRevenueAsync(cooking, date));

        var receipts = (await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray();
        Assert.Equal(["voided", "collected"], receipts.Select(r => r!["payment"]!.Get<string>("status")));
        await api.AssertFiguresEqualTheRebuildAsync();

        // The email receipt goes once a receipt is final: the one that stands, not the one voided.
        var mailed = await ReceiptEmailAsync(email);
        Assert.Equal("过秤单 ¥64：稻虾养殖基地（" + booking.Get<string>("reference") + "）", mailed.Get<string>("subject"));
        Assert.Contains("小龙虾现场加工 3.2 斤 × ¥20 = ¥64", mailed.Get<string>("body"), StringComparison.Ordinal);
        Assert.Contains("已在现场付清", mailed.Get<string>("body"), StringComparison.Ordinal);
        var bookingId = Guid.Parse(id);
        var statuses = await api.WithDbAsync(db => db.Outbox.Where(m => m.BookingId == bookingId && m.Template == "weighOutReceipt")
            .Select(m => m.Status).ToListAsync(Ct));
        Assert.Equal([MessageStatus.Sent, MessageStatus.Skipped], statuses.Order());
    }

    /// <summary>The one weigh-out receipt emailed to <paramref name="email"/>, read from the pickup folder.</summary>
    private async Task<JsonNode> ReceiptEmailAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mailed = Pickup.MessagesTo(api.PickupDirectory, email, "weighOutReceipt");
            var skipped = await api.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == email && m.Template == "weighOutReceipt" && m.Status == MessageStatus.Pending, Ct));
            if (mailed.Count > 0 && skipped == 0)
            {
                return Assert.Single(mailed);
            }

            Assert.True(DateTime.UtcNow < deadline, $"no receipt email to {email} within 20 s");
            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task AnOnlineReceipt_IsPaidThroughStripe_AndTheProduceCountsOnTheRightDayVenueAndTownship()
    {
        api.Clock.Advance(TimeSpan.FromDays(3)); // a day of its own: the venue's figures are this test's alone
        var (fishing, crayfishId) = await ProduceAsync("稻田钓虾", "小龙虾（带走）"); // ¥38 a 斤, 稻虾养殖基地 in 二圣镇
        var grower = await api.SignInAsync("operator.daxia@banan.local");
        var tourist = await api.NewTouristAsync();
        var date = VenueDate();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(fishing, await NextSlotAsync(fishing, date), adults: 2));
        var id = booking.Get<string>("id");
        Assert.Equal(HttpStatusCode.OK, (await grower.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = booking.Get<string>("verificationCode"), headcount = 2 }, Ct)).StatusCode);

        var receipt = await (await WeighOutAsync(grower, id, new { items = new[] { new { produceId = crayfishId, quantity = 7.125m } }, collect = "online" })).ReadJsonAsync();
        Assert.Equal(27075, receipt["total"]!.Get<long>("amount")); // 7.125 × 3800 = 27,075 fen
        Assert.Equal(("online", "pending"), (receipt["payment"]!.Get<string>("method"), receipt["payment"]!.Get<string>("status")));
        Assert.Null(receipt["payment"]!["clientSecret"]); // the operator does not see what completes the tourist's payment
        Assert.Equal(0, await ProduceRevenueAsync(fishing, date)); // not counted until paid

        var mine = Assert.Single((await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray())!;
        Assert.False(string.IsNullOrEmpty(mine["payment"]!.Get<string>("clientSecret")));
        var intent = api.Stripe!.Intents.Values.Single(i => i["metadata"]?["weigh_out_id"]?.GetValue<string>() == receipt.Get<string>("id"));
        Assert.Equal(27075, intent["amount"]!.GetValue<long>());

        api.Stripe.Succeed(intent["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.StripeEventAsync("payment_intent.succeeded", intent)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.StripeEventAsync("payment_intent.succeeded", intent)).StatusCode); // told twice, counted once
        var paid = Assert.Single((await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray())!;
        Assert.Equal("paid", paid["payment"]!.Get<string>("status"));
        Assert.Null(paid["payment"]!["clientSecret"]);
        var receiptMessage = await api.WithDbAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.Template == "weighOutReceipt" && m.BookingId == Guid.Parse(id), Ct)); // queued once, though told twice
        Assert.Equal("小龙虾（带走） 7.125 斤 × ¥38 = ¥270.75", JsonNode.Parse(receiptMessage.Data)!.Get<string>("lines"));

        // It counts on the day, at the venue and in 二圣镇; by product it adds up with nothing else.
        var admin = await api.SignInAsync("admin@banan.local");
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byVenue = await (await admin.GetAsync($"/api/v1/reports/visitors?from={day}&to={day}&groupBy=day&by=venue", Ct)).ReadJsonAsync();
        var venueRow = byVenue["rows"]!.AsArray().Single(r => r!.Get<string>("name") == "稻虾养殖基地")!;
        Assert.Equal(27075, venueRow["produceRevenue"]!.Get<long>("amount"));
        Assert.Equal(venueRow["ticketRevenue"]!.Get<long>("amount") + venueRow["extrasRevenue"]!.Get<long>("amount") + 27075, venueRow["revenue"]!.Get<long>("amount"));
        var produce = await (await admin.GetAsync($"/api/v1/reports/produce?from={day}&to={day}&groupBy=day&by=township", Ct)).ReadJsonAsync();
        var row = produce["rows"]!.AsArray().Single(r => r!.Get<string>("produceName") == "小龙虾（带走）")!;
        Assert.Equal(("二圣镇", "jin", 7.125m, 27075L), (row.Get<string>("name"), row.Get<string>("unit"), row.Get<decimal>("quantity"), row["revenue"]!.Get<long>("amount")));
        var ersheng = await api.SignInAsync("officer.ersheng@banan.local");
        var theirs = await (await ersheng.GetAsync($"/api/v1/reports/produce?from={day}&to={day}", Ct)).ReadJsonAsync();
        Assert.Contains(theirs["totals"]!["products"]!.AsArray(), p => p!.Get<string>("produceName") == "小龙虾（带走）" && p!["revenue"]!.Get<long>("amount") == 27075);
        await (await ersheng.GetAsync($"/api/v1/reports/produce?from={day}&to={day}&by=category", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "by");
        await api.AssertFiguresEqualTheRebuildAsync();

        // Voided after it was paid online: the money goes back through Stripe, and the figures drop it.
        Assert.Equal(HttpStatusCode.NoContent, (await grower.DeleteAsync($"/api/v1/operator/weigh-outs/{receipt.Get<string>("id")}", Ct)).StatusCode);
        Assert.Contains(api.Stripe.Refunds.Values, r => r["payment_intent"]?.GetValue<string>() == intent["id"]!.GetValue<string>() && r["amount"]!.GetValue<long>() == 27075);
        var voided = Assert.Single((await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray())!;
        Assert.Equal("voided", voided["payment"]!.Get<string>("status"));
        Assert.Equal(27075, voided["payment"]!["refund"]!.Get<long>("amount"));
        Assert.Equal(0, await ProduceRevenueAsync(fishing, date));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task AnOnlineReceiptPaidWhileTheWebhookWasLost_IsMarkedPaidByReconciliation()
    {
        api.Clock.Advance(TimeSpan.FromDays(5)); // a day of its own
        var (fishing, crayfishId) = await ProduceAsync("稻田钓虾", "小龙虾（带走）");
        var grower = await api.SignInAsync("operator.daxia@banan.local");
        var tourist = await api.NewTouristAsync();
        var date = VenueDate();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(fishing, await NextSlotAsync(fishing, date), adults: 2));
        var id = booking.Get<string>("id");
        Assert.Equal(HttpStatusCode.OK, (await grower.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = booking.Get<string>("verificationCode"), headcount = 2 }, Ct)).StatusCode);
        var receipt = await (await WeighOutAsync(grower, id, new { items = new[] { new { produceId = crayfishId, quantity = 1.5m } }, collect = "online" })).ReadJsonAsync();
        var intent = api.Stripe!.Intents.Values.Single(i => i["metadata"]?["weigh_out_id"]?.GetValue<string>() == receipt.Get<string>("id"));

        api.Stripe.Succeed(intent["id"]!.GetValue<string>()); // paid at Stripe; the webhook never comes
        await api.ReconcilePaymentsAsync();
        Assert.Equal("pending", await StatusAsync()); // too young: its own request may still be handling it
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        await api.ReconcilePaymentsAsync();
        Assert.Equal("paid", await StatusAsync());
        Assert.Equal(5700, await ProduceRevenueAsync(fishing, date)); // 1.5 斤 × ¥38
        await api.ReconcilePaymentsAsync(); // again: counted once
        Assert.Equal(5700, await ProduceRevenueAsync(fishing, date));
        await api.AssertFiguresEqualTheRebuildAsync();

        async Task<string> StatusAsync() =>
            Assert.Single((await (await tourist.GetAsync($"/api/v1/bookings/{id}/weigh-outs", Ct)).ReadJsonAsync()).AsArray())!["payment"]!.Get<string>("status");
    }

    private DateOnly VenueDate() => DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>A session later today (the tests of this class move the clock).</summary>
    private async Task<string> NextSlotAsync(string offeringId, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var now = api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var availability = await (await _anonymous.GetAsync($"/api/v1/offerings/{offeringId}/availability?from={day}&to={day}", Ct)).ReadJsonAsync();
        return availability["slots"]!.AsArray().First(s => string.CompareOrdinal(s!.Get<string>("start"), now) > 0)!.Get<string>("id");
    }

    private async Task<long> ProduceRevenueAsync(string offeringId, DateOnly date)
    {
        var offering = Guid.Parse(offeringId);
        return await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SumAsync(
            db.OfferingDays.Where(d => d.OfferingId == offering && d.Date == date), d => d.ProduceRevenue, Ct));
    }

    private async Task<(string OfferingId, string ProduceId)> ProduceAsync(string offering, string product)
    {
        var id = await _anonymous.OfferingIdAsync(offering);
        var shown = await (await _anonymous.GetAsync($"/api/v1/offerings/{id}", Ct)).ReadJsonAsync();
        return (id, shown["produce"]!.AsArray().Single(p => p!.Get<string>("name") == product)!.Get<string>("id"));
    }

    private static Task<HttpResponseMessage> WeighOutAsync(HttpClient client, string bookingId, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/bookings/{bookingId}/weigh-outs") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request, Ct);
    }
}
