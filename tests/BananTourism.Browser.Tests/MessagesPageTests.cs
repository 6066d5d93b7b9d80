using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>"My messages" and the administrator's outbox (issue 14).</summary>
public class MessagesPageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ATourist_SeesTheConfirmationInMyMessages_AndChoosesHowToBeReached()
    {
        var email = await browser.Api.RegisterVerifiedTouristAsync();
        var api = await browser.Api.SignInAsync(email, Booker.TouristPassword);
        var anonymous = browser.Api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var booking = await api.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, "2026-09-25"), adults: 2));

        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, email, Booker.TouristPassword);
        await page.NavigateByAsync(() => page.Locator("#nav-messages").ClickAsync(), "/messages$");

        // The dispatcher sends within a second or so; the page shows what was sent.
        var confirmation = page.Locator("#my-messages li", new() { HasText = "预订成功" });
        for (var i = 0; i < 40 && await confirmation.CountAsync() == 0; i++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            await page.NavigateByAsync(() => page.ReloadAsync());
        }

        Assert.Contains(booking.Get<string>("verificationCode"), await confirmation.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已发送", await confirmation.First.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "my-messages-375");

        Assert.True(await page.GetByLabel("邮件").IsCheckedAsync());
        Assert.False(await page.GetByLabel("短信（已验证的手机号）").IsCheckedAsync());
        await page.GetByLabel("短信（已验证的手机号）").CheckAsync();
        await page.GetByLabel("行前提醒（前一天 18:00）").UncheckAsync();
        await page.NavigateByAsync(() => page.Locator("#save-preferences").ClickAsync(), "/messages");
        Assert.Equal("已保存。", await page.Locator("#preferences-saved").InnerTextAsync());
        Assert.True(await page.GetByLabel("短信（已验证的手机号）").IsCheckedAsync());
        Assert.False(await page.GetByLabel("行前提醒（前一天 18:00）").IsCheckedAsync());
        Assert.True(await page.GetByLabel("邮件").IsCheckedAsync());
    }

    [Fact]
    public async Task TheAdmin_OpensTheOutbox()
    {
        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "admin@banan.local");
        await page.NavigateByAsync(() => page.Locator("#nav-outbox").ClickAsync(), "/admin/outbox");
        Assert.Equal("发件箱", await page.Locator("h1").InnerTextAsync());
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "已发送" }).ClickAsync(), "status=sent");
    }
}
