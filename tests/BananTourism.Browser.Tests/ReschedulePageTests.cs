using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Rain closes the rose garden (issue 15): the operator closes the session offering a move, and the tourist, on
/// a phone, opens the booking, sees the offer first, picks a new date and gets the new time with the same code.</summary>
public class ReschedulePageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARainedOutTourist_SeesTheOffer_PicksANewDate_AndGetsTheNewTime()
    {
        var email = await browser.Api.RegisterVerifiedTouristAsync();
        var api = await browser.Api.SignInAsync(email, Booker.TouristPassword);
        var roses = await api.OfferingIdAsync("玫瑰采摘");
        var rainy = await api.SlotIdAsync(roses, "2026-09-24", "09:00");
        var booking = await api.BookOkAsync(Booker.SlotBooking(roses, rainy, adults: 2));
        var id = booking["id"]!.GetValue<string>();

        // The operator closes that morning on the close page, choosing to offer a move.
        var desk = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(desk, "operator.rose@banan.local");
        await desk.GotoAsync($"/operator/offerings/{roses}/close?SlotId={rainy}");
        await desk.GetByLabel("原因").FillAsync("暴雨预警");
        await desk.Locator("#mode-offer-move").CheckAsync();
        await desk.NavigateByAsync(() => desk.Locator("#closure-preview-button").ClickAsync());
        Assert.Contains("1 笔预订将收到改期邀请（截止 2026-10-21）", await desk.Locator("#closure-preview").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(desk, "operator-closure-offer-move-1280");
        await desk.NavigateByAsync(() => desk.Locator("#closure-confirm").ClickAsync());
        Assert.Contains("1 笔预订将收到改期邀请", await desk.Locator("#closure-outcome").InnerTextAsync(), StringComparison.Ordinal);

        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, email, Booker.TouristPassword);
        await page.GotoAsync($"/bookings/{id}");
        var offer = page.Locator("#move-offer");
        Assert.Contains("暴雨预警", await offer.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2026-10-21", await offer.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>(
            "document.querySelector('#move-offer').getBoundingClientRect().top < document.querySelector('#verification-code').getBoundingClientRect().top"),
            "the offer comes before the code");
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "booking-move-offer-375");

        await page.NavigateByAsync(() => page.Locator("#offer-reschedule").ClickAsync(), "/reschedule$");
        Assert.Contains("场地关闭后的改期免费", await page.Locator("#reschedule-policy").InnerTextAsync(), StringComparison.Ordinal);
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "选这个场次 09-26 09:00" }).ClickAsync(), "slotId=");
        Assert.Contains("2026-09-26 09:00", await page.Locator("#new-when").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("¥156", await page.Locator("#reschedule-preview").InnerTextAsync(), StringComparison.Ordinal); // 中秋: 2 × ¥78
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "booking-reschedule-375");
        await page.NavigateByAsync(() => page.Locator("#confirm-reschedule").ClickAsync(), $"/bookings/{id}$");

        Assert.Contains("2026-09-26 09:00", await page.Locator("#booking-when").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2026-09-24", await page.Locator("#rescheduled-from").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#move-offer").CountAsync());
        Assert.Equal(booking["verificationCode"]!.GetValue<string>(), await page.Locator("#verification-code").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "booking-rescheduled-375");

        // The new time went out to the tourist too.
        var messages = await (await api.GetAsync("/api/v1/me/notifications", Ct)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>(Ct);
        Assert.Contains("bookingRescheduled", messages!.ToJsonString(), StringComparison.Ordinal);
    }
}
