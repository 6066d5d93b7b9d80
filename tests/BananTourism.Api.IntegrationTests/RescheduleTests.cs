using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BananTourism.Domain.Common;
using BananTourism.Application.Common;
using BananTourism.Application.Bookings;

namespace BananTourism.Api.IntegrationTests;

/// <summary>改期 through the real Api (issue 15): preview, move, the counters on both sides, the policy's limits,
/// idempotent retries and a race for the last places. The clock stands at 09:00 on 21 September 2026 (Shanghai).</summary>
public class RescheduleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APayOnArrivalBooking_MovesAndBack_KeepsItsCode_ThenTheThirdMoveIsRefused()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var first = await _anonymous.SlotIdAsync(roses, "2026-10-13");
        var second = await _anonymous.SlotIdAsync(roses, "2026-10-14", "14:00");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, first, adults: 2, children: 1));
        var id = booking.Get<string>("id");
        var before = (await api.SlotAsync(first), await api.SlotAsync(second));

        var preview = await (await tourist.GetAsync($"/api/v1/bookings/{id}/reschedule-preview?slotId={second}", Ct)).ReadJsonAsync();
        Assert.True(preview.Get<bool>("allowed"));
        Assert.Equal(booking["total"]!.Get<long>("amount"), preview["newTotal"]!.Get<long>("amount")); // two weekdays, one price
        Assert.Equal(0, preview["difference"]!.Get<long>("amount"));

        var moved = await MoveAsync(tourist, id, new { slotId = second });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var answer = await moved.ReadJsonAsync();
        Assert.Equal(second, answer.Get<string>("slotId"));
        Assert.Equal("2026-10-14", answer.Get<string>("date"));
        Assert.Equal("confirmed", answer.Get<string>("status"));
        Assert.Equal(booking.Get<string>("verificationCode"), answer.Get<string>("verificationCode"));
        Assert.Equal(first, answer["rescheduledFrom"]!.Get<string>("slotId"));
        Assert.Equal("2026-10-13", answer["rescheduledFrom"]!.Get<string>("date"));
        Assert.Equal((before.Item1.Capacity, before.Item1.Reserved - 3), await api.SlotAsync(first));
        Assert.Equal((before.Item2.Capacity, before.Item2.Reserved + 3), await api.SlotAsync(second));

        // Back again: the second and last move this offering allows.
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(tourist, id, new { slotId = first })).StatusCode);
        Assert.Equal(before, (await api.SlotAsync(first), await api.SlotAsync(second)));
        await (await MoveAsync(tourist, id, new { slotId = second })).AssertProblemAsync(HttpStatusCode.Conflict, "not_reschedulable");
        var refusedPreview = await (await tourist.GetAsync($"/api/v1/bookings/{id}/reschedule-preview?slotId={second}", Ct)).ReadJsonAsync();
        Assert.False(refusedPreview.Get<bool>("allowed"));
        Assert.Equal("not_reschedulable", refusedPreview.Get<string>("code"));

        // Each move told the tourist; the reminder follows the date it is for.
        var bookingId = Guid.Parse(id);
        var messages = await api.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.BookingId == bookingId).Select(m => m.DedupKey).ToListAsync(Ct));
        Assert.Contains($"bookingRescheduled:{id}:1:email", messages);
        Assert.Contains($"bookingRescheduled:{id}:2:email", messages);
        Assert.Contains($"reminder:{id}:2026-10-14:email", messages);
        Assert.Contains($"reminder:{id}:2026-10-13:email", messages);
    }

    [Fact]
    public async Task AMoveRetriedWithItsKey_MovesOnce_AndOthersCannotMoveIt()
    {
        var tourist = await api.NewTouristAsync();
        var stranger = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var from = await _anonymous.SlotIdAsync(roses, "2026-10-15");
        var to = await _anonymous.SlotIdAsync(roses, "2026-10-15", "14:00");
        var id = (await tourist.BookOkAsync(Booker.SlotBooking(roses, from, adults: 1))).Get<string>("id");

        await (await MoveAsync(stranger, id, new { slotId = to })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var key = Guid.NewGuid().ToString();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(tourist, id, new { slotId = to }, key)).StatusCode);
        }

        var bookingId = Guid.Parse(id);
        Assert.Equal(1, await api.WithDbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.RescheduleCount).SingleAsync(Ct)));
        await (await MoveAsync(tourist, id, new { slotId = from }, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task BadRequests_AreNamed_AndTheDeadlineIsToTheSecond()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        // Tomorrow 09:00 is exactly 24 hours away: still movable; a second later it is not.
        var tomorrow = await _anonymous.SlotIdAsync(roses, "2026-09-22");
        var later = await _anonymous.SlotIdAsync(roses, "2026-09-29");
        var id = (await tourist.BookOkAsync(Booker.SlotBooking(roses, tomorrow, adults: 1))).Get<string>("id");

        await (await MoveAsync(tourist, id, new { checkIn = "2026-09-29", checkOut = "2026-09-30" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "slotId");
        await (await MoveAsync(tourist, id, new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "checkIn");
        await (await MoveAsync(tourist, id, new { slotId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await MoveAsync(tourist, id, new { slotId = tomorrow })).AssertProblemAsync(HttpStatusCode.Conflict, "not_reschedulable");

        var atTheDeadline = await (await tourist.GetAsync($"/api/v1/bookings/{id}/reschedule-preview?slotId={later}", Ct)).ReadJsonAsync();
        Assert.True(atTheDeadline.Get<bool>("allowed"));
        api.Clock.Advance(TimeSpan.FromSeconds(1)); // the clock only moves forward; the other tests here book October
        await (await MoveAsync(tourist, id, new { slotId = later })).AssertProblemAsync(HttpStatusCode.Conflict, "not_reschedulable");
    }

    [Fact]
    public async Task FiftyMovesIntoTheLastTenPlaces_WhileOthersBookThem_ExactlyTenMoreAndCountersExact()
    {
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var target = await _anonymous.SlotIdAsync(roses, "2026-10-20", "14:00");
        var origin = await _anonymous.SlotIdAsync(roses, "2026-10-21");
        await api.SetSlotCapacityAsync(origin, 200);
        var (_, reservedBefore) = await api.SlotAsync(target);
        await api.SetSlotCapacityAsync(target, reservedBefore + 10);

        var movers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var tourist = await api.NewTouristAsync();
            return (Tourist: tourist, Id: (await tourist.BookOkAsync(Booker.SlotBooking(roses, origin, adults: 1))).Get<string>("id"));
        }));
        var bookers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.NewTouristAsync()));
        var (_, originBefore) = await api.SlotAsync(origin);

        var moves = movers.Select(m => Task.Run(() => MoveAsync(m.Tourist, m.Id, new { slotId = target }), Ct));
        var books = Enumerable.Range(0, 20).Select(i => Task.Run(() => bookers[i % 4].BookAsync(Booker.SlotBooking(roses, target, adults: 1)), Ct));
        var answers = await Task.WhenAll(moves.Concat(books));

        Assert.Equal(10, answers.Count(a => a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => !a.IsSuccessStatusCode))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        }

        var movedIn = answers.Take(50).Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal((reservedBefore + 10, reservedBefore + 10), await api.SlotAsync(target));
        Assert.Equal((200, originBefore - movedIn), await api.SlotAsync(origin));
        var targetId = Guid.Parse(target);
        var originId = Guid.Parse(origin);
        Assert.Equal(reservedBefore + 10, await api.WithDbAsync(db => db.Bookings
            .Where(b => b.SlotId == targetId && BookingStatuses.Active.Contains(b.Status)).SumAsync(b => b.Adults + b.Children, Ct)));
        Assert.Equal(originBefore - movedIn, await api.WithDbAsync(db => db.Bookings
            .Where(b => b.SlotId == originId && BookingStatuses.Active.Contains(b.Status)).SumAsync(b => b.Adults + b.Children, Ct)));

        // The day's booked figures moved with them.
        var offeringId = Guid.Parse(roses);
        var figures = await api.WithDbAsync(db => db.OfferingDays.AsNoTracking()
            .Where(d => d.OfferingId == offeringId && (d.Date == new DateOnly(2026, 10, 20) || d.Date == new DateOnly(2026, 10, 21)))
            .ToDictionaryAsync(d => d.Date, d => d.Booked, Ct));
        var booked = await api.WithDbAsync(db => db.Bookings
            .Where(b => b.OfferingId == offeringId && (b.Date == new DateOnly(2026, 10, 20) || b.Date == new DateOnly(2026, 10, 21))
                        && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.NoShow))
            .GroupBy(b => b.Date).Select(g => new { g.Key, People = g.Sum(b => b.Adults + b.Children) }).ToDictionaryAsync(g => g.Key, g => g.People, Ct));
        Assert.Equal(booked, figures);
    }

    [Fact]
    public async Task AStay_MovesToOverlappingNights_ItsOwnNightCountsAsFree_AndEveryNightIsCountedOnce()
    {
        var tourist = await api.NewTouristAsync();
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        var stay = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-12", "2026-10-14"));
        var id = stay.Get<string>("id");
        var before = await NightsAsync(rooms);

        var moved = await MoveAsync(tourist, id, new { checkIn = "2026-10-13", checkOut = "2026-10-15" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var answer = await moved.ReadJsonAsync();
        Assert.Equal(("2026-10-13", "2026-10-15"), (answer.Get<string>("checkIn"), answer.Get<string>("checkOut")));
        Assert.Equal(("2026-10-12", "2026-10-14"), (answer["rescheduledFrom"]!.Get<string>("checkIn"), answer["rescheduledFrom"]!.Get<string>("checkOut")));
        var after = await NightsAsync(rooms);
        Assert.Equal(before[new DateOnly(2026, 10, 12)] - 1, after[new DateOnly(2026, 10, 12)]);
        Assert.Equal(before[new DateOnly(2026, 10, 13)], after[new DateOnly(2026, 10, 13)]);
        Assert.Equal(before[new DateOnly(2026, 10, 14)] + 1, after[new DateOnly(2026, 10, 14)]);

        // The night of the 15th full: moving onto it is refused, and nothing moved.
        var rooms15 = Guid.Parse(rooms);
        await api.WithDbAsync(db => db.Nights.Where(n => n.OfferingId == rooms15 && n.Date == new DateOnly(2026, 10, 15))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Reserved, x => x.Units), Ct));
        await (await MoveAsync(tourist, id, new { checkIn = "2026-10-14", checkOut = "2026-10-16" })).AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        Assert.Equal(after[new DateOnly(2026, 10, 14)], (await NightsAsync(rooms))[new DateOnly(2026, 10, 14)]);
    }

    [Fact]
    public async Task ACancellationDecidedBeforeAMove_LosesToIt_AndReleasesNothing()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        // Its own date: FiftyMovesIntoTheLastTenPlaces fills the 20th's afternoon in this class's database.
        var from = await _anonymous.SlotIdAsync(roses, "2026-10-27");
        var to = await _anonymous.SlotIdAsync(roses, "2026-10-27", "14:00");
        var id = Guid.Parse((await tourist.BookOkAsync(Booker.SlotBooking(roses, from, adults: 2))).Get<string>("id"));
        var stale = await api.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id, Ct));
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(tourist, id.ToString(), new { slotId = to })).StatusCode);
        var counters = (await api.SlotAsync(from), await api.SlotAsync(to));

        // The closure (or the offer's expiry) read the booking before the move and applies now: it must not win.
        await using var scope = api.Services.CreateAsyncScope();
        var writes = scope.ServiceProvider.GetRequiredService<IWriteTransactions>();
        var applied = await writes.RunAsync(async (tx, token) =>
            Result<long?>.Success(await ClosureCancellation.ApplyAsync(tx, stale, "暴雨", api.Clock.GetUtcNow(), token)), Ct);
        Assert.Null(applied.Value);
        Assert.Equal("confirmed", (await api.ReadBookingAsync(id)).Get<string>("status"));
        Assert.Equal(counters, (await api.SlotAsync(from), await api.SlotAsync(to)));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    private async Task<Dictionary<DateOnly, int>> NightsAsync(string offeringId)
    {
        var id = Guid.Parse(offeringId);
        return await api.WithDbAsync(db => db.Nights.AsNoTracking()
            .Where(n => n.OfferingId == id && n.Date >= new DateOnly(2026, 10, 12) && n.Date <= new DateOnly(2026, 10, 16))
            .ToDictionaryAsync(n => n.Date, n => n.Reserved, Ct));
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient tourist, string id, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await tourist.SendAsync(request, Ct);
    }
}
