using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>After a session ends, the operator marks who never came. A class of its own: it moves the clock.</summary>
public class NoShowPageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AfterTheSession_AConfirmedBookingCanBeMarkedNoShow()
    {
        var client = await browser.Api.NewTouristAsync();
        var roses = await client.OfferingIdAsync("玫瑰采摘");
        var booking = await client.BookOkAsync(Booker.SlotBooking(roses, await client.SlotIdAsync(roses, "2026-09-21", "14:00"), adults: 2));
        var id = booking["id"]!.GetValue<string>();

        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        await page.NavigateByAsync(() => page.Locator("section.panel").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "幸福村玫瑰园", Exact = true }) })
            .GetByRole(AriaRole.Link, new() { Name = "今日预订" }).ClickAsync(), "/bookings\\?date=2026-09-21$");
        Assert.Equal(0, await page.Locator($"#noshow-{id}").CountAsync()); // the session has not even begun

        browser.Api.Clock.Advance(TimeSpan.FromHours(7.5)); // 16:30, the 14:00–16:00 session is over
        await page.ReloadAsync();
        await page.NavigateByAsync(() => page.Locator($"#noshow-{id}").ClickAsync());
        var row = page.Locator("#venue-bookings tr").Filter(new() { HasText = booking["reference"]!.GetValue<string>() });
        Assert.Contains("未到场", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"#noshow-{id}").CountAsync());
    }
}
