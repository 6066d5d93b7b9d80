using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The tourists' home page in a real browser on a phone-sized screen. The clock stands at 09:00 on
/// 21 September 2026 (Shanghai).</summary>
public class HomePageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Home_InChinese_OnAPhone_ShowsTheCatalogAndFitsTheScreen()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/");

        Assert.Contains("巴南乡村旅游", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("二圣镇", await page.Locator("#townships").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("幸福村玫瑰园", await page.Locator("#venues").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "the page is wider than a 375-px phone");
        await BrowserFixture.ScreenshotAsync(page, "home-zh-375");
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_AndRemembersIt()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/");
        await page.NavigateByAsync(() => page.Locator("#language-switch").ClickAsync(), "/$");

        Assert.Contains("Townships", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Ersheng", await page.Locator("#townships").InnerTextAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Contains("Xingfu Village Rose Garden", await page.Locator("#venues").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "home-en-375");

        await page.NavigateByAsync(() => page.Locator("#language-switch").ClickAsync(), "/$");
        Assert.Contains("镇街", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByDateAndParty_ListsWhatHasRoom_UsingOnlyTheKeyboard()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/");
        await page.Locator("input[name=date]").FillAsync("2026-09-22");
        await page.Locator("input[name=partySize]").FillAsync("41");
        await page.NavigateByAsync(() => page.Locator("input[name=partySize]").PressAsync("Enter"), "/\\?date=2026-09-22");

        var results = await page.Locator("#results").InnerTextAsync();
        Assert.Contains("滨湖花海观光", results, StringComparison.Ordinal);   // 300-place sessions
        Assert.DoesNotContain("玫瑰采摘", results, StringComparison.Ordinal);  // 40-place sessions: no room for 41
        await BrowserFixture.ScreenshotAsync(page, "search-results-375");
    }
}
