using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Booking through the real Api; the clock stands at 09:00 on Monday 21 September 2026 (Shanghai).</summary>
public class BookingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateBooking_PayOnArrival_ConfirmsAtOnceWithACodeAndTheServersPrice()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-10"); // a Saturday

        var response = await tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 2, children: 1));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/bookings/{booking.Get<string>("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("confirmed", booking.Get<string>("status"));
        Assert.Equal(2 * 6800 + 2800, booking["total"]!.Get<long>("amount"));
        Assert.Equal("CNY", booking["total"]!.Get<string>("currency"));
        Assert.Equal(2, booking["breakdown"]!.AsArray().Count);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", booking.Get<string>("verificationCode"));
        Assert.StartsWith("BT-", booking.Get<string>("reference"), StringComparison.Ordinal);
        Assert.Null(booking["expiresAt"]);
        Assert.Equal("payOnArrival", booking["payment"]!.Get<string>("method"));

        Assert.Equal((40, 3), await api.SlotAsync(slot));
    }

    [Fact]
    public async Task CreateBooking_ForAStay_PricesEachNightPerUnit()
    {
        var tourist = await api.NewTouristAsync();
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        var booking = await tourist.BookOkAsync(Booker.StayBooking(rooms, "2026-10-09", "2026-10-12", units: 2, adults: 4));

        // Friday and Saturday nights at the weekend price, Sunday night at the base price, two rooms each.
        Assert.Equal((23800 + 23800 + 19800) * 2, booking["total"]!.Get<long>("amount"));
        var nights = booking["breakdown"]!.AsArray();
        Assert.Equal(["2026-10-09", "2026-10-10", "2026-10-11"], nights.Select(n => n!.Get<string>("date")));
        Assert.All(nights, n => Assert.Equal("night", n!.Get<string>("kind")));
        Assert.Equal("2026-10-09", booking.Get<string>("checkIn"));
        Assert.Equal("2026-10-12", booking.Get<string>("checkOut"));

        var availability = await (await _anonymous.GetAsync($"/api/v1/offerings/{rooms}/availability?from=2026-10-09&to=2026-10-12", Ct)).ReadJsonAsync();
        Assert.Equal([4, 4, 4, 6], availability["nights"]!.AsArray().Select(n => n!.Get<int>("remaining")));
    }

    [Fact]
    public async Task CreateBooking_OnAHoliday_ChargesTheHolidayPrice()
    {
        var tourist = await api.NewTouristAsync();
        var camping = await _anonymous.OfferingIdAsync("星空露营");
        var booking = await tourist.BookOkAsync(Booker.StayBooking(camping, "2026-10-01", "2026-10-02", paymentMethod: "alipay"));
        Assert.Equal(58800, booking["total"]!.Get<long>("amount"));
    }

    [Fact]
    public async Task CreateBooking_OnlinePayment_HoldsUntilExpiry()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var now = api.Clock.GetUtcNow(); // other tests of the class may have moved the clock on a little
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-23"), paymentMethod: "alipay"));
        Assert.Equal("held", booking.Get<string>("status"));
        Assert.Equal(now.AddMinutes(15), DateTimeOffset.Parse(booking.Get<string>("expiresAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(booking["verificationCode"]);
        Assert.Equal("pending", booking["payment"]!.Get<string>("status"));
    }

    [Theory]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":0,"paymentMethod":"payOnArrival"}""", "contact")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":0,"children":2,"contact":{"name":"张三","phone":"13800138000"}}""", "adults")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":-1,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "adults")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":1000,"contact":{"name":"张三","phone":"13800138000"}}""", "children")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":0,"contact":{"name":"","phone":"13800138000"}}""", "contact.name")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":0,"contact":{"name":"张三","phone":"call me"}}""", "contact.phone")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000","email":"nope"}}""", "contact.email")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"},"paymentMethod":"bitcoin"}""", "paymentMethod")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"},"total":1}""", "total")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","adults":"two","children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "adults")]
    [InlineData("""{"offeringId":"OFF","slotId":"SLOT","checkIn":"2026-10-01","adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "checkIn")]
    [InlineData("""{"offeringId":"OFF","checkIn":"2026-10-03","checkOut":"2026-10-01","units":1,"adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "checkOut")]
    [InlineData("""{"offeringId":"OFF","checkIn":"2026-10-01","checkOut":"2026-11-01","units":1,"adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "checkOut")]
    [InlineData("""{"offeringId":"OFF","checkIn":"2026-10-01","checkOut":"2026-10-02","units":0,"adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "units")]
    [InlineData("""{"offeringId":"OFF","checkIn":"2026-02-30","checkOut":"2026-10-02","units":1,"adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "checkIn")]
    [InlineData("""{"offeringId":"not-a-guid","slotId":"SLOT","adults":2,"children":0,"contact":{"name":"张三","phone":"13800138000"}}""", "offeringId")]
    public async Task CreateBooking_WithBadInput_Returns400NamingTheFieldAndWritesNothing(string template, string field)
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-09-24");
        var json = template.Replace("OFF", roses, StringComparison.Ordinal).Replace("SLOT", slot, StringComparison.Ordinal);

        var response = await tourist.PostAsync("/api/v1/bookings", new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);
    }

    [Fact]
    public async Task CreateBooking_WithAnOverlongIdempotencyKey_Returns400()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var response = await tourist.BookAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-24")), new string('k', 256));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "idempotencyKey");
    }

    [Fact]
    public async Task CreateBooking_OfTheWrongKind_Returns400()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        await (await tourist.BookAsync(Booker.StayBooking(roses, "2026-10-01", "2026-10-02")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "slotId");
        await (await tourist.BookAsync(Booker.SlotBooking(rooms, await _anonymous.SlotIdAsync(roses, "2026-09-24"))))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "checkIn");
    }

    [Fact]
    public async Task CreateBooking_OutsideThePartyLimits_Returns422()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");          // at most 10
        var cooking = await _anonymous.OfferingIdAsync("钓虾+现场加工");     // at least 2
        await (await tourist.BookAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-24"), adults: 9, children: 2)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "party_size_not_allowed");
        await (await tourist.BookAsync(Booker.SlotBooking(cooking, await _anonymous.SlotIdAsync(cooking, "2026-09-24", "10:00"), adults: 1)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "party_size_not_allowed");
    }

    [Fact]
    public async Task CreateBooking_ShorterThanMinimumNights_Returns422()
    {
        var tourist = await api.NewTouristAsync();
        var lodge = await _anonymous.OfferingIdAsync("山景房"); // 塘湾山居: at least 2 nights
        await (await tourist.BookAsync(Booker.StayBooking(lodge, "2026-10-13", "2026-10-14")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "min_nights_not_met");
        await tourist.BookOkAsync(Booker.StayBooking(lodge, "2026-10-13", "2026-10-15"));
    }

    [Fact]
    public async Task CreateBooking_ForASessionThatStarted_Returns409()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        await (await tourist.BookAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-21", "09:00"))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "already_started");
        await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-21", "14:00")));
        var camping = await _anonymous.OfferingIdAsync("星空露营");
        await (await tourist.BookAsync(Booker.StayBooking(camping, "2026-09-20", "2026-09-22", paymentMethod: "card")))
            .AssertProblemAsync(HttpStatusCode.Conflict, "already_started");
    }

    [Fact]
    public async Task CreateBooking_ForAClosedSlot_Returns409Closed()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-09-25", "14:00");
        await api.WithDbAsync(db => db.Slots.Where(s => s.Id == Guid.Parse(slot))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Closed, true), Ct));
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot))).AssertProblemAsync(HttpStatusCode.Conflict, "closed");
    }

    [Fact]
    public async Task CreateBooking_ForUnknownOrForeignIds_Returns404()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var fishing = await _anonymous.OfferingIdAsync("稻田钓虾");
        var fishingSlot = await _anonymous.SlotIdAsync(fishing, "2026-09-24");
        await (await tourist.BookAsync(Booker.SlotBooking(Guid.NewGuid().ToString(), fishingSlot))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await tourist.BookAsync(Booker.SlotBooking(roses, fishingSlot))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await tourist.BookAsync(Booker.SlotBooking(roses, Guid.NewGuid().ToString()))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task CreateBooking_WhenTheSlotIsFull_ReturnsSoldOut()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-09-28");
        await api.SetSlotCapacityAsync(slot, 5);
        await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 3));
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 3))).AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 2));
        Assert.Equal((5, 5), await api.SlotAsync(slot));
    }

    [Fact]
    public async Task CreateBooking_ForNightsNotOnSale_Returns409()
    {
        var tourist = await api.NewTouristAsync();
        var camping = await _anonymous.OfferingIdAsync("星空露营");
        // The demo schedule runs 60 days, to 19 November.
        await (await tourist.BookAsync(Booker.StayBooking(camping, "2026-11-18", "2026-11-22", paymentMethod: "card"))).AssertProblemAsync(HttpStatusCode.Conflict, "not_on_sale");
        var nights = await api.WithDbAsync(db => db.Nights.Where(n => n.OfferingId == Guid.Parse(camping) && n.Date >= new DateOnly(2026, 11, 18)).SumAsync(n => n.Reserved, Ct));
        Assert.Equal(0, nights);
    }

    [Fact]
    public async Task CreateBooking_BeyondTheVenuesDailyCap_Returns409AcrossItsOfferings()
    {
        var tourist = await api.NewTouristAsync();
        var fishing = await _anonymous.OfferingIdAsync("稻田钓虾");
        var cooking = await _anonymous.OfferingIdAsync("钓虾+现场加工");
        var venue = (await (await _anonymous.GetAsync($"/api/v1/offerings/{fishing}", Ct)).ReadJsonAsync()).Get<string>("venueId");
        await api.WithDbAsync(db => db.Venues.Where(v => v.Id == Guid.Parse(venue)).ExecuteUpdateAsync(v => v.SetProperty(x => x.DailyCap, 5), Ct));

        await tourist.BookOkAsync(Booker.SlotBooking(fishing, await _anonymous.SlotIdAsync(fishing, "2026-10-14"), adults: 3));
        var cookingSlot = await _anonymous.SlotIdAsync(cooking, "2026-10-14", "10:00");
        await (await tourist.BookAsync(Booker.SlotBooking(cooking, cookingSlot, adults: 3))).AssertProblemAsync(HttpStatusCode.Conflict, "daily_cap_reached");
        Assert.Equal(0, (await api.SlotAsync(cookingSlot)).Reserved); // the slot seat was given back with the refusal
        await tourist.BookOkAsync(Booker.SlotBooking(cooking, cookingSlot, adults: 2));
        await tourist.BookOkAsync(Booker.SlotBooking(cooking, await _anonymous.SlotIdAsync(cooking, "2026-10-15", "10:00"), adults: 3));
    }

    [Fact]
    public async Task CreateBooking_PastTheUnpaidHoldLimit_Returns409()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-09-29");
        for (var i = 0; i < 3; i++)
        {
            await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "card"));
        }

        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 1, paymentMethod: "wechatPay")))
            .AssertProblemAsync(HttpStatusCode.Conflict, "too_many_holds");
        await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1)); // paying on arrival holds nothing unpaid
    }

    [Theory]
    [InlineData("operator.rose@banan.local")]
    [InlineData("officer.ersheng@banan.local")]
    [InlineData("admin@banan.local")]
    public async Task CreateBooking_ByAnyoneButATourist_Returns403(string email)
    {
        var client = await api.SignInAsync(email);
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        await (await client.BookAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-24"))))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task CreateBooking_Anonymously_Returns401()
    {
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        await (await _anonymous.BookAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-24"))))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Idempotency_ReplayAnswersTheSameBookingAndWritesOneRow()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var body = Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-30"));
        var first = await (await tourist.BookAsync(body, "order-1")).ReadJsonAsync();
        var again = await tourist.BookAsync(body, "order-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Get<string>("id"), (await again.ReadJsonAsync()).Get<string>("id"));
        Assert.Equal(1, (await (await tourist.GetAsync("/api/v1/me/bookings", Ct)).ReadJsonAsync()).Get<int>("total"));

        var otherBody = Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-30"), adults: 3);
        await (await tourist.BookAsync(otherBody, "order-1")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        // Keys are per user: another tourist may use the same key for their own booking.
        var other = await api.NewTouristAsync();
        var theirs = await (await other.BookAsync(body, "order-1")).ReadJsonAsync();
        Assert.NotEqual(first.Get<string>("id"), theirs.Get<string>("id"));
    }

    [Fact]
    public async Task Idempotency_ParallelDuplicatesMakeOneBooking()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-02", "14:00");
        var body = Booker.SlotBooking(roses, slot);
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => tourist.BookAsync(body, "double-click")));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = new HashSet<string>();
        foreach (var a in answers)
        {
            var json = await a.ReadJsonAsync();
            if (a.StatusCode == HttpStatusCode.Created)
            {
                ids.Add(json.Get<string>("id"));
            }
            else
            {
                Assert.Equal("request_in_progress", json.Get<string>("code"));
            }
        }

        Assert.Single(ids);
        Assert.Equal(2, (await api.SlotAsync(slot)).Reserved);
        Assert.Equal(1, (await (await tourist.GetAsync("/api/v1/me/bookings", Ct)).ReadJsonAsync()).Get<int>("total"));
    }

    [Fact]
    public async Task Idempotency_AfterARefusal_TheKeyCanBeRetried()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-05", "14:00");
        await api.SetSlotCapacityAsync(slot, 1);
        var body = Booker.SlotBooking(roses, slot, adults: 2);
        await (await tourist.BookAsync(body, "retry-me")).AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        await api.SetSlotCapacityAsync(slot, 4);
        Assert.Equal(HttpStatusCode.Created, (await tourist.BookAsync(body, "retry-me")).StatusCode);
    }

    [Fact]
    public async Task Cancel_InTheFreeWindow_CancelsAndPutsCapacityBack()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-06");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 4));
        Assert.Equal(4, (await api.SlotAsync(slot)).Reserved);

        var cancelled = await tourist.PostAsync($"/api/v1/bookings/{booking.Get<string>("id")}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = await cancelled.ReadJsonAsync();
        Assert.Equal("cancelled", body.Get<string>("status"));
        Assert.Equal(0, body["refund"]!.Get<long>("amount")); // paid nothing online, so nothing to refund
        Assert.Equal("CNY", body["refund"]!.Get<string>("currency"));
        Assert.Null(body["verificationCode"]);
        Assert.Equal(0, (await api.SlotAsync(slot)).Reserved);

        await (await tourist.PostAsync($"/api/v1/bookings/{booking.Get<string>("id")}/cancel", null, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "not_cancellable");
    }

    [Fact]
    public async Task Cancel_AfterTheStart_IsRefused()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-09-21", "14:00")));
        var id = Guid.Parse(booking.Get<string>("id"));

        // Pretend the session began: its start moves into the past.
        await api.WithDbAsync(db => db.Bookings.Where(b => b.Id == id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.StartsAt, ApiFactory.Start.AddMinutes(-1)), Ct));
        await (await tourist.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "not_cancellable");
    }

    [Fact]
    public async Task CrossTenant_AnotherTouristsBookingAnswers404Everywhere()
    {
        var owner = await api.NewTouristAsync();
        var stranger = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var id = (await owner.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-10-07")))).Get<string>("id");

        await (await stranger.GetAsync($"/api/v1/bookings/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.GetAsync($"/api/v1/bookings/{id}/ticket.svg", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.GetAsync($"/api/v1/bookings/{id}/calendar.ics", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/me/bookings", Ct)).ReadJsonAsync()).Get<int>("total"));

        // The venue's operator and admins see it; another venue's operator and officers do not.
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignInAsync("operator.rose@banan.local")).GetAsync($"/api/v1/bookings/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignInAsync("admin@banan.local")).GetAsync($"/api/v1/bookings/{id}", Ct)).StatusCode);
        await (await (await api.SignInAsync("operator.yunlin@banan.local")).GetAsync($"/api/v1/bookings/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        // Officers read figures, not bookings: the role is refused (403), whoever's booking it is.
        await (await (await api.SignInAsync("officer.ersheng@banan.local")).GetAsync($"/api/v1/bookings/{id}", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.SignInAsync("operator.rose@banan.local")).PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Ticket_IsAQrCodeOnceConfirmed()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-08");
        var confirmed = (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot))).Get<string>("id");
        var ticket = await tourist.GetAsync($"/api/v1/bookings/{confirmed}/ticket.svg", Ct);
        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
        Assert.Equal("image/svg+xml", ticket.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await ticket.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var held = (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, paymentMethod: "card"))).Get<string>("id");
        await (await tourist.GetAsync($"/api/v1/bookings/{held}/ticket.svg", Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "not_confirmed");
    }

    [Fact]
    public async Task Calendar_IsAnICalendarEventAtTheSessionTime()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var id = (await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-10-08", "14:00")))).Get<string>("id");
        var ics = await tourist.GetAsync($"/api/v1/bookings/{id}/calendar.ics", Ct);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync(Ct);
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261008T060000Z", text, StringComparison.Ordinal); // 14:00 in Chongqing
        Assert.Contains("DTEND:20261008T080000Z", text, StringComparison.Ordinal);
        Assert.Contains("玫瑰采摘", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyBookings_AreNewestFirstAndFilterByStatus()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-13");
        var first = (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot))).Get<string>("id");
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, paymentMethod: "card"))).Get<string>("id");

        var all = await (await tourist.GetAsync("/api/v1/me/bookings", Ct)).ReadJsonAsync();
        Assert.Equal([second, first], all["items"]!.AsArray().Select(b => b!.Get<string>("id")));
        var held = await (await tourist.GetAsync("/api/v1/me/bookings?status=held", Ct)).ReadJsonAsync();
        Assert.Equal([second], held["items"]!.AsArray().Select(b => b!.Get<string>("id")));
        await (await tourist.GetAsync("/api/v1/me/bookings?status=lost", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "status");
        var paged = await (await tourist.GetAsync("/api/v1/me/bookings?page=2&pageSize=1", Ct)).ReadJsonAsync();
        Assert.Equal([first], paged["items"]!.AsArray().Select(b => b!.Get<string>("id")));
        Assert.Equal(2, paged.Get<int>("total"));
    }

    [Fact]
    public async Task PriceChanges_NeverChangeExistingBookings()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰园赏花");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-10-13"), adults: 1));
        Assert.Equal(2000, booking["total"]!.Get<long>("amount"));

        await api.WithDbAsync(db => db.Offerings.Where(o => o.Id == Guid.Parse(roses))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Prices.Base, 9900), Ct));
        var again = await (await tourist.GetAsync($"/api/v1/bookings/{booking.Get<string>("id")}", Ct)).ReadJsonAsync();
        Assert.Equal(2000, again["total"]!.Get<long>("amount"));
    }

    [Fact]
    public async Task Holidays_AnAdminAddsOneAndItsPriceApplies()
    {
        var admin = await api.SignInAsync("admin@banan.local");
        var added = await admin.PostAsJsonAsync("/api/v1/admin/holidays", new { date = "2026-10-20", name = "重阳节活动日" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await (await admin.PostAsJsonAsync("/api/v1/admin/holidays", new { date = "2026-10-20", name = "again" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict, "holiday_exists");

        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var availability = await (await _anonymous.GetAsync($"/api/v1/offerings/{roses}/availability?from=2026-10-20&to=2026-10-20", Ct)).ReadJsonAsync();
        Assert.Equal(7800, availability["slots"]![0]!["price"]!["adult"]!.Get<long>("amount"));

        var holidays = await (await _anonymous.GetAsync("/api/v1/holidays?year=2026", Ct)).ReadJsonAsync();
        Assert.Contains(holidays.AsArray(), h => h!.Get<string>("date") == "2026-10-01" && h!.Get<string>("name") == "国庆节");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/admin/holidays/2026-10-20", Ct)).StatusCode);
        var tourist = await api.NewTouristAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await tourist.PostAsJsonAsync("/api/v1/admin/holidays", new { date = "2026-10-21", name = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public void BookingStatuses_AreExactlyTheOnesTheApiDocuments() =>
        Assert.Equal(
            ["held", "confirmed", "checkedIn", "expired", "cancelled", "noShow"],
            Enum.GetNames<BookingStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
}
