using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Season status (issue 18): shown with its date for 14 days, then presumed stale; "in season now" filters by it.
/// </summary>
public class SeasonTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASeasonLine_IsShownForFourteenDays_AndFiltersInSeason()
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");

        var bad = await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/season", new { status = "blooming", note = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var posted = await rose.PostAsJsonAsync($"/api/v1/operator/offerings/{roses}/season", new { status = "peak", note = "东坡玫瑰盛开", noteEn = "Roses in full bloom" }, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var detail = await (await anonymous.GetAsync($"/api/v1/offerings/{roses}", Ct)).ReadJsonAsync();
        Assert.Equal("peak", detail["season"]!.Get<string>("status"));
        Assert.Equal("东坡玫瑰盛开", detail["season"]!.Get<string>("note"));
        var inSeason = await (await anonymous.GetAsync("/api/v1/offerings?inSeason=true&pageSize=100", Ct)).ReadJsonAsync();
        Assert.Contains(inSeason["items"]!.AsArray(), o => o!.Get<string>("id") == roses);
        Assert.DoesNotContain(inSeason["items"]!.AsArray(), o => o!["season"] is null);

        // Posted fourteen days ago it still shows; a minute more without an update, it is presumed stale: not shown,
        // not in season. (The post is aged in the database: moving the test clock on two weeks would fire every
        // periodic timer of those weeks.)
        var now = api.Clock.GetUtcNow();
        await AgeAsync(roses, now - TimeSpan.FromDays(14));
        Assert.NotNull((await (await anonymous.GetAsync($"/api/v1/offerings/{roses}", Ct)).ReadJsonAsync())["season"]);
        await AgeAsync(roses, now - TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        detail = await (await anonymous.GetAsync($"/api/v1/offerings/{roses}", Ct)).ReadJsonAsync();
        Assert.Null(detail["season"]);
        inSeason = await (await anonymous.GetAsync("/api/v1/offerings?inSeason=true&pageSize=100", Ct)).ReadJsonAsync();
        Assert.DoesNotContain(inSeason["items"]!.AsArray(), o => o!.Get<string>("id") == roses);
    }

    private Task AgeAsync(string offeringId, DateTimeOffset postedAt) => api.WithDbAsync(db =>
        db.Offerings.Where(o => o.Id == Guid.Parse(offeringId))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.SeasonUpdatedAt, postedAt), Ct));
}
