using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Reviews (issue 18): only a tourist who came reviews, once; another's booking is not found; the operator
/// answers; hidden reviews stay in the database and leave the average.</summary>
public class ReviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Today = "2026-09-21";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlyACheckedInBooking_IsReviewed_Once_AndHiddenReviewsLeaveTheAverage()
    {
        var anonymous = api.CreateClient();
        var shrimp = await anonymous.OfferingIdAsync("稻田钓虾");
        var slot = await anonymous.SlotIdAsync(shrimp, Today, "14:00");
        var tourist = await api.NewTouristAsync();
        var came = await tourist.BookOkAsync(Booker.SlotBooking(shrimp, slot, adults: 2));
        var other = await tourist.BookOkAsync(Booker.SlotBooking(shrimp, slot, adults: 1));
        var review = new { rating = 4, text = "虾很多，老板现场做的麻辣小龙虾特别香。" };

        // Before the gate: nothing to review yet.
        var early = await tourist.PostAsJsonAsync($"/api/v1/bookings/{came.Get<string>("id")}/review", review, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("not_reviewable", (await early.ReadJsonAsync()).Get<string>("code"));

        var daxia = await api.SignInAsync("operator.daxia@banan.local");
        foreach (var booking in new[] { came, other })
        {
            Assert.Equal(HttpStatusCode.OK, (await daxia.PostAsJsonAsync("/api/v1/operator/check-ins",
                new { code = booking.Get<string>("verificationCode"), headcount = booking.Get<int>("adults") }, Ct)).StatusCode);
        }

        // Someone else's booking does not exist for this tourist.
        var stranger = await api.NewTouristAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/bookings/{came.Get<string>("id")}/review", review, Ct)).StatusCode);

        // Bad input names its field.
        var bad = await tourist.PostAsJsonAsync($"/api/v1/bookings/{came.Get<string>("id")}/review", new { rating = 6, text = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync())["errors"]!;
        Assert.NotNull(errors["rating"]);
        Assert.NotNull(errors["text"]);

        var first = await tourist.PostAsJsonAsync($"/api/v1/bookings/{came.Get<string>("id")}/review", review, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var written = await first.ReadJsonAsync();
        Assert.EndsWith("**", written.Get<string>("author"));
        Assert.Equal(HttpStatusCode.Conflict, (await tourist.PostAsJsonAsync($"/api/v1/bookings/{came.Get<string>("id")}/review", review, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await tourist.PostAsJsonAsync($"/api/v1/bookings/{other.Get<string>("id")}/review",
            new { rating = 1, text = "电话 13800001234 加我微信" }, Ct)).StatusCode);

        var list = await (await anonymous.GetAsync($"/api/v1/offerings/{shrimp}/reviews", Ct)).ReadJsonAsync();
        Assert.Equal(2, list.Get<int>("count"));
        Assert.Equal(2.5m, list.Get<decimal>("average"));
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("张**", i!.Get<string>("author"))); // 张三, masked

        // The operator answers under it; another operator cannot.
        var rose = await api.SignInAsync("operator.rose@banan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await rose.PostAsJsonAsync($"/api/v1/operator/reviews/{written.Get<string>("id")}/reply", new { text = "谢谢" }, Ct)).StatusCode);
        var reply = await daxia.PostAsJsonAsync($"/api/v1/operator/reviews/{written.Get<string>("id")}/reply", new { text = "谢谢光临，明年虾更肥！" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        // The admin hides the advert: kept, out of the average and the list.
        var spam = list["items"]!.AsArray().Single(i => i!.Get<int>("rating") == 1)!.Get<string>("id");
        var admin = await api.SignInAsync("admin@banan.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{spam}/hide", new { reason = "" }, Ct)).StatusCode);
        var hidden = await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{spam}/hide", new { reason = "广告和电话号码" }, Ct);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Equal("广告和电话号码", (await hidden.ReadJsonAsync()).Get<string>("reason"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{spam}/hide", new { reason = "again" }, Ct)).StatusCode);

        list = await (await anonymous.GetAsync($"/api/v1/offerings/{shrimp}/reviews", Ct)).ReadJsonAsync();
        Assert.Equal(1, list.Get<int>("count"));
        Assert.Equal(4m, list.Get<decimal>("average"));
        var shown = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal("谢谢光临，明年虾更肥！", shown.Get<string>("reply"));
        var detail = await (await anonymous.GetAsync($"/api/v1/offerings/{shrimp}", Ct)).ReadJsonAsync();
        Assert.Equal(4m, detail["rating"]!.Get<decimal>("average"));
        Assert.Equal(1, detail["rating"]!.Get<int>("count"));
        Assert.True(await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Reviews, r => r.Id == Guid.Parse(spam) && r.HiddenReason == "广告和电话号码", Ct)));
    }
}
