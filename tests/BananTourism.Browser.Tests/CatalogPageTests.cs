using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>From the home page to a venue and an offering's live availability, in a real browser.</summary>
public class CatalogPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ATourist_FindsTheRoseGarden_AndSeesPlacesAndPricesPerSession()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "幸福村玫瑰园" }).ClickAsync();
        await page.WaitForURLAsync("**/venues/**");
        Assert.Contains("幸福村", await page.Locator(".muted").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "玫瑰采摘" }).ClickAsync();
        await page.WaitForURLAsync("**/offerings/**");
        Assert.Contains("成人 ¥58", await page.Locator("#prices").InnerTextAsync(), StringComparison.Ordinal);

        // 09:00 on 21 September: the morning session has started (closed), the afternoon one is open with 40 places.
        var today = page.Locator("#availability li[data-date='2026-09-21']");
        Assert.Equal(2, await today.CountAsync());
        Assert.Contains("已关闭", await today.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("40 / 40", await today.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(28, await page.Locator("#availability li").CountAsync()); // two weeks, two sessions a day
        await BrowserFixture.ScreenshotAsync(page, "offering-roses-375");

        await page.GetByRole(AriaRole.Link, new() { Name = "后两周" }).ClickAsync();
        await page.WaitForURLAsync("**from=2026-10-05");
        Assert.Equal("2026-10-05", await page.Locator("#availability li").First.GetAttributeAsync("data-date"));
    }

    [Fact]
    public async Task AnUnknownOffering_Answers404()
    {
        var page = await browser.PhoneAsync();
        var response = await page.GotoAsync($"/offerings/{Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
    }
}
