using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Today's board (issue 17): the officer's tiles follow the gate live, the operator's home shows their venues'
/// today, and tourists see a crowd badge. The clock stands at 09:00 on 21 September 2026.</summary>
public class TodayBoardTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheOfficersBoard_ChangesColour_WhenTheOperatorRecordsWalkInsInAnotherTab()
    {
        var board = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(board, "officer.ersheng@banan.local");
        await board.NavigateByAsync(() => board.Locator("#nav-today").ClickAsync(), "/officer/today$");
        var tile = board.Locator(".tile", new() { HasText = "幸福村玫瑰园" });
        Assert.Equal("comfortable", await tile.GetAttributeAsync("data-level"));
        await Assertions.Expect(board.Locator("#today-live")).ToBeVisibleAsync(); // the stream is open
        var walkInsBefore = int.Parse(await tile.Locator("[data-field=walkIns]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // The gate, in another tab: a coach party of 1,300 walks in (the garden's cap is 1,500).
        var gate = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(gate, "operator.rose@banan.local");
        await Assertions.Expect(gate.Locator(".tile", new() { HasText = "幸福村玫瑰园" })).ToHaveAttributeAsync("data-level", "comfortable");
        await gate.NavigateByAsync(() => gate.Locator("section.panel a", new() { HasText = "散客" }).First.ClickAsync(), "/walkins");
        await gate.GetByLabel("散客人数").FillAsync("1300");
        await gate.NavigateByAsync(() => gate.Locator("#walkin-submit").ClickAsync(), "added=1300$");

        // No reload: the tile turns crowded within the stream's two seconds (and the totals follow).
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-level", "crowded", new() { Timeout = 3000 });
        await Assertions.Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-crowded"));
        await Assertions.Expect(tile.Locator("[data-field=level]")).ToHaveTextAsync("拥挤");
        Assert.Equal((walkInsBefore + 1300).ToString(System.Globalization.CultureInfo.InvariantCulture), await tile.Locator("[data-field=walkIns]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(board, "officer-today-1280");

        // The operator's home shows the same, and the tourists' pages a crowd badge.
        await gate.GotoAsync("/operator");
        await Assertions.Expect(gate.Locator(".tile", new() { HasText = "幸福村玫瑰园" })).ToHaveAttributeAsync("data-level", "crowded");
        await BrowserFixture.AssertFitsAsync(gate);
        await BrowserFixture.ScreenshotAsync(gate, "operator-today-375");
        var tourist = await browser.PhoneAsync();
        await tourist.GotoAsync($"/offerings/{await browser.Api.CreateClient().OfferingIdAsync("玫瑰采摘")}");
        await Assertions.Expect(tourist.Locator("#crowd-badge")).ToHaveTextAsync("拥挤");
        await tourist.Locator("a", new() { HasText = "幸福村玫瑰园" }).First.ClickAsync();
        await Assertions.Expect(tourist.Locator("#crowd-badge")).ToHaveTextAsync("拥挤");
        await BrowserFixture.AssertFitsAsync(tourist);
        await BrowserFixture.ScreenshotAsync(tourist, "venue-crowd-badge-375");
    }
}
