using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The whole story in one browser session per person: a tourist on a phone finds 幸福村玫瑰园,
/// books a session for 3 and sees the code; the operator checks the code in and a second scan says it already
/// was; the officer's dashboard counts the three new visitors. The clock stands at 09:00 on 21 September 2026.</summary>
public partial class JourneyTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TouristBooks_OperatorChecksIn_OfficerSeesTheVisitors()
    {
        // The officer's September figures before anyone comes.
        var officer = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(officer, "officer.ersheng@banan.local");
        Assert.EndsWith("/officer", officer.Url, StringComparison.Ordinal);
        var before = await SeptemberAsync(officer);

        // A tourist on a phone, not signed in yet, finds the rose garden and its picking sessions.
        var tourist = await browser.PhoneAsync();
        await tourist.GotoAsync("/");
        await tourist.NavigateByAsync(() => tourist.Locator("#venues").GetByRole(AriaRole.Link, new() { Name = "幸福村玫瑰园" }).ClickAsync(), "/venues/");
        await tourist.NavigateByAsync(() => tourist.GetByRole(AriaRole.Link, new() { Name = "玫瑰采摘" }).ClickAsync(), "/offerings/");

        // Booking needs an account: sign in, and come back to the form.
        await tourist.NavigateByAsync(() => tourist.Locator("#availability li[data-date='2026-09-21'] a.button").First.ClickAsync(), "/account/signin");
        await tourist.GetByLabel("邮箱").FillAsync("tourist@banan.local");
        await tourist.GetByLabel("密码").FillAsync(BrowserFixture.Password);
        await tourist.NavigateByAsync(() => tourist.Locator("#signin").ClickAsync(), "/book\\?");
        Assert.True(await tourist.Locator("input[name='Input.SlotId']:checked").CountAsync() == 1, "the chosen session is selected");
        await BrowserFixture.ScreenshotAsync(tourist, "booking-form-375");

        // A wrong phone number: the server says so next to the field, in Chinese, and books nothing.
        await tourist.GetByLabel("成人", new() { Exact = true }).FillAsync("2");
        await tourist.GetByLabel("儿童", new() { Exact = true }).FillAsync("1");
        await tourist.GetByLabel("手机号").FillAsync("12");
        await tourist.NavigateByAsync(() => tourist.Locator("#book").ClickAsync());
        Assert.Equal("请填写有效的手机号。", await tourist.Locator("#err-contact-phone").InnerTextAsync());
        Assert.Equal("true", await tourist.GetByLabel("手机号").GetAttributeAsync("aria-invalid"));
        await BrowserFixture.ScreenshotAsync(tourist, "booking-form-error-375");

        await tourist.GetByLabel("手机号").FillAsync("13800138000");
        await tourist.NavigateByAsync(() => tourist.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");
        var code = await tourist.Locator("#verification-code").InnerTextAsync();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Equal(1, await tourist.Locator(".qr svg").CountAsync());
        Assert.Contains("2026-09-21 14:00", await tourist.Locator("#booking-when").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("¥144", await tourist.Locator("#booking-total").InnerTextAsync()); // 2 × ¥58 + 1 × ¥28
        await BrowserFixture.AssertFitsAsync(tourist);
        await BrowserFixture.ScreenshotAsync(tourist, "booking-confirmation-375");

        // The operator at the gate types the code the way people do: lower case, no dash, headcount left empty.
        var gate = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(gate, "operator.rose@banan.local");
        await gate.GotoAsync("/operator/checkin");
        await gate.GetByLabel("验证码").FillAsync(code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        await gate.NavigateByAsync(() => gate.GetByLabel("验证码").PressAsync("Enter"));
        var outcome = await gate.Locator("#checkin-outcome").InnerTextAsync();
        Assert.Contains("核销成功", outcome, StringComparison.Ordinal);
        Assert.Contains("3 人", outcome, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(gate, "checkin-ok-375");

        // The same code again.
        await gate.GetByLabel("验证码").FillAsync(code);
        await gate.NavigateByAsync(() => gate.Locator("#checkin-submit").ClickAsync());
        Assert.Contains("已于 09:00 核销", await gate.Locator("#checkin-outcome").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(gate, "checkin-already-375");

        // The officer reloads: three more people came with a booking in September.
        await officer.ReloadAsync();
        var after = await SeptemberAsync(officer);
        Assert.Equal(before.CheckedIn + 3, after.CheckedIn);
        Assert.Equal(before.Visitors + 3, after.Visitors);
        Assert.Equal(before.Booked + 3, after.Booked);
        var drawn = await officer.EvaluateAsync<int>("window.bananCharts.months.data.datasets[1].data[8]");
        Assert.Equal(after.CheckedIn, drawn);
        await BrowserFixture.ScreenshotAsync(officer, "officer-dashboard-1280");

        // The tourist's booking now shows it was used.
        await tourist.ReloadAsync();
        Assert.Equal("已核销", await tourist.Locator("#booking-status").InnerTextAsync());
    }

    private static async Task<(int Booked, int CheckedIn, int Visitors)> SeptemberAsync(IPage officer)
    {
        var cells = await officer.Locator("#months-table tr[data-period='2026-09'] td").AllInnerTextsAsync();
        return (int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture));
    }
}
