using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>From the home page to a venue and an offering's live availability, in a real browser.</summary>
public class CatalogPageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ATourist_FindsTheRoseGarden_AndSeesPlacesAndPricesPerSession()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/");
        await page.NavigateByAsync(() => page.Locator("#venues").GetByRole(AriaRole.Link, new() { Name = "幸福村玫瑰园" }).ClickAsync(), "/venues/");
        Assert.Contains("幸福村", await page.Locator(".muted").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "玫瑰采摘" }).ClickAsync(), "/offerings/");
        Assert.Contains("成人 ¥58", await page.Locator("#prices").InnerTextAsync(), StringComparison.Ordinal);

        // 09:00 on 21 September: the morning session has started (closed), the afternoon one is open with 40 places.
        var today = page.Locator("#availability li[data-date='2026-09-21']");
        Assert.Equal(2, await today.CountAsync());
        Assert.Contains("已关闭", await today.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("40 / 40", await today.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(28, await page.Locator("#availability li[data-date]").CountAsync()); // two weeks, two sessions a day
        await BrowserFixture.ScreenshotAsync(page, "offering-roses-375");

        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "后两周" }).ClickAsync(), "from=2026-10-05$");
        Assert.Equal("2026-10-05", await page.Locator("#availability li[data-date]").First.GetAttributeAsync("data-date"));
    }

    [Fact]
    public async Task TheMonthView_ShowsOpenSoldOutAndClosedDays_AndOpensTheBookingForm()
    {
        // 24 September: both sessions full; 25 September: closed by the operator.
        var client = await browser.Api.NewTouristAsync();
        var roses = await client.OfferingIdAsync("玫瑰采摘");
        foreach (var start in new[] { "09:00", "14:00" })
        {
            var slot = await client.SlotIdAsync(roses, "2026-09-24", start);
            await client.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1));
            await browser.Api.SetSlotCapacityAsync(slot, 1);
        }

        await browser.Api.WithDbAsync(db => db.Slots.Where(s => s.OfferingId == Guid.Parse(roses) && s.Date == new DateOnly(2026, 9, 25))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Closed, true), TestContext.Current.CancellationToken));

        var page = await browser.PhoneAsync();
        await page.GotoAsync($"/offerings/{roses}");
        Assert.Equal("2026-09", await page.Locator("#month-title").InnerTextAsync());
        Assert.Equal("status-none", await ClassOfAsync(page, "2026-09-01")); // before the schedule begins
        Assert.Equal("status-open", await ClassOfAsync(page, "2026-09-21")); // the afternoon session is still open
        Assert.Contains("40", await Day(page, "2026-09-21").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("status-soldout", await ClassOfAsync(page, "2026-09-24"));
        Assert.Equal("status-closed", await ClassOfAsync(page, "2026-09-25"));
        Assert.Equal(0, await Day(page, "2026-09-24").Locator("a").CountAsync());
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "offering-month-375");

        await page.NavigateByAsync(() => page.Locator("a[aria-label='下个月']").ClickAsync(), "month=2026-10$");
        Assert.Equal("2026-10", await page.Locator("#month-title").InnerTextAsync());
        await page.NavigateByAsync(() => Day(page, "2026-10-03").Locator("a").ClickAsync(), "/account/signin"); // National Day holiday, keyboard-reachable link
        Assert.Contains("book%3Fdate%3D2026-10-03", page.Url, StringComparison.Ordinal);
    }

    private static ILocator Day(IPage page, string date) => page.Locator($"#month td[data-date='{date}']");

    private static async Task<string> ClassOfAsync(IPage page, string date) =>
        (await Day(page, date).GetAttributeAsync("class"))!.Replace("day ", "", StringComparison.Ordinal);

    [Fact]
    public async Task AnUnknownOffering_Answers404()
    {
        var page = await browser.PhoneAsync();
        var response = await page.GotoAsync($"/offerings/{Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
    }
}
