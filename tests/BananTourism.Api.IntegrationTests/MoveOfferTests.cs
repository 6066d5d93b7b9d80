using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>闭园改期 (issue 15): a closure that offers a move instead of cancelling; declining it; a stay's offer.</summary>
public class MoveOfferTests(MoveOfferTests.ManualFactory api) : IClassFixture<MoveOfferTests.ManualFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOfferCanBeDeclined_WithEverythingBack_AndBadClosuresAreNamed()
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var day = await _anonymous.SlotIdAsync(roses, "2026-10-27", "09:00");
        var tourist = await api.NewTouristAsync();
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, day, adults: 2, paymentMethod: "card"));
        await api.PayAsync(Id(booking));

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { slotId = day, reason = "雨", mode = "later" }, "mode"),
                     (new { slotId = day, reason = "雨", moveUntil = "2026-11-20" }, "moveUntil"),
                     (new { slotId = day, reason = "雨", mode = "offerMove", moveUntil = "2026-10-26" }, "moveUntil"), // before the closed session
                     (new { slotId = day, reason = "雨", mode = "offerMove", moveUntil = "9999-12-31" }, "moveUntil"), // an offer that never ends
                     (new { from = "2026-10-27", to = "2026-10-28", reason = "雨", mode = "offerMove", moveUntil = "2026-10-27" }, "moveUntil"),
                 })
        {
            var refused = await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadAsStringAsync(Ct);
            Assert.True(problem.Contains(field, StringComparison.OrdinalIgnoreCase), problem);
        }

        var closed = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures",
            new { slotId = day, reason = "霜冻", mode = "offerMove", moveUntil = "2026-11-30" }, Ct)).ReadJsonAsync();
        Assert.Equal(1, closed.Get<int>("movesOffered"));

        // The tourist would rather not come another day: cancelling gives everything back, whatever the policy says.
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{Id(booking)}/cancel", null, Ct)).StatusCode);
        var cancelled = await BookingAsync(Id(booking));
        Assert.Equal(booking["total"]!.Get<long>("amount"), cancelled["refund"]!.Get<long>("amount"));
        Assert.Null(cancelled["moveOffer"]);
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task AStayOverAClosedNight_IsOfferedAMove_AndMovesToOtherNights()
    {
        var nongjiale = await api.SignInAsync("operator.nongjiale@banan.local");
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        var tourist = await api.NewTouristAsync();
        var stay = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-13", "2026-10-15"));

        var closed = await (await nongjiale.PostAsJsonAsync($"/api/v1/operator/offerings/{rooms}/closures",
            new { from = "2026-10-14", to = "2026-10-14", reason = "停电检修", mode = "offerMove", moveUntil = "2026-10-31" }, Ct)).ReadJsonAsync();
        Assert.Equal((1, 0, 1), (closed.Get<int>("closedNights"), closed.Get<int>("cancelledBookings"), closed.Get<int>("movesOffered")));
        Assert.Equal("2026-10-31", (await BookingAsync(Id(stay)))["moveOffer"]!.Get<string>("until"));

        await (await tourist.PostAsJsonAsync($"/api/v1/bookings/{Id(stay)}/reschedule", new { checkIn = "2026-10-14", checkOut = "2026-10-16" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "closed");
        var moved = await tourist.PostAsJsonAsync($"/api/v1/bookings/{Id(stay)}/reschedule", new { checkIn = "2026-10-15", checkOut = "2026-10-17" }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var answer = await moved.ReadJsonAsync();
        Assert.Null(answer["moveOffer"]);
        Assert.Equal("2026-10-15", answer.Get<string>("checkIn"));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    private static Guid Id(JsonNode booking) => Guid.Parse(booking.Get<string>("id"));

    private Task<JsonNode> BookingAsync(Guid id) => api.ReadBookingAsync(id);

    /// <summary>Sweeps are run by the tests, not by timers.</summary>
    public sealed class ManualFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Bookings:RunExpiry"] = "false", ["Bookings:MaxUnpaidHolds"] = "1000" };
    }
}

/// <summary>闭园改期 over every kind of booking on the closed session, the tourist's free move, and the offer running out
/// on the fake clock. A class of its own: it moves its Api's clock a month on.</summary>
public class MoveOfferExpiryTests(MoveOfferTests.ManualFactory api) : IClassFixture<MoveOfferTests.ManualFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AClosureOfferingAMove_KeepsWhatWasConfirmed_ReleasesHolds_AndRefundsWhatWasNotMovedWhenTheOfferEnds()
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var rainedOut = await _anonymous.SlotIdAsync(roses, "2026-09-21", "14:00"); // today, in five hours
        var tuesday = await _anonymous.SlotIdAsync(roses, "2026-09-22", "09:00");

        var held = await (await api.NewTouristAsync()).BookOkAsync(Booker.SlotBooking(roses, rainedOut, adults: 1, paymentMethod: "card"));
        var atTheGate = await (await api.NewTouristAsync()).BookOkAsync(Booker.SlotBooking(roses, rainedOut, adults: 2));
        var payer = await api.NewTouristAsync();
        var paid = await payer.BookOkAsync(Booker.SlotBooking(roses, rainedOut, adults: 2, paymentMethod: "card"));
        await api.PayAsync(Id(paid));
        var mover = await api.NewTouristAsync();
        var willMove = await mover.BookOkAsync(Booker.SlotBooking(roses, rainedOut, adults: 2, paymentMethod: "card"));
        await api.PayAsync(Id(willMove));
        var cameEarly = await (await api.NewTouristAsync()).BookOkAsync(Booker.SlotBooking(roses, rainedOut, adults: 1));
        Assert.Equal(HttpStatusCode.OK, (await rose.PostAsJsonAsync("/api/v1/operator/check-ins",
            new { code = cameEarly.Get<string>("verificationCode"), headcount = 1 }, Ct)).StatusCode);
        var (capacity, reserved) = await api.SlotAsync(rainedOut);
        await api.AssertFiguresEqualTheRebuildAsync();

        var previewed = await rose.GetAsync($"/api/v1/operator/offerings/{roses}/closures/preview?slotId={rainedOut}&mode=offerMove", Ct);
        Assert.True(previewed.IsSuccessStatusCode, await previewed.Content.ReadAsStringAsync(Ct));
        var preview = await previewed.ReadJsonAsync();
        Assert.Equal((1, 3, 0L), (preview.Get<int>("cancelledBookings"), preview.Get<int>("movesOffered"), preview["refunded"]!.Get<long>("amount")));
        Assert.Equal("2026-10-21", preview.Get<string>("moveUntil")); // 30 days on

        var closed = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures",
            new { slotId = rainedOut, reason = "暴雨预警", mode = "offerMove" }, Ct)).ReadJsonAsync();
        Assert.Equal(1, closed.Get<int>("closedSlots"));
        Assert.Equal(1, closed.Get<int>("cancelledBookings"));
        Assert.Equal(3, closed.Get<int>("movesOffered"));
        Assert.Equal("2026-10-21", closed.Get<string>("moveUntil"));
        Assert.Equal((capacity, reserved - 1), await api.SlotAsync(rainedOut)); // only the unpaid hold let go

        // The hold is released and its payment stopped; what was confirmed stays, with the offer; who came stays came.
        Assert.Equal("cancelled", (await BookingAsync(Id(held)))["status"]!.GetValue<string>());
        foreach (var kept in new[] { atTheGate, paid, willMove })
        {
            var now = await BookingAsync(Id(kept));
            Assert.Equal("confirmed", now.Get<string>("status"));
            Assert.Equal("暴雨预警", now["moveOffer"]!.Get<string>("reason"));
            Assert.Equal("2026-10-21", now["moveOffer"]!.Get<string>("until"));
        }

        Assert.Null((await BookingAsync(Id(cameEarly)))["moveOffer"]);
        Assert.Equal("checkedIn", (await BookingAsync(Id(cameEarly))).Get<string>("status"));
        var keys = await api.WithDbAsync(db => db.Outbox.AsNoTracking().Select(m => m.DedupKey).ToListAsync(Ct));
        Assert.Contains($"closureMoveOffered:{Id(atTheGate)}:email", keys);
        Assert.Contains($"bookingCancelled:{Id(held)}:closure:email", keys);
        await api.AssertFiguresEqualTheRebuildAsync();

        // Nobody is let in on a closed session, and nobody is a no-show on it.
        await (await rose.PostAsJsonAsync("/api/v1/operator/check-ins", new { code = atTheGate.Get<string>("verificationCode"), headcount = 2 }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "not_checkable");

        // Closing again changes nothing: the offer made stands.
        var again = await (await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/closures",
            new { slotId = rainedOut, reason = "又下雨", mode = "cancel" }, Ct)).ReadJsonAsync();
        Assert.Equal((0, 0, 0), (again.Get<int>("closedSlots"), again.Get<int>("cancelledBookings"), again.Get<int>("movesOffered")));

        // Five hours before it starts, past the 24-hour deadline: the offer lets the tourist move anyway, once, and it
        // does not use up one of their own two moves.
        var code = (await BookingAsync(Id(willMove))).Get<string>("verificationCode");
        var moved = await mover.PostAsJsonAsync($"/api/v1/bookings/{Id(willMove)}/reschedule", new { slotId = tuesday }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var afterMove = await moved.ReadJsonAsync();
        Assert.Null(afterMove["moveOffer"]);
        Assert.Equal("2026-09-22", afterMove.Get<string>("date"));
        Assert.Equal(code, afterMove.Get<string>("verificationCode"));
        Assert.Equal(2, await api.WithDbAsync(db => db.Bookings.Where(b => b.Id == Id(willMove))
            .Select(b => b.MaxReschedules - b.RescheduleCount).SingleAsync(Ct)));
        await api.AssertFiguresEqualTheRebuildAsync();

        // The offer ends with 21 October; the next sweep cancels and refunds in full what was not moved.
        Assert.Equal(0, await api.ExpireMoveOffersAsync());
        api.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 22, 0, 0, 30, TimeSpan.FromHours(8)));
        Assert.Equal(2, await api.ExpireMoveOffersAsync());
        Assert.Equal(0, await api.ExpireMoveOffersAsync());

        var refunded = await BookingAsync(Id(paid));
        Assert.Equal("cancelled", refunded.Get<string>("status"));
        Assert.Equal(11600, refunded["refund"]!.Get<long>("amount"));
        Assert.Contains(api.Stripe!.Requests, r => r.IdempotencyKey == $"booking:{Id(paid)}:refund");
        Assert.Equal("cancelled", (await BookingAsync(Id(atTheGate))).Get<string>("status"));
        Assert.Equal("confirmed", (await BookingAsync(Id(willMove))).Get<string>("status"));
        Assert.Equal("checkedIn", (await BookingAsync(Id(cameEarly))).Get<string>("status"));
        Assert.Equal((capacity, reserved - 1 - 2 - 2 - 2), await api.SlotAsync(rainedOut));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    private static Guid Id(JsonNode booking) => Guid.Parse(booking.Get<string>("id"));

    private Task<JsonNode> BookingAsync(Guid id) => api.ReadBookingAsync(id);
}
