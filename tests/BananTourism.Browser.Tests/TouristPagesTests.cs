using System.Text.RegularExpressions;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Signing up, my bookings, cancelling with the refund shown first, the calendar file, a stay, and the
/// English pages. The clock stands at 09:00 on 21 September 2026.</summary>
public class TouristPagesTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignUp_WithBadInput_ShowsEachErrorByItsField_ThenSignsIn()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("邮箱").FillAsync("not-an-email");
        await page.GetByLabel("密码").FillAsync("short");
        await page.GetByLabel("昵称").FillAsync("小李");
        await page.NavigateByAsync(() => page.Locator("#signup").ClickAsync());
        Assert.Equal("请填写有效的邮箱。", await page.Locator("#err-email").InnerTextAsync());
        Assert.NotEqual("", await page.Locator("#err-password").InnerTextAsync());
        Assert.Equal("", await page.Locator("#err-displayName").InnerTextAsync());
        Assert.Equal("not-an-email", await page.GetByLabel("邮箱").InputValueAsync()); // what was typed stays
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "signup-errors-375");

        await page.GetByLabel("邮箱").FillAsync("xiaoli@example.com");
        await page.GetByLabel("密码").FillAsync("Roses&Shrimp2026");
        await page.NavigateByAsync(() => page.Locator("#signup").ClickAsync(), "/$");
        Assert.Equal(1, await page.Locator("#nav-bookings").CountAsync());

        // The same email again is refused, in words.
        var other = await browser.PhoneAsync();
        await other.GotoAsync("/account/signup");
        await other.GetByLabel("邮箱").FillAsync("XiaoLi@example.com");
        await other.GetByLabel("密码").FillAsync("Roses&Shrimp2026");
        await other.GetByLabel("昵称").FillAsync("小李");
        await other.NavigateByAsync(() => other.Locator("#signup").ClickAsync());
        Assert.Contains("这个邮箱已经注册过了", await other.Locator("#form-errors").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewTourist_VerifiesTheirPhoneWithTheSmsCode_TheFirstTimeTheyBook()
    {
        var email = await browser.Api.RegisterTouristAsync();
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, email, Booker.TouristPassword);
        await OpenRosesFormAsync(page, "2026-09-23");

        // No booking form yet: the page asks for the mobile number first, keeping the chosen session.
        Assert.Equal(0, await page.Locator("#booking-form").CountAsync());
        var phone = Booker.NewPhone();
        await page.GetByLabel("手机号", new() { Exact = true }).FillAsync("12345");
        await page.NavigateByAsync(() => page.Locator("#send-code").ClickAsync());
        Assert.NotEqual("", await page.Locator("#err-phone").InnerTextAsync());
        await page.GetByLabel("手机号", new() { Exact = true }).FillAsync(phone);
        await page.NavigateByAsync(() => page.Locator("#send-code").ClickAsync());
        Assert.Contains(phone, await page.Locator("#code-sent").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "verify-phone-code-375");

        // A wrong code is said so by the field; the code from the SMS (the pickup folder here) opens the form.
        var code = Pickup.NewCode(browser.Api.PickupDirectory, phone, []);
        await page.GetByLabel("短信验证码").FillAsync(code == "000000" ? "111111" : "000000");
        await page.NavigateByAsync(() => page.Locator("#verify-submit").ClickAsync());
        Assert.Contains("验证码不对", await page.Locator("#err-code").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("短信验证码").FillAsync(code);
        await page.NavigateByAsync(() => page.Locator("#verify-submit").ClickAsync(), "/book\\?date=2026-09-23&slotId=");
        Assert.True(await page.Locator("input[name='Input.SlotId']:checked").CountAsync() == 1, "the chosen session is still chosen");
        Assert.Equal(phone, await page.GetByLabel("手机号", new() { Exact = true }).InputValueAsync()); // the contact number is the verified one
        await page.GetByLabel("成人", new() { Exact = true }).FillAsync("1");
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", await page.Locator("#verification-code").InnerTextAsync());
    }

    [Fact]
    public async Task WrongPassword_IsRefused_WithoutSayingWhichPartWasWrong()
    {
        var page = await browser.PhoneAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("邮箱").FillAsync("tourist@banan.local");
        await page.GetByLabel("密码").FillAsync("wrong-password");
        await page.NavigateByAsync(() => page.Locator("#signin").ClickAsync());
        Assert.Contains("邮箱或密码不对", await page.Locator("#form-errors").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "signin-error-375");
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await page.GotoAsync("/bookings");
        await page.NavigateByAsync(() => page.Locator("#signout").ClickAsync(), "/$");
        Assert.Equal(1, await page.Locator("#nav-signin").CountAsync());
        await page.GotoAsync("/bookings");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyBookings_CancelShowsTheRefundFirst_ThenCancels()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        var id = await BookRosesAsync(page, "2026-09-25", adults: 1);

        await page.GotoAsync("/bookings");
        Assert.Contains("玫瑰采摘", await page.Locator("#my-bookings").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "my-bookings-375");

        // The calendar file downloads as iCalendar.
        await page.GotoAsync($"/bookings/{id}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#calendar-download").ClickAsync());
        var path = await download.PathAsync();
        var ics = await File.ReadAllTextAsync(path!, TestContext.Current.CancellationToken);
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART", ics, StringComparison.Ordinal);

        await page.NavigateByAsync(() => page.Locator("#cancel-link").ClickAsync(), "/cancel$");
        Assert.Contains("无需退款", await page.Locator("#refund-preview").InnerTextAsync(), StringComparison.Ordinal); // pay on arrival
        await BrowserFixture.ScreenshotAsync(page, "cancel-preview-375");
        await page.NavigateByAsync(() => page.Locator("#confirm-cancel").ClickAsync(), $"/bookings/{id}$");
        Assert.Equal("已取消", await page.Locator("#booking-status").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#cancel-link").CountAsync());

        // A cancelled booking cannot be cancelled again, even by going to the page directly.
        await page.GotoAsync($"/bookings/{id}/cancel");
        Assert.Contains("无法取消", await page.Locator("#refund-preview").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#confirm-cancel").CountAsync());
    }

    [Fact]
    public async Task ResubmittingTheSameForm_BooksOnce()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await OpenRosesFormAsync(page, "2026-09-26");
        await page.GetByLabel("成人", new() { Exact = true }).FillAsync("1");

        // The same form posted twice (a double tap, a retry after a timeout) carries the same idempotency key.
        var form = await page.EvaluateAsync<string>("new URLSearchParams(new FormData(document.getElementById('booking-form'))).toString()");
        var first = await page.APIRequest.PostAsync(page.Url, new() { Headers = Form, Data = form, MaxRedirects = 0 });
        var second = await page.APIRequest.PostAsync(page.Url, new() { Headers = Form, Data = form, MaxRedirects = 0 });
        Assert.Equal(302, first.Status);
        Assert.Equal(first.Headers["location"], second.Headers["location"]);
    }

    [Fact]
    public async Task AFarmStay_IsBookedByNights()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await page.GotoAsync("/");
        await page.NavigateByAsync(() => page.Locator("#venues a").Filter(new() { HasText = "农家乐" }).First.ClickAsync(), "/venues/");
        await page.NavigateByAsync(() => page.Locator("main ul.cards a").First.ClickAsync(), "/offerings/");
        await page.NavigateByAsync(() => page.Locator("#availability li[data-date='2026-09-25'] a.button").ClickAsync(), "/book\\?checkIn=2026-09-25$");
        await page.GetByLabel("离店日期").FillAsync("2026-09-27");
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");
        Assert.Contains("2026-09-25 → 2026-09-27", await page.Locator("#booking-when").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("table.breakdown tbody tr").CountAsync()); // a line per night
    }

    [Fact]
    public async Task InEnglish_TheBookingPagesSpeakEnglish()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await OpenRosesFormAsync(page, "2026-09-27");
        await page.NavigateByAsync(() => page.Locator("#language-switch").ClickAsync(), "/book\\?");
        Assert.Contains("Confirm booking", await page.Locator("#book").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Adults", new() { Exact = true }).FillAsync("0");
        await page.GetByLabel("Children", new() { Exact = true }).FillAsync("0");
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync());
        Assert.NotEqual("", await page.Locator("#form-errors, #err-adults").First.InnerTextAsync());
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "booking-form-en-375");
    }

    [Fact]
    public async Task Booking_WorksWithTheKeyboardAlone()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await page.GotoAsync("/");
        await page.NavigateByAsync(() => page.Locator("#venues").GetByRole(AriaRole.Link, new() { Name = "幸福村玫瑰园" }).ClickAsync(), "/venues/");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "玫瑰采摘" }).ClickAsync(), "/offerings/");

        // Tab to the first "预订" of the two-week list and press Enter.
        await TabUntilAsync(page, "document.activeElement.matches('#availability a.button')");
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Enter"), "/book\\?");

        await TabUntilAsync(page, "document.activeElement.id === 'f-adults'");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("0");
        await page.NavigateByAsync(() => page.Keyboard.PressAsync("Enter"), "/bookings/[0-9a-f-]{36}$"); // submits the form from a text field
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", await page.Locator("#verification-code").InnerTextAsync());
    }

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 120 && !await page.EvaluateAsync<bool>(condition); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>(condition), $"never reached by Tab: {condition}");
    }

    [Fact]
    public async Task PagesForOtherRoles_SendTouristsAway()
    {
        var anonymous = await browser.PhoneAsync();
        await anonymous.GotoAsync("/officer");
        Assert.Contains("/account/signin", anonymous.Url, StringComparison.Ordinal);

        var tourist = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(tourist, "tourist@banan.local");
        var response = await tourist.GotoAsync("/operator");
        Assert.Equal(403, response!.Status);
        Assert.Contains("/account/denied", tourist.Url, StringComparison.Ordinal);
        await tourist.NavigateByAsync(() => tourist.Locator("#signin-as-other").ClickAsync(), "/account/signin$");
        await BrowserFixture.SignInAsync(tourist, "operator.rose@banan.local");
        Assert.Equal(200, (await tourist.GotoAsync("/operator"))!.Status);
    }

    private static readonly Dictionary<string, string> Form = new() { ["Content-Type"] = "application/x-www-form-urlencoded" };

    private static async Task OpenRosesFormAsync(IPage page, string date)
    {
        await page.GotoAsync("/");
        await page.NavigateByAsync(() => page.Locator("#venues").GetByRole(AriaRole.Link, new() { Name = "幸福村玫瑰园" }).ClickAsync(), "/venues/");
        await page.NavigateByAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "玫瑰采摘" }).ClickAsync(), "/offerings/");
        await page.NavigateByAsync(() => page.Locator($"#availability li[data-date='{date}'] a.button").First.ClickAsync(), "/book\\?");
    }

    private static async Task<string> BookRosesAsync(IPage page, string date, int adults)
    {
        await OpenRosesFormAsync(page, date);
        await page.GetByLabel("成人", new() { Exact = true }).FillAsync(adults.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");
        return page.Url[(page.Url.LastIndexOf('/') + 1)..];
    }
}
