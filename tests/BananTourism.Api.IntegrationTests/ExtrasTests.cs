using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Extras chosen with a booking (rods at the shrimp farm, dinners at a farm-stay): priced on the server, listed
/// as lines, their stock per session never oversold, released with a cancellation, moved with a reschedule, and counted
/// apart from tickets in the reports.</summary>
public class ExtrasTests(PaymentTests.ManualFactory api) : IClassFixture<PaymentTests.ManualFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FortyBookings_ForTheLastFiveRods_GetExactlyFive_AndABookingWithoutExtrasIsUnaffected()
    {
        var fishing = await _anonymous.OfferingIdAsync("稻田钓虾");
        var rod = await ExtraIdAsync(fishing, "钓竿与饵料"); // 40 per session
        var slot = await _anonymous.SlotIdAsync(fishing, "2026-09-24");
        var (rodId, slotId) = (Guid.Parse(rod), Guid.Parse(slot));
        await api.WithDbAsync(db =>
        {
            db.ExtraStocks.Add(new ExtraStock(rodId, new DateOnly(2026, 9, 24), slotId, 35)); // 35 rods out: 5 left
            return db.SaveChangesAsync(Ct);
        });

        var tourists = await Task.WhenAll(Enumerable.Range(0, 41).Select(_ => api.NewTouristAsync()));
        var answers = await Task.WhenAll(tourists.Select((t, i) => t.BookAsync(i == 40
            ? Booker.SlotBooking(fishing, slot, adults: 1)
            : WithExtras(Booker.SlotBooking(fishing, slot, adults: 1), new { extraId = rod, quantity = 1 }))));

        var withRods = answers.Take(40).ToList();
        Assert.Equal(5, withRods.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in withRods.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "extra_sold_out");
        }

        Assert.Equal(HttpStatusCode.Created, answers[40].StatusCode);
        Assert.Equal(40, await api.WithDbAsync(db => db.ExtraStocks.Where(s => s.ExtraId == rodId && s.SlotId == slotId).Select(s => s.Taken).SingleAsync(Ct)));
        Assert.Equal(6, (await api.SlotAsync(slot)).Reserved); // the refused bookings took no place either

        // A cancelled booking gives its rod back: the next tourist gets it.
        var booked = await withRods.First(a => a.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        var owner = tourists[withRods.FindIndex(a => a.StatusCode == HttpStatusCode.Created)];
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/bookings/{booked.Get<string>("id")}/cancel", null, Ct)).StatusCode);
        var next = await (await api.NewTouristAsync()).BookAsync(WithExtras(Booker.SlotBooking(fishing, slot, adults: 1), new { extraId = rod, quantity = 1 }));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task Extras_ArePricedOnTheServer_ListedAsLines_AndRefusedByField()
    {
        var fishing = await _anonymous.OfferingIdAsync("钓虾+现场加工"); // 16,800 adult on weekdays
        var rod = await ExtraIdAsync(fishing, "钓竿与饵料");              // ¥15 per person
        var table = await ExtraIdAsync(fishing, "加工灶台");             // ¥30 per booking
        var slot = await _anonymous.SlotIdAsync(fishing, "2026-09-23", "10:00");
        var tourist = await api.NewTouristAsync();

        var booking = await tourist.BookOkAsync(WithExtras(Booker.SlotBooking(fishing, slot, adults: 3),
            new { extraId = rod, quantity = 2 }, new { extraId = table, quantity = 1 }));
        var lines = booking["breakdown"]!.AsArray();
        var rodLine = lines.Single(l => l!["extraId"]?.GetValue<string>() == rod)!;
        Assert.Equal(("extra", "钓竿与饵料", "person", 2, 3000L), (rodLine.Get<string>("kind"), rodLine.Get<string>("name"), rodLine.Get<string>("per"), rodLine.Get<int>("quantity"), rodLine["amount"]!.Get<long>("amount")));
        Assert.Equal(3000, lines.Single(l => l!["extraId"]?.GetValue<string>() == table)!["amount"]!.Get<long>("amount"));
        var tickets = lines.Where(l => l!.Get<string>("kind") == "adult").Sum(l => l!["amount"]!.Get<long>("amount"));
        Assert.Equal(tickets + 6000, booking["total"]!.Get<long>("amount"));

        await (await tourist.BookAsync(WithExtras(Booker.SlotBooking(fishing, slot, adults: 2), new { extraId = rod, quantity = 3 })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "extras[0].quantity"); // more rods than people
        await (await tourist.BookAsync(WithExtras(Booker.SlotBooking(fishing, slot, adults: 2), new { extraId = Guid.NewGuid(), quantity = 1 })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "extras[0].extraId");
        await (await tourist.BookAsync(WithExtras(Booker.SlotBooking(fishing, slot, adults: 2), new { extraId = table, quantity = 1 }, new { extraId = table, quantity = 1 })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "extras[1].extraId");
        await (await tourist.BookAsync(WithExtras(Booker.SlotBooking(fishing, slot, adults: 2), new { extraId = rod, quantity = 0 })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "extras[0].quantity");
    }

    [Fact]
    public async Task AStaysDinners_MoveWithIt_ForEachNewNight_AndTheReportsSplitTicketsFromExtras()
    {
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        var dinner = await ExtraIdAsync(rooms, "农家晚餐"); // ¥48 per person per night
        var tourist = await api.NewTouristAsync();
        var stay = await tourist.BookOkAsync(WithExtras(Booker.StayBooking(rooms, "2026-10-13", "2026-10-15", paymentMethod: "card"), new { extraId = dinner, quantity = 2 }));
        var id = Guid.Parse(stay.Get<string>("id"));
        Assert.Equal(2, stay["breakdown"]!.AsArray().Count(l => l!.Get<string>("kind") == "extra"));
        var total = stay["total"]!.Get<long>("amount");
        await api.PayAsync(id);

        // Three nights instead of two: a third dinner for two, and the balance to pay.
        var moved = await (await tourist.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { checkIn = "2026-10-20", checkOut = "2026-10-23" }, Ct)).ReadJsonAsync();
        var dinners = moved["breakdown"]!.AsArray().Where(l => l!.Get<string>("kind") == "extra").ToList();
        Assert.Equal(["2026-10-20", "2026-10-21", "2026-10-22"], dinners.Select(l => l!.Get<string>("date")));
        Assert.All(dinners, l => Assert.Equal(9600, l!["amount"]!.Get<long>("amount")));
        Assert.Equal(3, await api.WithDbAsync(db => db.ExtraStocks.CountAsync(s => s.ExtraId == Guid.Parse(dinner) && s.Taken == 2 && s.Date >= new DateOnly(2026, 10, 20), Ct)));
        Assert.Equal(0, await api.WithDbAsync(db => db.ExtraStocks.Where(s => s.ExtraId == Guid.Parse(dinner) && s.Date < new DateOnly(2026, 10, 20)).SumAsync(s => s.Taken, Ct)));

        // What was paid (two nights and two dinners' nights) counts on the new date, split by the booking's new shares.
        var admin = await api.SignInAsync("admin@banan.local");
        var report = await (await admin.GetAsync("/api/v1/reports/visitors?from=2026-10-20&to=2026-10-20&groupBy=day", Ct)).ReadJsonAsync();
        var row = Assert.Single(report["rows"]!.AsArray())!;
        var (paid, newTotal, newExtras) = (total, moved["total"]!.Get<long>("amount"), 3 * 9600L);
        Assert.Equal(paid, row["ticketRevenue"]!.Get<long>("amount") + row["extrasRevenue"]!.Get<long>("amount"));
        Assert.Equal(paid * newExtras / newTotal, row["extrasRevenue"]!.Get<long>("amount"));
        Assert.Equal(0, row["produceRevenue"]!.Get<long>("amount"));
        Assert.Equal(paid, row["revenue"]!.Get<long>("amount"));
        await api.AssertFiguresEqualTheRebuildAsync();
    }

    [Fact]
    public async Task TheOperator_SetsExtrasAndThePriceList_AndBadOnesAreRefusedByField()
    {
        var viewing = await _anonymous.OfferingIdAsync("玫瑰园赏花");
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var body = await (await _anonymous.GetAsync($"/api/v1/offerings/{viewing}", Ct)).ReadJsonAsync();
        Dictionary<string, object?> Edit(object extras, object produce) => new()
        {
            ["name"] = body.Get<string>("name"),
            ["description"] = body.Get<string>("description"),
            ["kind"] = "timeSlot",
            ["category"] = body.Get<string>("category"),
            ["prices"] = body["prices"]!.DeepClone(),
            ["cancellationPolicy"] = body["cancellationPolicy"]!.DeepClone(),
            ["published"] = true,
            ["extras"] = extras,
            ["produce"] = produce,
        };

        var edited = await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(
            new[] { new { name = "花束包装", nameEn = "Wrapping", price = new { amount = 500, currency = "CNY" }, per = "unit", stockPerSession = 50 } },
            new[] { new { name = "玫瑰", nameEn = "Roses", unit = "stem", price = new { amount = 300, currency = "CNY" } } }), Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var shown = await (await _anonymous.GetAsync($"/api/v1/offerings/{viewing}", Ct)).ReadJsonAsync();
        var extra = Assert.Single(shown["extras"]!.AsArray())!;
        Assert.Equal(("花束包装", "unit", 50, 500L), (extra.Get<string>("name"), extra.Get<string>("per"), extra.Get<int>("stockPerSession"), extra["price"]!.Get<long>("amount")));
        var product = Assert.Single(shown["produce"]!.AsArray())!;
        Assert.Equal(("玫瑰", "stem", 300L), (product.Get<string>("name"), product.Get<string>("unit"), product["price"]!.Get<long>("amount")));

        // Editing keeps an extra's id when it is sent back (bookings and stock refer to it).
        var keep = await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(
            new[] { new { id = extra.Get<string>("id"), name = "花束包装", nameEn = "Wrapping", price = new { amount = 600, currency = "CNY" }, per = "unit", stockPerSession = 50 } },
            shown["produce"]!.DeepClone()), Ct);
        Assert.Equal(extra.Get<string>("id"), (await keep.ReadJsonAsync())["extras"]![0]!.Get<string>("id"));

        await (await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(
                new[] { new { name = "", price = new { amount = 500, currency = "CNY" }, per = "unit" } }, Array.Empty<object>()), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "extras[0].name");
        await (await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(Array.Empty<object>(),
                new[] { new { name = "玫瑰", unit = "stem", price = new { amount = -1, currency = "CNY" } } }), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "produce[0].price");
        await (await rose.PutAsJsonAsync($"/api/v1/operator/offerings/{viewing}", Edit(Array.Empty<object>(),
                new[] { new { name = "玫瑰", unit = "bushel", price = new { amount = 1, currency = "CNY" } } }), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<string> ExtraIdAsync(string offeringId, string name)
    {
        var offering = await (await _anonymous.GetAsync($"/api/v1/offerings/{offeringId}", Ct)).ReadJsonAsync();
        return offering["extras"]!.AsArray().Single(e => e!.Get<string>("name") == name)!.Get<string>("id");
    }

    private static JsonObject WithExtras(object booking, params object[] extras)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(booking, Json.Options)!.AsObject();
        body["extras"] = System.Text.Json.JsonSerializer.SerializeToNode(extras, Json.Options);
        return body;
    }
}
