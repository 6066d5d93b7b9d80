using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Online payment through the real Stripe.net client against a loopback fake of Stripe, with webhooks
/// signed as Stripe signs them. The clock stands at 09:00 on 21 September 2026 (Shanghai).</summary>
public class PaymentTests(PaymentTests.ManualFactory api) : IClassFixture<PaymentTests.ManualFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private FakeStripe Stripe => api.Stripe!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlineBooking_CreatesAPaymentIntent_AndTheSucceededWebhookConfirmsIt()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-03", "alipay", adults: 2);
        Assert.Equal("held", booking.Get<string>("status"));
        var secret = booking["payment"]!.Get<string>("clientSecret");
        var id = Guid.Parse(booking.Get<string>("id"));

        var intent = Stripe.IntentFor(id);
        Assert.StartsWith(intent["id"]!.GetValue<string>(), secret, StringComparison.Ordinal);
        Assert.Equal(booking["total"]!.Get<long>("amount"), intent["amount"]!.GetValue<long>());
        Assert.Equal("cny", intent["currency"]!.GetValue<string>());
        Assert.Equal(["alipay"], intent["payment_method_types"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(booking.Get<string>("reference"), intent["metadata"]!["reference"]!.GetValue<string>());
        Assert.Contains(Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.IdempotencyKey == $"booking:{id}:create");

        Stripe.Succeed(intent["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", intent)).StatusCode);

        var paid = await GetAsync(tourist, id);
        Assert.Equal("confirmed", paid.Get<string>("status"));
        Assert.Equal("paid", paid["payment"]!.Get<string>("status"));
        Assert.Equal(booking["total"]!.Get<long>("amount"), paid["payment"]!["amountPaid"]!.Get<long>("amount"));
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", paid.Get<string>("verificationCode"));
        Assert.Null(paid["payment"]!["clientSecret"]);
    }

    [Fact]
    public async Task DuplicateDelivery_IsAnswered200AndActsOnce()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-04", "card");
        var id = Guid.Parse(booking.Get<string>("id"));
        var intent = Stripe.Succeed(Stripe.IntentFor(id)["id"]!.GetValue<string>());
        var signed = FakeStripe.Event("payment_intent.succeeded", intent, api.Clock.GetUtcNow());

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostWebhookAsync(signed)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(signed)).StatusCode);
        Assert.Equal("confirmed", (await GetAsync(tourist, id)).Get<string>("status"));
        var eventId = JsonNode.Parse(signed.Payload)!["id"]!.GetValue<string>();
        Assert.Equal(1, await api.WithDbAsync(db => db.ProcessedPaymentEvents.CountAsync(e => e.EventId == eventId, Ct)));
    }

    [Fact]
    public async Task BadOrStaleSignatures_Return400AndChangeNothing()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-05", "card");
        var id = Guid.Parse(booking.Get<string>("id"));
        var intent = Stripe.Succeed(Stripe.IntentFor(id)["id"]!.GetValue<string>());

        var forged = FakeStripe.Event("payment_intent.succeeded", intent, api.Clock.GetUtcNow(), secret: "whsec_someone_else");
        await (await PostWebhookAsync(forged)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var stale = FakeStripe.Event("payment_intent.succeeded", intent, api.Clock.GetUtcNow().AddMinutes(-10));
        await (await PostWebhookAsync(stale)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var good = FakeStripe.Event("payment_intent.succeeded", intent, api.Clock.GetUtcNow());
        var tampered = (good.Payload.Replace("\"livemode\":false", "\"livemode\":true", StringComparison.Ordinal), good.Signature);
        await (await PostWebhookAsync(tampered)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var unsigned = new StringContent(good.Payload, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await _anonymous.PostAsync("/api/v1/payments/stripe/webhook", unsigned, Ct)).StatusCode);

        Assert.Equal("held", (await GetAsync(tourist, id)).Get<string>("status"));
    }

    [Fact]
    public async Task PaymentFailed_ReleasesTheHold()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-06", "wechatPay", adults: 3);
        var id = Guid.Parse(booking.Get<string>("id"));
        var slot = booking.Get<string>("slotId");
        Assert.Equal(3, (await api.SlotAsync(slot)).Reserved);
        var intent = Stripe.Fail(Stripe.IntentFor(id)["id"]!.GetValue<string>());
        Assert.Equal("web", Stripe.Requests.First(r => r.IdempotencyKey == $"booking:{id}:create").Form["payment_method_options[wechat_pay][client]"]);

        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.payment_failed", intent)).StatusCode);
        var failed = await GetAsync(tourist, id);
        Assert.Equal("expired", failed.Get<string>("status"));
        Assert.Equal("failed", failed["payment"]!.Get<string>("status"));
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
    }

    [Fact]
    public async Task EventsOutOfOrder_TheCurrentStateWins()
    {
        // A failure event arrives after the tourist paid with another card: the payment is fetched, and it succeeded.
        var (tourist, booking) = await BookOnlineAsync("2026-10-07", "card");
        var id = Guid.Parse(booking.Get<string>("id"));
        var intentId = Stripe.IntentFor(id)["id"]!.GetValue<string>();
        var failedSnapshot = Stripe.Fail(intentId).DeepClone().AsObject();
        var succeeded = Stripe.Succeed(intentId);

        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.payment_failed", failedSnapshot)).StatusCode);
        Assert.Equal("confirmed", (await GetAsync(tourist, id)).Get<string>("status"));
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", succeeded)).StatusCode);
        Assert.Equal("confirmed", (await GetAsync(tourist, id)).Get<string>("status"));
    }

    [Fact]
    public async Task SuccessAfterExpiry_KeepsTheBookingWhenPlacesAreStillFree()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-08", "card", adults: 2);
        var id = Guid.Parse(booking.Get<string>("id"));
        await ExpireAsync(id);
        Assert.Equal("expired", (await GetAsync(tourist, id)).Get<string>("status"));

        var intent = Stripe.Succeed(Stripe.IntentFor(id)["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", intent)).StatusCode);
        var kept = await GetAsync(tourist, id);
        Assert.Equal("confirmed", kept.Get<string>("status"));
        Assert.Equal(2, (await api.SlotAsync(booking.Get<string>("slotId"))).Reserved);
    }

    [Fact]
    public async Task SuccessAfterExpiry_RefundsInFullWhenThePlacesAreGone()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-09", "card", adults: 2);
        var id = Guid.Parse(booking.Get<string>("id"));
        var slot = booking.Get<string>("slotId");
        await ExpireAsync(id);
        await api.SetSlotCapacityAsync(slot, 0);

        var intent = Stripe.Succeed(Stripe.IntentFor(id)["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", intent)).StatusCode);
        var refunded = await GetAsync(tourist, id);
        Assert.Equal("cancelled", refunded.Get<string>("status"));
        Assert.Contains("refunded in full", refunded.Get<string>("cancelReason"), StringComparison.Ordinal);
        Assert.Equal(booking["total"]!.Get<long>("amount"), refunded["refund"]!.Get<long>("amount"));
        var request = Assert.Single(Stripe.Requests, r => r.Path == "/v1/refunds" && r.IdempotencyKey == $"booking:{id}:refund");
        Assert.Equal(booking["total"]!.Get<long>("amount").ToString(System.Globalization.CultureInfo.InvariantCulture), request.Form["amount"]);
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
    }

    [Fact]
    public async Task SuccessAfterExpiry_WhenOnlyTheVenuesDailyCapIsFull_RefundsAndLeavesTheSessionsCountAsItWas()
    {
        var (tourist, booking) = await BookOnlineAsync("2026-10-16", "card", adults: 2);
        var id = Guid.Parse(booking.Get<string>("id"));
        var slot = booking.Get<string>("slotId");
        await ExpireAsync(id);
        var before = await api.SlotAsync(slot);

        // The session still has room; the venue's day does not: taking the places counts the session, then the
        // venue refuses. What the session counted must not stay behind.
        var venueId = Guid.Parse(booking.Get<string>("venueId"));
        var day = new DateOnly(2026, 10, 16);
        var cap = await api.WithDbAsync(db => db.Venues.Where(v => v.Id == venueId).Select(v => v.DailyCap).SingleAsync(Ct));
        await api.WithDbAsync(async db =>
        {
            var reserved = await db.VenueDays.Where(d => d.VenueId == venueId && d.Date == day).Select(d => d.Reserved).SingleOrDefaultAsync(Ct);
            return await db.Venues.Where(v => v.Id == venueId).ExecuteUpdateAsync(v => v.SetProperty(x => x.DailyCap, (int?)Math.Max(1, reserved)), Ct);
        });
        try
        {
            var intent = Stripe.Succeed(Stripe.IntentFor(id)["id"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", intent)).StatusCode);
            var refunded = await GetAsync(tourist, id);
            Assert.Equal("cancelled", refunded.Get<string>("status"));
            Assert.Equal(booking["total"]!.Get<long>("amount"), refunded["refund"]!.Get<long>("amount"));
            Assert.Equal(before, await api.SlotAsync(slot));
        }
        finally
        {
            await api.WithDbAsync(db => db.Venues.Where(v => v.Id == venueId).ExecuteUpdateAsync(v => v.SetProperty(x => x.DailyCap, cap), Ct));
        }
    }

    [Fact]
    public async Task StripeDownAtBooking_KeepsTheHoldAndThePaymentCanBeRetried()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-10");
        Stripe.FailNext(4); // more than the client's own retry
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, paymentMethod: "card"));
        Assert.Equal("held", booking.Get<string>("status"));
        Assert.Equal("pending", booking["payment"]!.Get<string>("status"));
        Assert.Null(booking["payment"]!["clientSecret"]);

        Stripe.FailNext(0);
        var retried = await (await tourist.PostAsync($"/api/v1/bookings/{booking.Get<string>("id")}/pay", null, Ct)).ReadJsonAsync();
        Assert.StartsWith("pi_", retried["payment"]!.Get<string>("clientSecret"), StringComparison.Ordinal);
        Assert.All(Stripe.Requests.Where(r => r.Path == "/v1/payment_intents" && r.IdempotencyKey!.Contains(booking.Get<string>("id"), StringComparison.Ordinal)),
            r => Assert.Equal($"booking:{booking.Get<string>("id")}:create", r.IdempotencyKey));
    }

    [Fact]
    public async Task StripeTimingOutAtBooking_IsReconciledLater()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        Stripe.HangNext(2);
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-10-11"), paymentMethod: "alipay"));
        Assert.Null(booking["payment"]!["clientSecret"]);

        api.Clock.Advance(TimeSpan.FromSeconds(30));
        await api.ReconcilePaymentsAsync();
        var reconciled = await GetAsync(tourist, Guid.Parse(booking.Get<string>("id")));
        Assert.StartsWith("pi_", reconciled["payment"]!.Get<string>("clientSecret"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_OfAPaidBooking_RefundsWhatThePolicyGives()
    {
        var (tourist, early) = await PaidBookingAsync("2026-10-12");
        var cancelled = await (await tourist.PostAsync($"/api/v1/bookings/{early.Get<string>("id")}/cancel", null, Ct)).ReadJsonAsync();
        var total = early["total"]!.Get<long>("amount");
        Assert.Equal(total, cancelled["refund"]!.Get<long>("amount"));
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(Stripe.Requests, r => r.IdempotencyKey == $"booking:{early.Get<string>("id")}:refund").Form["amount"]);

        // Rose picking: free until 24 hours before, then half. Today's 14:00 session is five hours away.
        var (_, late) = await PaidBookingAsync("2026-09-21", tourist, "14:00");
        var half = await (await tourist.PostAsync($"/api/v1/bookings/{late.Get<string>("id")}/cancel", null, Ct)).ReadJsonAsync();
        Assert.Equal(late["total"]!.Get<long>("amount") / 2, half["refund"]!.Get<long>("amount"));
        Assert.Equal("partiallyRefunded", half["payment"]!.Get<string>("status"));
        Assert.Equal("pending", half["refund"]!.Get<string>("status"));

        // Stripe confirms the refund later.
        var intent = Stripe.IntentFor(Guid.Parse(late.Get<string>("id")));
        var charge = new JsonObject { ["id"] = "ch_1", ["object"] = "charge", ["payment_intent"] = intent["id"]!.GetValue<string>(), ["refunded"] = true, ["amount"] = intent["amount"]!.GetValue<long>() };
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("charge.refunded", charge)).StatusCode);
        Assert.Equal("succeeded", (await GetAsync(tourist, Guid.Parse(late.Get<string>("id"))))["refund"]!.Get<string>("status"));

        // The tourist hears once that the money is back, however many events Stripe sends about it; the first
        // refund, still pending at Stripe, has said nothing yet.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await WebhookAsync(i % 2 == 0 ? "charge.refunded" : "charge.refund.updated", charge)).StatusCode);
        }

        var lateId = Guid.Parse(late.Get<string>("id"));
        var earlyId = Guid.Parse(early.Get<string>("id"));
        var told = await api.WithDbAsync(db => db.Outbox.Where(m => m.Template == "refundSucceeded" && (m.BookingId == lateId || m.BookingId == earlyId))
            .Select(m => new { m.BookingId, m.Data }).ToListAsync(Ct));
        var message = Assert.Single(told);
        Assert.Equal(lateId, message.BookingId);
        var refund = half["refund"]!.Get<long>("amount");
        Assert.Equal("¥" + (refund / 100m).ToString(refund % 100 == 0 ? "0" : "0.00", System.Globalization.CultureInfo.InvariantCulture),
            JsonNode.Parse(message.Data)!.Get<string>("refund"));
    }

    [Fact]
    public async Task RefundWhileStripeIsDown_IsPaidByReconciliation()
    {
        var (tourist, paid) = await PaidBookingAsync("2026-10-13");
        Stripe.FailNext(4);
        var cancelled = await (await tourist.PostAsync($"/api/v1/bookings/{paid.Get<string>("id")}/cancel", null, Ct)).ReadJsonAsync();
        Assert.Equal("pending", cancelled["refund"]!.Get<string>("status"));
        Assert.DoesNotContain(Stripe.Refunds.Values, r => r["payment_intent"]!.GetValue<string>() == Stripe.IntentFor(Guid.Parse(paid.Get<string>("id")))["id"]!.GetValue<string>());

        Stripe.FailNext(0);
        await api.ReconcilePaymentsAsync();
        Assert.Single(Stripe.Refunds.Values, r => r["payment_intent"]!.GetValue<string>() == Stripe.IntentFor(Guid.Parse(paid.Get<string>("id")))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Closure_RefundsEveryPaidBookingInFull()
    {
        var daxia = await api.SignInAsync("operator.daxia@banan.local");
        var fishing = await _anonymous.OfferingIdAsync("稻田钓虾");
        var slot = await _anonymous.SlotIdAsync(fishing, "2026-10-14");
        var tourist = await api.NewTouristAsync();
        var paid = new List<JsonNode>();
        for (var i = 0; i < 6; i++)
        {
            var b = await tourist.BookOkAsync(Booker.SlotBooking(fishing, slot, adults: 1, paymentMethod: "card"));
            var intent = Stripe.Succeed(Stripe.IntentFor(Guid.Parse(b.Get<string>("id")))["id"]!.GetValue<string>());
            await WebhookAsync("payment_intent.succeeded", intent);
            paid.Add(b);
        }

        var closed = await (await daxia.PostAsJsonAsync($"/api/v1/operator/offerings/{fishing}/closures", new { from = "2026-10-14", to = "2026-10-14", reason = "稻田排水" }, Ct)).ReadJsonAsync();
        Assert.Equal(6, closed.Get<int>("cancelledBookings"));
        Assert.Equal(paid.Sum(b => b["total"]!.Get<long>("amount")), closed["refunded"]!.Get<long>("amount"));
        foreach (var b in paid)
        {
            Assert.Single(Stripe.Requests, r => r.IdempotencyKey == $"booking:{b.Get<string>("id")}:refund");
        }
    }

    [Fact]
    public async Task HoldExpiry_CancelsThePaymentAtStripe()
    {
        var (_, booking) = await BookOnlineAsync("2026-10-15", "card");
        var id = Guid.Parse(booking.Get<string>("id"));
        await ExpireAsync(id);
        Assert.Equal("canceled", Stripe.IntentFor(id)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCancelPage_ShowsTheRefundThePolicyGives_BeforeCancelling()
    {
        var email = await api.RegisterVerifiedTouristAsync();
        var tourist = await api.SignInAsync(email, Booker.TouristPassword);
        var (_, booking) = await PaidBookingAsync("2026-09-21", tourist, "14:00");
        var id = booking.Get<string>("id");
        using var browser = await PageBrowser.SignedInAsync(api, email, Booker.TouristPassword);

        // Five hours before the session: half of the ¥116 paid comes back, and the page says so before anything happens.
        var preview = await browser.Client.GetStringAsync($"/bookings/{id}/cancel", Ct);
        Assert.Contains("现在取消将退款 ¥58（已付 ¥116）", preview, StringComparison.Ordinal);
        Assert.Equal("confirmed", (await GetAsync(tourist, Guid.Parse(id))).Get<string>("status"));

        var cancelled = await browser.SubmitAsync($"/bookings/{id}/cancel", $"/bookings/{id}/cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await GetAsync(tourist, Guid.Parse(id));
        Assert.Equal(5800, after["refund"]!.Get<long>("amount"));
        Assert.Contains("¥58", await browser.Client.GetStringAsync($"/bookings/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APaidBooking_MovedToADearerSession_PaysTheBalanceOnline_ToACheaperOne_GetsTheDifferenceBack_AndCancelledGetsItAll()
    {
        // Roses: 2 × ¥58 = ¥116 on a weekday, 2 × ¥68 = ¥136 on a Saturday.
        var (tourist, booking) = await PaidBookingAsync("2026-10-20");
        var id = Guid.Parse(booking.Get<string>("id"));
        var first = Stripe.IntentFor(id)["id"]!.GetValue<string>();
        Assert.Equal(11600, booking["payment"]!["amountPaid"]!.Get<long>("amount"));
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var saturday = await _anonymous.SlotIdAsync(roses, "2026-10-24");
        var wednesday = await _anonymous.SlotIdAsync(roses, "2026-10-21");

        var preview = await (await tourist.GetAsync($"/api/v1/bookings/{id}/reschedule-preview?slotId={saturday}", Ct)).ReadJsonAsync();
        Assert.Equal((13600L, 2000L), (preview["newTotal"]!.Get<long>("amount"), preview["difference"]!.Get<long>("amount")));
        var dearer = await (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { slotId = saturday }, Ct)).ReadJsonAsync();
        Assert.Equal(2000, dearer["balanceDue"]!.Get<long>("amount"));
        Assert.Equal(13600, dearer["total"]!.Get<long>("amount"));
        var balance = Assert.Single(Stripe.BalanceIntentsFor(id));
        var balanceId = balance["id"]!.GetValue<string>();
        Assert.Equal(2000, balance["amount"]!.GetValue<long>());
        Assert.StartsWith(balanceId, dearer["payment"]!.Get<string>("clientSecret"), StringComparison.Ordinal);
        Assert.Contains(Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.IdempotencyKey == $"booking:{id}:balance:1");
        await api.AssertFiguresEqualTheRebuildAsync();

        Stripe.Succeed(balanceId);
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", balance)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", balance)).StatusCode); // told twice, counted once
        var settled = await GetAsync(tourist, id);
        Assert.Null(settled["balanceDue"]);
        Assert.Null(settled["payment"]!["clientSecret"]);
        Assert.Equal(13600, settled["payment"]!["amountPaid"]!.Get<long>("amount"));
        Assert.Equal("confirmed", settled.Get<string>("status"));
        await api.AssertFiguresEqualTheRebuildAsync();

        // Back to a weekday: ¥20 comes back, from the first payment.
        var cheaper = await (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { slotId = wednesday }, Ct)).ReadJsonAsync();
        Assert.Equal((11600L, 11600L), (cheaper["total"]!.Get<long>("amount"), cheaper["payment"]!["amountPaid"]!.Get<long>("amount")));
        Assert.Null(cheaper["balanceDue"]);
        var moveRefund = Assert.Single(Stripe.Refunds.Values, r => r["payment_intent"]!.GetValue<string>() == first);
        Assert.Equal(2000, moveRefund["amount"]!.GetValue<long>());
        Assert.Contains(Stripe.Requests, r => r.Path == "/v1/refunds" && r.IdempotencyKey == $"booking:{id}:refund:2:0");
        Assert.Single(Stripe.BalanceIntentsFor(id)); // nothing more to pay
        await api.AssertFiguresEqualTheRebuildAsync();

        // Cancelled a month ahead: all ¥116 back, ¥96 from the first payment (all it has left) and ¥20 from the balance's.
        var cancelled = await (await tourist.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).ReadJsonAsync();
        Assert.Equal(11600, cancelled["refund"]!.Get<long>("amount"));
        long RefundedFrom(string intent) => Stripe.Refunds.Values.Where(r => r["payment_intent"]!.GetValue<string>() == intent).Sum(r => r["amount"]!.GetValue<long>());
        Assert.Equal((11600L, 2000L), (RefundedFrom(first), RefundedFrom(balanceId)));
        await api.ReconcilePaymentsAsync();
        Assert.Equal((11600L, 2000L), (RefundedFrom(first), RefundedFrom(balanceId)));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task ABalanceNotYetPaid_IsNotRefunded_WhenTheBookingMovesBack()
    {
        var (tourist, booking) = await PaidBookingAsync("2026-10-13");
        var id = Guid.Parse(booking.Get<string>("id"));
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var back = await _anonymous.SlotIdAsync(roses, "2026-10-14");
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule",
            new { slotId = await _anonymous.SlotIdAsync(roses, "2026-10-17") }, Ct)).StatusCode); // a Saturday: ¥20 due

        // Paid ¥116, owing ¥20: a ¥116 session costs nothing more and gives nothing back.
        var preview = await (await tourist.GetAsync($"/api/v1/bookings/{id}/reschedule-preview?slotId={back}", Ct)).ReadJsonAsync();
        Assert.Equal(0, preview["difference"]!.Get<long>("amount"));
        var moved = await (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { slotId = back }, Ct)).ReadJsonAsync();
        Assert.Null(moved["balanceDue"]);
        Assert.Equal(11600, moved["payment"]!["amountPaid"]!.Get<long>("amount"));
        Assert.DoesNotContain(Stripe.Refunds.Values, r => r["payment_intent"]!.GetValue<string>() == Stripe.IntentFor(id)["id"]!.GetValue<string>());
        Assert.Equal("canceled", Assert.Single(Stripe.BalanceIntentsFor(id))["status"]!.GetValue<string>());
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task ABalancePaidAfterItWasNoLongerOwed_IsPaidBackWhole()
    {
        var (tourist, booking) = await PaidBookingAsync("2026-10-27");
        var id = Guid.Parse(booking.Get<string>("id"));
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule",
            new { slotId = await _anonymous.SlotIdAsync(roses, "2026-10-31") }, Ct)).StatusCode);
        var balance = Assert.Single(Stripe.BalanceIntentsFor(id));

        // Moved back before paying: the balance's payment is cancelled; paid anyway (a race with the provider), it goes back.
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule",
            new { slotId = await _anonymous.SlotIdAsync(roses, "2026-10-28") }, Ct)).StatusCode);
        Assert.Contains(Stripe.Requests, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal) && r.Path.Contains(balance["id"]!.GetValue<string>(), StringComparison.Ordinal));
        balance["status"] = "requires_payment_method";
        Stripe.Succeed(balance["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", balance)).StatusCode);
        var back = Assert.Single(Stripe.Refunds.Values, r => r["payment_intent"]!.GetValue<string>() == balance["id"]!.GetValue<string>());
        Assert.Equal(2000, back["amount"]!.GetValue<long>());
        var now = await GetAsync(tourist, id);
        Assert.Equal((11600L, 11600L), (now["total"]!.Get<long>("amount"), now["payment"]!["amountPaid"]!.Get<long>("amount")));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task ABalanceLeftUnpaidOnline_IsCollectedAtTheGate_CountedOnce_AndItsOnlinePaymentClosed()
    {
        var (tourist, booking) = await PaidBookingAsync("2026-09-21", start: "14:00");
        var id = Guid.Parse(booking.Get<string>("id"));

        // As a move to a ¥20 dearer session leaves it (that move is in the test above; here the session is today's).
        await api.WithDbAsync(async db =>
        {
            db.BookingAdjustments.Add(Domain.Bookings.BookingAdjustment.Balance(id, 2000, 1, api.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
            return await db.Bookings.Where(b => b.Id == id).ExecuteUpdateAsync(b => b
                .SetProperty(x => x.BalanceDue, 2000L).SetProperty(x => x.Total, x => x.Total + 2000).SetProperty(x => x.RescheduleCount, 1), Ct);
        });
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Application.Payments.MovePayments>().StartBalanceAsync(id, Ct);
        }

        var balance = Assert.Single(Stripe.BalanceIntentsFor(id));
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var code = (await GetAsync(tourist, id)).Get<string>("verificationCode");
        var checkedIn = await (await rose.PostAsJsonAsync("/api/v1/operator/check-ins", new { code, headcount = 2 }, Ct)).ReadJsonAsync();
        Assert.Equal(2000, checkedIn["toCollect"]!.Get<long>("amount"));
        Assert.Equal("canceled", balance["status"]!.GetValue<string>()); // paid at the gate: the online payment is closed
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    private async Task<(HttpClient Tourist, JsonNode Booking)> BookOnlineAsync(string date, string method, int adults = 1, HttpClient? tourist = null, string start = "09:00")
    {
        tourist ??= await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, date, start), adults: adults, paymentMethod: method));
        return (tourist, booking);
    }

    private async Task<(HttpClient Tourist, JsonNode Booking)> PaidBookingAsync(string date, HttpClient? tourist = null, string start = "09:00")
    {
        var (t, booking) = await BookOnlineAsync(date, "card", 2, tourist, start);
        var intent = Stripe.Succeed(Stripe.IntentFor(Guid.Parse(booking.Get<string>("id")))["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("payment_intent.succeeded", intent)).StatusCode);
        return (t, await GetAsync(t, Guid.Parse(booking.Get<string>("id"))));
    }

    private async Task ExpireAsync(Guid bookingId)
    {
        await api.WithDbAsync(db => db.Bookings.Where(b => b.Id == bookingId)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.ExpiresAt, api.Clock.GetUtcNow().AddMinutes(-1)), Ct));
        await api.ExpireHoldsAsync();
    }

    private Task<HttpResponseMessage> WebhookAsync(string type, JsonObject data) => api.StripeEventAsync(type, data);

    private Task<HttpResponseMessage> PostWebhookAsync((string Payload, string Signature) signed) => api.PostStripeEventAsync(signed);

    private static async Task<JsonNode> GetAsync(HttpClient tourist, Guid id) =>
        await (await tourist.GetAsync($"/api/v1/bookings/{id}", Ct)).ReadJsonAsync();

    /// <summary>Sweeps and reconciliation are run by the tests, not by timers.</summary>
    public sealed class ManualFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Bookings:RunExpiry"] = "false", ["Bookings:MaxUnpaidHolds"] = "1000" };
    }
}

public class PaymentsOffTests(PaymentsOffTests.NoStripeFactory api) : IClassFixture<PaymentsOffTests.NoStripeFactory>
{
    [Fact]
    public async Task WithoutStripe_OnlinePaymentIsRefused_AndPayOnArrivalWorks()
    {
        var anonymous = api.CreateClient();
        var tourist = await api.NewTouristAsync();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await anonymous.SlotIdAsync(roses, "2026-10-03");
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot, paymentMethod: "card")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "online_payment_unavailable");
        Assert.Equal("confirmed", (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot))).Get<string>("status"));
    }

    public sealed class NoStripeFactory : ApiFactory
    {
        protected override bool WithStripe => false;
    }
}
