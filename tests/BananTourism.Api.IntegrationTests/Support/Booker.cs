using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>What booking tests do over and over: find the demo catalog's ids, make tourists, book.</summary>
public static class Booker
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> OfferingIdAsync(this HttpClient client, string name)
    {
        var page = await (await client.GetAsync($"/api/v1/offerings?q={Uri.EscapeDataString(name)}&pageSize=100", Ct)).ReadJsonAsync();
        return page["items"]!.AsArray().Single(o => o!.Get<string>("name") == name)!.Get<string>("id");
    }

    /// <summary>The id of the offering's slot on <paramref name="date"/> starting at <paramref name="start"/>.</summary>
    public static async Task<string> SlotIdAsync(this HttpClient client, string offeringId, string date, string start = "09:00")
    {
        var availability = await (await client.GetAsync($"/api/v1/offerings/{offeringId}/availability?from={date}&to={date}", Ct)).ReadJsonAsync();
        return availability["slots"]!.AsArray().Single(s => s!.Get<string>("start") == start)!.Get<string>("id");
    }

    public const string TouristPassword = "Chongqing2026";

    /// <summary>A new tourist account (password <see cref="TouristPassword"/>); its email, to sign in with.</summary>
    public static async Task<string> RegisterTouristAsync(this ApiFactory api)
    {
        var email = $"t-{Guid.NewGuid():N}@example.cn";
        var registered = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = TouristPassword, displayName = "测试游客" }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return email;
    }

    /// <summary>A new tourist, signed in, with a verified mobile number of its own (the code read from the pickup folder).</summary>
    public static async Task<HttpClient> NewTouristAsync(this ApiFactory api) =>
        await api.SignInAsync(await api.RegisterVerifiedTouristAsync(), TouristPassword);

    /// <summary>A new tourist account with a verified mobile number; its email, to sign in with.</summary>
    public static async Task<string> RegisterVerifiedTouristAsync(this ApiFactory api)
    {
        var email = await api.RegisterTouristAsync();
        await api.VerifyPhoneAsync(await api.SignInAsync(email, TouristPassword), NewPhone());
        return email;
    }

    /// <summary>A mainland mobile number nobody in this test run has used.</summary>
    public static string NewPhone() => "139" + Random.Shared.NextInt64(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asks for a code for <paramref name="phone"/>, reads it from the pickup folder and verifies it.</summary>
    public static Task VerifyPhoneAsync(this ApiFactory api, HttpClient tourist, string phone) =>
        VerifyPhoneAsync(tourist, api.PickupDirectory, phone);

    /// <summary>The same against any instance, given the folder it copies its messages to.</summary>
    public static async Task VerifyPhoneAsync(HttpClient tourist, string pickupDirectory, string phone)
    {
        var seen = Pickup.Ids(pickupDirectory, phone);
        var sent = await tourist.PostAsJsonAsync("/api/v1/me/phone/code", new { phone }, Ct);
        Assert.True(sent.StatusCode == HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync(Ct));
        var code = Pickup.NewCode(pickupDirectory, phone, seen);
        var verified = await tourist.PostAsJsonAsync("/api/v1/me/phone/verify", new { phone, code }, Ct);
        Assert.True(verified.StatusCode == HttpStatusCode.OK, await verified.Content.ReadAsStringAsync(Ct));
    }

    public static object SlotBooking(string offeringId, string slotId, int adults = 2, int children = 0, string paymentMethod = "payOnArrival") => new
    {
        offeringId,
        slotId,
        adults,
        children,
        contact = new { name = "张三", phone = "13800138000", email = "zhangsan@example.cn" },
        paymentMethod,
    };

    public static object StayBooking(string offeringId, string checkIn, string checkOut, int units = 1, int adults = 2, string paymentMethod = "payOnArrival") => new
    {
        offeringId,
        checkIn,
        checkOut,
        units,
        adults,
        children = 0,
        contact = new { name = "李四", phone = "13912345678" },
        paymentMethod,
    };

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Ct);
    }

    public static async Task<JsonNode> BookOkAsync(this HttpClient client, object body)
    {
        var response = await client.BookAsync(body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    public static async Task<T> WithDbAsync<T>(this ApiFactory api, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task SetSlotCapacityAsync(this ApiFactory api, string slotId, int capacity) =>
        api.WithDbAsync(db => db.Slots.Where(s => s.Id == Guid.Parse(slotId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity), Ct));

    public static async Task<(int Capacity, int Reserved)> SlotAsync(this ApiFactory api, string slotId) =>
        await api.WithDbAsync(db => db.Slots.Where(s => s.Id == Guid.Parse(slotId))
            .Select(s => new ValueTuple<int, int>(s.Capacity, s.Reserved)).SingleAsync(Ct));

    public static async Task ReconcilePaymentsAsync(this ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Application.Payments.ReconcilePayments.ReconcilePayments(), Ct);
    }

    public static async Task<int> ExpireHoldsAsync(this ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Application.Bookings.ExpireHolds.ExpireHolds(), Ct);
        return result.Value;
    }

    public static async Task<int> ExpireMoveOffersAsync(this ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Application.Bookings.ExpireMoveOffers.ExpireMoveOffers(), Ct);
        return result.Value;
    }

    /// <summary>The tourist pays the booking's PaymentIntent at the loopback Stripe, and Stripe says so by webhook.</summary>
    public static async Task PayAsync(this ApiFactory api, Guid bookingId)
    {
        var intent = api.Stripe!.Succeed(api.Stripe.IntentFor(bookingId)["id"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.StripeEventAsync("payment_intent.succeeded", intent)).StatusCode);
    }

    /// <summary>The report rebuild finds the figures kept in the booking transactions exactly right.</summary>
    public static async Task AssertFiguresEqualTheRebuildAsync(this ApiFactory api)
    {
        var admin = await api.SignInAsync("admin@banan.local");
        var rebuild = await (await admin.PostAsync("/api/v1/admin/reports/rebuild", null, Ct)).ReadJsonAsync();
        Assert.False(rebuild.Get<bool>("changed"), "the kept daily figures differ from what the bookings say: " + rebuild.ToJsonString());
    }

    /// <summary>Reads any booking, as an admin sees it.</summary>
    public static async Task<JsonNode> ReadBookingAsync(this ApiFactory api, Guid id)
    {
        var admin = await api.SignInAsync("admin@banan.local");
        return await (await admin.GetAsync($"/api/v1/bookings/{id}", Ct)).ReadJsonAsync();
    }
}
