using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The officers' dashboard: filters, the split by village and venue, year over year, CSV, English, and
/// an officer kept to their own township. The clock stands at 09:00 on 21 September 2026.</summary>
public class OfficerDashboardTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filters_SplitByVenue_AndTheCsvHasWhatIsShown()
    {
        // Two people come with a booking and five walk in at the rose garden today.
        var client = await browser.Api.NewTouristAsync();
        var offering = await client.OfferingIdAsync("玫瑰采摘");
        var booking = await client.BookOkAsync(Booker.SlotBooking(offering, await client.SlotIdAsync(offering, "2026-09-21", "14:00"), adults: 2));
        var gate = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(gate, "operator.rose@banan.local");
        await gate.GotoAsync("/operator/checkin");
        await gate.GetByLabel("验证码").FillAsync(booking["verificationCode"]!.GetValue<string>());
        await gate.NavigateByAsync(() => gate.GetByLabel("验证码").PressAsync("Enter"));
        Assert.Contains("核销成功", await gate.Locator("#checkin-outcome").InnerTextAsync(), StringComparison.Ordinal);
        await gate.GotoAsync("/operator");
        await gate.NavigateByAsync(() => gate.Locator("section.panel a", new() { HasText = "散客" }).First.ClickAsync(), "/walkins");
        await gate.GetByLabel("散客人数").FillAsync("5");
        await gate.NavigateByAsync(() => gate.Locator("#walkin-submit").ClickAsync(), "added=5$");

        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "officer.ersheng@banan.local");
        await page.GetByLabel("分组").SelectOptionAsync("Venue");
        await page.NavigateByAsync(() => page.Locator("#apply-filters").ClickAsync(), "by=Venue");
        var row = page.Locator("#split-table tbody tr").Filter(new() { HasText = "幸福村玫瑰园" });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["2", "2", "5", "7"], cells.Take(4));
        Assert.Contains("幸福村玫瑰园", await page.EvaluateAsync<string>("window.bananCharts.split.data.labels.join(',')"), StringComparison.Ordinal);

        // Only the rose garden's category (picking): the walk-ins count under the venue's first category.
        await page.GetByLabel("类别").SelectOptionAsync("Picking");
        await page.NavigateByAsync(() => page.Locator("#apply-filters").ClickAsync(), "category=Picking");
        Assert.Equal("7", await page.Locator("#kpi-visitors").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv-download").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);
        Assert.StartsWith("period,key,name,booked,checkedIn,walkIns,visitors,revenueFen,revenueYuan", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("2026-09,", csv, StringComparison.Ordinal);
        Assert.Contains("幸福村玫瑰园,2,2,5,7,", csv, StringComparison.Ordinal);
        Assert.Equal("visitors-2026.csv", download.SuggestedFilename);
        await BrowserFixture.ScreenshotAsync(page, "officer-by-venue-1280");
    }

    [Fact]
    public async Task AnOfficer_SeesOnlyTheirTownship_AnAdminTheDistrict()
    {
        var officer = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(officer, "officer.ersheng@banan.local");
        Assert.Equal(1, await officer.Locator("select[name=townshipId] option").CountAsync());
        Assert.True(await officer.Locator("select[name=townshipId]").IsDisabledAsync());

        // Asking for another township's venue in the address bar does not show its figures.
        var admin = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(admin, "admin@banan.local");
        Assert.EndsWith("/officer", admin.Url, StringComparison.Ordinal);
        Assert.True(await admin.Locator("select[name=townshipId] option").CountAsync() > 2); // the district and each township
        var foreign = await admin.Locator("select[name=venueId] option", new() { HasText = "九花谷菊园" }).GetAttributeAsync("value");
        await officer.GotoAsync($"/officer?venueId={foreign}");
        Assert.NotEqual("", await officer.Locator("#form-errors").InnerTextAsync());
        Assert.DoesNotContain("东温泉镇", await officer.Locator("#split-table").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAPhone_InEnglish_TheDashboardFits()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "officer.ersheng@banan.local");
        await page.NavigateByAsync(() => page.Locator("#language-switch").ClickAsync(), "/officer");
        Assert.Contains("Visitors by month", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Visitors 2025", await page.Locator("#months-table thead").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "officer-dashboard-en-375");
    }
}
