using System.Net;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests;

public class CatalogTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task GetTownships_ReturnsTheArticlesTownshipsWithTheirVillages()
    {
        var townships = (await (await _client.GetAsync("/api/v1/townships", TestContext.Current.CancellationToken)).ReadJsonAsync()).AsArray();

        string[] VillagesOf(string township) => townships.Single(t => t!.Get<string>("name") == township)!["villages"]!
            .AsArray().Select(v => v!.Get<string>("name")).ToArray();
        Assert.Contains("幸福村", VillagesOf("二圣镇"));
        Assert.Contains("集体村", VillagesOf("二圣镇"));
        Assert.Contains("黄金林村", VillagesOf("东温泉镇"));
        Assert.Contains("河岸村", VillagesOf("东温泉镇"));
        Assert.Contains("塘湾村", VillagesOf("双河口镇"));
        Assert.All(townships, t => Assert.False(string.IsNullOrEmpty(t!.Get<string>("nameEn"))));
    }

    [Fact]
    public async Task ListVenues_FiltersByTownshipCategoryAndText()
    {
        var ersheng = await TownshipIdAsync("二圣镇");
        var inErsheng = await NamesAsync($"/api/v1/venues?townshipId={ersheng}&pageSize=100");
        Assert.Equal(["云林天乡", "天坪山居农家乐", "幸福村玫瑰园", "稻虾养殖基地"], inErsheng.Order(StringComparer.Ordinal));

        Assert.Equal(["稻虾养殖基地"], await NamesAsync("/api/v1/venues?category=fishing"));
        // Descriptions count too: the shrimp farm is "beside the rose garden".
        Assert.Equal(["幸福村玫瑰园", "稻虾养殖基地"], await NamesAsync("/api/v1/venues?q=玫瑰"));
        Assert.Equal(["幸福村玫瑰园"], await NamesAsync("/api/v1/venues?q=rose%20GARDEN"));
        Assert.Empty(await NamesAsync("/api/v1/venues?q=%25%25"));
    }

    [Fact]
    public async Task ListVenues_PagesWithTotals()
    {
        var all = await (await _client.GetAsync("/api/v1/venues?pageSize=100", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var total = all.Get<int>("total");
        Assert.True(total >= 11, $"expected the whole demo catalog, got {total}");

        var second = await (await _client.GetAsync("/api/v1/venues?page=2&pageSize=3", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(2, second.Get<int>("page"));
        Assert.Equal(3, second.Get<int>("pageSize"));
        Assert.Equal(total, second.Get<int>("total"));
        Assert.Equal(
            all["items"]!.AsArray().Skip(3).Take(3).Select(v => v!.Get<string>("id")),
            second["items"]!.AsArray().Select(v => v!.Get<string>("id")));
    }

    [Fact]
    public async Task GetVenue_ShowsItsPublishedOfferings()
    {
        var id = await VenueIdAsync("幸福村玫瑰园");
        var venue = await (await _client.GetAsync($"/api/v1/venues/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("幸福村", venue.Get<string>("villageName"));
        Assert.Equal(1500, venue.Get<int>("dailyCap"));
        Assert.Equal(["picking", "tour"], venue["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("玫瑰采摘", venue["offerings"]!.AsArray().Select(o => o!.Get<string>("name")));
    }

    [Fact]
    public async Task GetVenue_WhenUnknown_Returns404Problem()
    {
        var response = await _client.GetAsync($"/api/v1/venues/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ListOfferings_WithDateAndParty_ShowsOnlyThoseWithRoomThatDay()
    {
        // September: roses and shrimp are in season, citrus (November to January) is not.
        var onDate = await NamesAsync("/api/v1/offerings?date=2026-09-22&pageSize=100");
        Assert.Contains("玫瑰采摘", onDate);
        Assert.Contains("稻田钓虾", onDate);
        Assert.DoesNotContain("柑橘采摘", onDate);

        // Rose picking sessions hold 40; a party of 41 fits only the big flower-sea sessions.
        var bigParty = await NamesAsync("/api/v1/offerings?date=2026-09-22&partySize=41&pageSize=100");
        Assert.DoesNotContain("玫瑰采摘", bigParty);
        Assert.Contains("滨湖花海观光", bigParty);
    }

    [Fact]
    public async Task ListOfferings_WithDate_ReportsPlacesLeft()
    {
        var page = await (await _client.GetAsync("/api/v1/offerings?date=2026-09-22&q=玫瑰采摘", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var roses = Assert.Single(page["items"]!.AsArray());
        Assert.Equal(80, roses!.Get<int>("available")); // two sessions of 40
        Assert.Equal(2800, roses!["fromPrice"]!.Get<long>("amount"));
        Assert.Equal("CNY", roses["fromPrice"]!.Get<string>("currency"));
    }

    [Fact]
    public async Task GetOffering_ShowsPricesAndPolicyByKind()
    {
        var roses = await OfferingAsync("玫瑰采摘");
        Assert.Equal("timeSlot", roses.Get<string>("kind"));
        Assert.Equal(5800, roses["prices"]!["adult"]!.Get<long>("amount"));
        Assert.Equal(2800, roses["prices"]!["child"]!.Get<long>("amount"));
        Assert.Equal(7800, roses["prices"]!["holiday"]!.Get<long>("amount"));
        Assert.Null(roses["prices"]!["perNight"]);
        Assert.Equal(24, roses["cancellationPolicy"]!.Get<int>("freeUntilHoursBefore"));
        Assert.Equal(50, roses["cancellationPolicy"]!.Get<int>("refundPercentAfter"));

        var camping = await OfferingAsync("星空露营");
        Assert.Equal("nightly", camping.Get<string>("kind"));
        Assert.Equal(38800, camping["prices"]!["perNight"]!.Get<long>("amount"));
        Assert.Null(camping["prices"]!["adult"]);
        Assert.Equal(1, camping.Get<int>("minNights"));
    }

    [Fact]
    public async Task GetAvailability_ForSlots_PricesEachDayAndClosesStartedSessions()
    {
        var id = (await OfferingAsync("玫瑰采摘")).Get<string>("id");
        var availability = await (await _client.GetAsync(
            $"/api/v1/offerings/{id}/availability?from=2026-09-21&to=2026-10-10", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("timeSlot", availability.Get<string>("kind"));
        var slots = availability["slots"]!.AsArray();
        Assert.Equal(40, slots.Count); // 20 days × 2 sessions

        JsonNode Slot(string date, string start) =>
            slots.Single(s => s!.Get<string>("date") == date && s!.Get<string>("start") == start)!;

        // It is 09:00 on the 21st: the morning session has started, the afternoon one is open.
        Assert.Equal("closed", Slot("2026-09-21", "09:00").Get<string>("status"));
        Assert.Equal("open", Slot("2026-09-21", "14:00").Get<string>("status"));
        Assert.Equal("11:00", Slot("2026-09-21", "09:00").Get<string>("end"));
        Assert.Equal(40, Slot("2026-09-22", "09:00").Get<int>("remaining"));
        Assert.Equal(5800, Slot("2026-09-22", "09:00")["price"]!["adult"]!.Get<long>("amount"));   // Tuesday
        Assert.Equal(6800, Slot("2026-10-10", "09:00")["price"]!["adult"]!.Get<long>("amount"));   // Saturday
        Assert.Equal(7800, Slot("2026-09-26", "09:00")["price"]!["adult"]!.Get<long>("amount"));   // Mid-Autumn
        Assert.Equal(7800, Slot("2026-10-01", "09:00")["price"]!["adult"]!.Get<long>("amount"));   // National Day
        Assert.Equal(2800, Slot("2026-10-01", "09:00")["price"]!["child"]!.Get<long>("amount"));
    }

    [Fact]
    public async Task GetAvailability_ForNights_PricesWeekendAndHolidayNights()
    {
        var id = (await OfferingAsync("星空露营")).Get<string>("id");
        var availability = await (await _client.GetAsync(
            $"/api/v1/offerings/{id}/availability?from=2026-09-24&to=2026-10-09", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var nights = availability["nights"]!.AsArray();
        Assert.Equal(16, nights.Count);
        long PriceOn(string date) => nights.Single(n => n!.Get<string>("date") == date)!["price"]!.Get<long>("amount");
        Assert.Equal(38800, PriceOn("2026-09-24")); // Thursday
        Assert.Equal(58800, PriceOn("2026-09-25")); // Mid-Autumn
        Assert.Equal(48800, PriceOn("2026-10-09")); // Friday night
        Assert.Equal(58800, PriceOn("2026-10-01")); // National Day
        Assert.All(nights, n => Assert.Equal(30, n!.Get<int>("remaining")));
    }

    [Theory]
    [InlineData("from=2026-09-21&to=2026-12-23", "to")]   // 94 days
    [InlineData("from=2026-09-21&to=2026-09-20", "to")]
    [InlineData("to=2026-09-21", "from")]
    [InlineData("from=2026-02-30&to=2026-03-01", "from")]
    [InlineData("from=yesterday&to=2026-03-01", "from")]
    public async Task GetAvailability_WithABadRange_Returns400NamingTheField(string query, string field)
    {
        var id = (await OfferingAsync("玫瑰采摘")).Get<string>("id");
        var response = await _client.GetAsync($"/api/v1/offerings/{id}/availability?{query}", TestContext.Current.CancellationToken);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task GetAvailability_For93Days_IsAllowed()
    {
        var id = (await OfferingAsync("玫瑰采摘")).Get<string>("id");
        var response = await _client.GetAsync($"/api/v1/offerings/{id}/availability?from=2026-09-21&to=2026-12-22", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/offerings?pageSize=0", "pageSize")]
    [InlineData("/api/v1/offerings?pageSize=10000", "pageSize")]
    [InlineData("/api/v1/offerings?page=0", "page")]
    [InlineData("/api/v1/offerings?page=abc", "page")]
    [InlineData("/api/v1/offerings?category=skiing", "category")]
    [InlineData("/api/v1/offerings?category=2", "category")]
    [InlineData("/api/v1/offerings?date=2026-13-45", "date")]
    [InlineData("/api/v1/offerings?partySize=3", "partySize")]
    [InlineData("/api/v1/offerings?date=2026-09-22&partySize=-1", "partySize")]
    [InlineData("/api/v1/venues?townshipId=not-a-guid", "townshipId")]
    [InlineData("/api/v1/venues?pageSize=101", "pageSize")]
    public async Task Catalog_WithBadQuery_Returns400NamingTheField(string url, string field)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task Catalog_WithAnOverlongSearch_Returns400()
    {
        var response = await _client.GetAsync("/api/v1/venues?q=" + new string('x', 101), TestContext.Current.CancellationToken);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "q");
    }

    [Fact]
    public async Task UnpublishedOffering_IsInvisibleToTourists()
    {
        var watermelon = (await OfferingAsync("西瓜采摘")).Get<string>("id");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Offerings.Where(o => o.Id == Guid.Parse(watermelon))
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.Published, false), TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/offerings/{watermelon}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/offerings/{watermelon}/availability?from=2026-09-21&to=2026-09-22", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("西瓜采摘", await NamesAsync("/api/v1/offerings?pageSize=100"));
    }

    private async Task<string[]> NamesAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["items"]!.AsArray().Select(v => v!.Get<string>("name")).ToArray();
    }

    private async Task<string> TownshipIdAsync(string name) =>
        (await (await _client.GetAsync("/api/v1/townships", TestContext.Current.CancellationToken)).ReadJsonAsync()).AsArray()
        .Single(t => t!.Get<string>("name") == name)!.Get<string>("id");

    private async Task<string> VenueIdAsync(string name) =>
        (await (await _client.GetAsync($"/api/v1/venues?q={Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken)).ReadJsonAsync())["items"]!
        .AsArray().Single(v => v!.Get<string>("name") == name)!.Get<string>("id");

    private async Task<JsonNode> OfferingAsync(string name)
    {
        var page = await (await _client.GetAsync($"/api/v1/offerings?q={Uri.EscapeDataString(name)}&pageSize=100", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var id = page["items"]!.AsArray().Single(o => o!.Get<string>("name") == name)!.Get<string>("id");
        return await (await _client.GetAsync($"/api/v1/offerings/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();
    }
}
