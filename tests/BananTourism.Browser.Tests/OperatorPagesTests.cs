using System.Globalization;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The operator of 幸福村玫瑰园 at work: the gate (typed, keyboard-only, camera), today's bookings,
/// walk-ins, closing a day with a preview, scheduling, and new venues and offerings with their form errors.
/// The clock stands at 09:00 on 21 September 2026.</summary>
public class OperatorPagesTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckIn_OnlyWithTheKeyboard_AndNotForToday()
    {
        var today = await BookRosesAsync("2026-09-21", "14:00", adults: 2);
        var tomorrow = await BookRosesAsync("2026-09-22", "09:00", adults: 2);

        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        await page.GotoAsync("/operator/checkin");

        // The code field has the focus: type, Tab to the headcount, type, Enter.
        await page.Keyboard.TypeAsync(today);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab"); // past the camera button
        await page.Keyboard.TypeAsync("3");
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Enter"));
        var outcome = await page.Locator("#checkin-outcome").InnerTextAsync();
        Assert.Contains("核销成功", outcome, StringComparison.Ordinal);
        Assert.Contains("3 人", outcome, StringComparison.Ordinal); // one more than booked is let in and recorded
        await page.ReloadAsync(); // the answer stays; nothing is scanned twice
        Assert.Contains("核销成功", await page.Locator("#checkin-outcome").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("验证码").FillAsync(tomorrow);
        await page.NavigateByAsync(() => page.GetByLabel("验证码").PressAsync("Enter"));
        outcome = await page.Locator("#checkin-outcome").InnerTextAsync();
        Assert.Contains("不是今天的预订", outcome, StringComparison.Ordinal);
        Assert.Contains("2026-09-22", outcome, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "checkin-not-today-375");

        await page.GetByLabel("验证码").FillAsync("ZZZZ-ZZZZ");
        await page.NavigateByAsync(() => page.GetByLabel("验证码").PressAsync("Enter"));
        Assert.NotEqual("", await page.Locator("#form-errors").InnerTextAsync());

        // In English the same answers are in English.
        await page.NavigateByAsync(() => page.Locator("#language-switch").ClickAsync(), "/operator/checkin");
        await page.GetByLabel("Verification code").FillAsync(today);
        await page.NavigateByAsync(() => page.GetByLabel("Verification code").PressAsync("Enter"));
        Assert.Contains("Already checked in at 09:00", await page.Locator("#checkin-outcome").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "checkin-en-375");
    }

    [Fact]
    public async Task CheckIn_ByScanningTheTicketWithTheCamera()
    {
        var code = await BookRosesAsync("2026-09-21", "14:00", adults: 1);
        var video = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.y4m");
        await FakeCamera.WriteQrVideoAsync(video, code);
        try
        {
            await using var camera = await browser.LaunchWithCameraAsync(video);
            var context = await camera.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = browser.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 375, Height = 812 },
                Locale = "zh-CN",
                Permissions = ["camera"],
            });
            await Traces.StartAsync(context);
            var page = await context.NewPageAsync();
            await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
            await page.GotoAsync("/operator/checkin");
            await page.Locator("#scan-start").ClickAsync();
            await page.Locator("#checkin-outcome").WaitForAsync(new() { Timeout = 20_000 });
            Assert.Contains("核销成功", await page.Locator("#checkin-outcome").InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Fact]
    public async Task TodaysBookings_WalkIns_AndAClosureWithItsPreview()
    {
        await BookRosesAsync("2026-09-21", "14:00", adults: 4);
        await BookRosesAsync("2026-09-30", "09:00", adults: 2);
        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        Assert.EndsWith("/operator", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "operator-home-1280");

        await page.NavigateByAsync(() => RoseGarden(page).GetByRole(AriaRole.Link, new() { Name = "今日预订" }).ClickAsync(), "/bookings\\?date=2026-09-21$");
        Assert.Contains("14:00", await page.Locator("#venue-bookings").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "operator-bookings-1280");

        // Checked in from the list (someone shows the booking's reference instead of the code).
        var row = page.Locator("#venue-bookings tbody tr").Filter(new() { HasText = "14:00" }).Filter(new() { HasText = "4" }).First;
        await page.NavigateByAsync(() => row.GetByRole(AriaRole.Button, new() { Name = "核销" }).ClickAsync(), "/operator/checkin\\?done=");
        Assert.Contains("4 人", await page.Locator("#checkin-outcome").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/operator");
        await page.NavigateByAsync(() => RoseGarden(page).GetByRole(AriaRole.Link, new() { Name = "散客" }).ClickAsync(), "/walkins");
        var before = int.Parse(await page.Locator("#walkin-total").InnerTextAsync(), CultureInfo.InvariantCulture);
        await page.GetByLabel("散客人数").FillAsync("12");
        await page.NavigateByAsync(() => page.Locator("#walkin-submit").ClickAsync(), "added=12$");
        Assert.Equal(before + 12, int.Parse(await page.Locator("#walkin-total").InnerTextAsync(), CultureInfo.InvariantCulture));
        await page.ReloadAsync(); // a reload is a GET: nobody is counted twice
        Assert.Equal(before + 12, int.Parse(await page.Locator("#walkin-total").InnerTextAsync(), CultureInfo.InvariantCulture));
        await page.GetByLabel("散客人数").FillAsync("-1000");
        await page.NavigateByAsync(() => page.Locator("#walkin-submit").ClickAsync());
        Assert.Contains("少于 0", await page.Locator("#form-errors").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "operator-walkins-1280");

        // Close 30 September for rain: the preview counts the booking, the closure cancels it.
        await page.GotoAsync("/operator");
        await page.NavigateByAsync(() => RoseGarden(page).Locator("li").Filter(new() { HasText = "玫瑰采摘" }).GetByRole(AriaRole.Link, new() { Name = "关闭日期" }).ClickAsync(), "/close");
        await page.GetByLabel("开始日期").FillAsync("2026-09-30");
        await page.GetByLabel("结束日期").FillAsync("2026-09-30");
        await page.NavigateByAsync(() => page.Locator("#closure-preview-button").ClickAsync());
        Assert.Contains("请填写原因", await page.Locator("#err-reason").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("原因").FillAsync("暴雨预警");
        await page.NavigateByAsync(() => page.Locator("#closure-preview-button").ClickAsync());
        Assert.Contains("将关闭 2 个场次/晚，取消 1 笔预订", await page.Locator("#closure-preview").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "operator-closure-preview-1280");
        await page.NavigateByAsync(() => page.Locator("#closure-confirm").ClickAsync());
        Assert.Contains("取消 1 笔预订", await page.Locator("#closure-outcome").InnerTextAsync(), StringComparison.Ordinal);

        var tourist = await browser.PhoneAsync();
        await tourist.GotoAsync("/");
        await tourist.NavigateByAsync(() => tourist.Locator("#venues").GetByRole(AriaRole.Link, new() { Name = "幸福村玫瑰园" }).ClickAsync(), "/venues/");
        await tourist.NavigateByAsync(() => tourist.GetByRole(AriaRole.Link, new() { Name = "玫瑰采摘" }).ClickAsync(), "/offerings/");
        await tourist.GotoAsync(tourist.Url + "?from=2026-09-30");
        Assert.Contains("已关闭", await tourist.Locator("#availability li[data-date='2026-09-30']").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewVenue_NewOffering_AndItsSchedule_WithErrorsByTheFields()
    {
        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        await page.GotoAsync("/operator/venues/new");
        await page.NavigateByAsync(() => page.Locator("#venue-save").ClickAsync());
        Assert.Equal("请填写名称。", await page.Locator("#err-name").InnerTextAsync());
        Assert.Equal("至少选一个类别。", await page.Locator("#err-categories").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "operator-venue-errors-1280");

        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("幸福村亲子农场");
        await page.GetByLabel("村", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "幸福村" });
        await page.GetByLabel("采摘").CheckAsync();
        await page.GetByLabel("每日限流").FillAsync("300");
        await page.NavigateByAsync(() => page.Locator("#venue-save").ClickAsync(), "/operator$");
        Assert.Contains("幸福村亲子农场", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.NavigateByAsync(() => page.Locator("section.panel").Filter(new() { HasText = "幸福村亲子农场" }).GetByRole(AriaRole.Link, new() { Name = "新建项目" }).ClickAsync(), "/offerings/new");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("草莓采摘");
        await page.NavigateByAsync(() => page.Locator("#offering-save").ClickAsync());
        Assert.Contains("成人价", await page.Locator("#err-prices-adult").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("成人", new() { Exact = true }).FillAsync("39.5");
        await page.GetByLabel("儿童", new() { Exact = true }).FillAsync("19");
        await page.GetByLabel("发布（游客可见、可预订）").CheckAsync();
        await page.GetByLabel("到店付款最多人数").FillAsync("10"); // pay on arrival for parties of up to 10
        await page.NavigateByAsync(() => page.Locator("#offering-save").ClickAsync(), "/schedule$");
        await BrowserFixture.ScreenshotAsync(page, "operator-schedule-1280");

        await page.GetByLabel("开始日期").FillAsync("2026-09-22");
        await page.GetByLabel("结束日期").FillAsync("2026-09-28");
        await page.NavigateByAsync(() => page.Locator("#schedule-submit").ClickAsync());
        Assert.Contains("新增 14 个，已存在 0 个", await page.Locator("#schedule-outcome").InnerTextAsync(), StringComparison.Ordinal);
        await page.NavigateByAsync(() => page.Locator("#schedule-submit").ClickAsync());
        Assert.Contains("新增 0 个，已存在 14 个", await page.Locator("#schedule-outcome").InnerTextAsync(), StringComparison.Ordinal);

        // Tourists see it with its price.
        var offeringId = page.Url.Split('/')[^2];
        var tourist = await browser.PhoneAsync();
        await tourist.GotoAsync($"/offerings/{offeringId}?from=2026-09-22");
        Assert.Contains("成人 ¥39.5", await tourist.Locator("#prices").InnerTextAsync(), StringComparison.Ordinal);
        var rules = await (await browser.Api.CreateClient().GetAsync($"/api/v1/offerings/{offeringId}", Ct)).ReadJsonAsync();
        Assert.True(rules["payOnArrival"]!.Get<bool>("allowed"));
        Assert.Equal(10, rules["payOnArrival"]!.Get<int>("maxPeople"));
        Assert.Equal(14, await tourist.Locator("#availability li[data-date]").CountAsync());

        // Another operator's venue is not there for them.
        var other = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(other, "operator.yunlin@banan.local");
        var response = await other.GotoAsync($"/operator/offerings/{offeringId}/edit");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task Sessions_CapacityChanges_NeverBelowWhatIsReserved_AndOneSessionCloses()
    {
        var client = await browser.Api.NewTouristAsync();
        var viewing = await client.OfferingIdAsync("玫瑰园赏花");
        var slotId = await client.SlotIdAsync(viewing, "2026-10-06");
        await client.BookOkAsync(Booker.SlotBooking(viewing, slotId, adults: 3));

        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        await page.NavigateByAsync(() => RoseGarden(page).Locator("li").Filter(new() { HasText = "玫瑰园赏花" }).GetByRole(AriaRole.Link, new() { Name = "场次与名额" }).ClickAsync(), "/slots$");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "后两周" }).ClickAsync(), "/slots\\?from=");
        var row = page.Locator($"#slots tr[data-slot='{slotId}']");
        Assert.Equal("3", await row.Locator("td").First.InnerTextAsync());

        await row.Locator("input[name=capacity]").FillAsync("10");
        await page.NavigateByAsync(() => row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync(), $"changed={slotId}");
        Assert.Equal("10", await page.Locator($"#slots tr[data-slot='{slotId}'] input[name=capacity]").InputValueAsync());
        Assert.Equal((10, 3), await browser.Api.SlotAsync(slotId));

        await page.Locator($"#slots tr[data-slot='{slotId}'] input[name=capacity]").FillAsync("2");
        await page.NavigateByAsync(() => page.Locator($"#slots tr[data-slot='{slotId}']").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync());
        Assert.Contains("名额不能少于已预订的人数", await page.Locator("#form-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal((10, 3), await browser.Api.SlotAsync(slotId));
        await BrowserFixture.ScreenshotAsync(page, "operator-sessions-1280");

        await page.NavigateByAsync(() => page.Locator($"#slots tr[data-slot='{slotId}']").GetByRole(AriaRole.Link, new() { Name = "关闭此场" }).ClickAsync(), "/close");
        await page.GetByLabel("原因").FillAsync("设备检修");
        await page.NavigateByAsync(() => page.Locator("#closure-preview-button").ClickAsync());
        Assert.Contains("将关闭 1 个场次/晚，取消 1 笔预订", await page.Locator("#closure-preview").InnerTextAsync(), StringComparison.Ordinal);
        await page.NavigateByAsync(() => page.Locator("#closure-confirm").ClickAsync());
        Assert.Contains("取消 1 笔预订", await page.Locator("#closure-outcome").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(page.Url.Replace("/close", "/slots", StringComparison.Ordinal).Split('?')[0] + "?from=2026-10-05");
        Assert.Contains("设备检修", await page.Locator($"#slots tr[data-slot='{slotId}']").InnerTextAsync(), StringComparison.Ordinal);

        // The venue's bookings as a calendar file, through the page session.
        await page.GotoAsync("/operator");
        var download = await page.RunAndWaitForDownloadAsync(() => RoseGarden(page).GetByRole(AriaRole.Link, new() { Name = "预订日历 (.ics)" }).ClickAsync());
        Assert.Contains("BEGIN:VCALENDAR", await File.ReadAllTextAsync((await download.PathAsync())!, Ct), StringComparison.Ordinal);
    }

    private static ILocator RoseGarden(IPage page) => page.Locator("section.panel")
        .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "幸福村玫瑰园", Exact = true }) });

    private async Task<string> BookRosesAsync(string date, string start, int adults)
    {
        var client = await browser.Api.NewTouristAsync();
        var offering = await client.OfferingIdAsync("玫瑰采摘");
        var slot = await client.SlotIdAsync(offering, date, start);
        var booking = await client.BookOkAsync(Booker.SlotBooking(offering, slot, adults));
        return booking["verificationCode"]!.GetValue<string>();
    }
}
